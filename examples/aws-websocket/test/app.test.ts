/** The aws-websocket example, synthesised offline: routes, the $connect authorizer, and the link to the API. */
import { join } from "node:path";
import { synthConfig } from "@sst/core/testing";
import { aws } from "@sst/aws";
import { describe, expect, it } from "vitest";

const root = join(import.meta.dirname, "..");

describe("aws-websocket", () => {
  it("routes the four keys, authorizes $connect with the token authorizer, and links sendMessage to the API", async () => {
    const graph = await synthConfig({ cwd: root, stage: "test", plugins: [aws()] });
    expect(graph.get("ChatApi").inputs).toMatchObject({ protocolType: "WEBSOCKET", routeSelectionExpression: "$request.body.action" });
    const routes = Object.fromEntries(graph.byType("aws:apigatewayv2/route:Route").map((r) => [r.inputs.routeKey, r.inputs]));
    expect(Object.keys(routes).sort()).toEqual(["$connect", "$default", "$disconnect", "sendMessage"]);
    expect(routes.$connect).toMatchObject({ authorizationType: "CUSTOM", authorizerId: "ChatAuthorizerTokenAuthorizer-id" });
    expect(routes.sendMessage).toMatchObject({ authorizationType: "NONE" });
    expect(graph.get("ChatAuthorizerTokenAuthorizer").inputs).toMatchObject({
      authorizerType: "REQUEST",
      identitySources: ["route.request.querystring.token"],
    });
    const handlers = graph.byType("aws:lambda/function:Function").map((f) => f.inputs.handler).sort();
    expect(handlers).toEqual(["src/authorizer.handler", "src/connection.connect", "src/connection.disconnect", "src/connection.fallback", "src/send.handler"]);
    const chat = graph.links.find((l) => l.name === "Chat")!;
    expect(chat.include).toMatchObject([{ type: "aws.permission", actions: ["execute-api:ManageConnections"] }]);
    expect(Object.keys(chat.properties).sort()).toEqual(["managementEndpoint", "url"]);
  });
});
