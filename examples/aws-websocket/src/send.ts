/** `sendMessage`: answers the sender through the API Gateway Management API of the linked API. */
import { ApiGatewayManagementApiClient, PostToConnectionCommand } from "@aws-sdk/client-apigatewaymanagementapi";
import { Resource } from "sst";

interface WebSocketEvent {
  body?: string;
  requestContext: { connectionId: string };
}

const client = new ApiGatewayManagementApiClient({ endpoint: Resource.Chat.managementEndpoint });

export async function handler(event: WebSocketEvent) {
  const { text } = JSON.parse(event.body ?? "{}") as { text?: string };
  await client.send(
    new PostToConnectionCommand({
      ConnectionId: event.requestContext.connectionId,
      Data: new TextEncoder().encode(JSON.stringify({ echo: text ?? "" })),
    }),
  );
  return { statusCode: 200 };
}
