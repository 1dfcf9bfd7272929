/** `$connect`, `$disconnect` and `$default`: log the connection; a 200 keeps it open. */
interface WebSocketEvent {
  body?: string;
  requestContext: { connectionId: string; routeKey: string };
}

export async function connect(event: WebSocketEvent) {
  console.log("connected", event.requestContext.connectionId);
  return { statusCode: 200 };
}

export async function disconnect(event: WebSocketEvent) {
  console.log("disconnected", event.requestContext.connectionId);
  return { statusCode: 200 };
}

export async function fallback(event: WebSocketEvent) {
  console.log("no route for", event.body);
  return { statusCode: 200 };
}
