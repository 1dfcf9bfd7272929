/// <reference path="./.sst/platform/config.d.ts" />

/**
 * A WebSocket API. Clients connect with `wscat -c "$URL?token=letmein"` (the authorizer checks the token on
 * `$connect`) and send `{"action":"sendMessage","text":"hi"}`; the sendMessage function, linked to the API,
 * answers through the management endpoint (linking grants it `execute-api:ManageConnections`).
 */
export default $config({
  app(input) {
    return {
      name: "aws-websocket",
      home: "aws",
      removal: input.stage === "production" ? "retain" : "remove",
      providers: { aws: { region: "us-east-1" } },
    };
  },
  async run() {
    const api = new sst.aws.ApiGatewayWebSocket("Chat", {
      transform: { route: { handler: { timeout: "10 seconds" } } },
    });
    const authorizer = api.addAuthorizer({
      name: "token",
      lambda: { function: "src/authorizer.handler", identitySources: ["route.request.querystring.token"] },
    });

    api.route("$connect", "src/connection.connect", { auth: { lambda: authorizer.id } });
    api.route("$disconnect", "src/connection.disconnect");
    api.route("$default", "src/connection.fallback");
    api.route("sendMessage", { handler: "src/send.handler", link: [api] });

    return { url: api.url, managementEndpoint: api.managementEndpoint };
  },
});
