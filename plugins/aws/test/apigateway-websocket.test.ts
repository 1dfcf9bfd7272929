/** sst.aws.ApiGatewayWebSocket through the plugin harness (synth under Pulumi mocks): the resources it creates. */
import { $transform } from "@sst/core";
import { synth, type Graph } from "@sst/core/testing";
import { describe, expect, it } from "vitest";
import { ApiGatewayWebSocket, aws, Function } from "@sst/aws";
import { ACCOUNT, REGION, apiMocks, recordingDns } from "./_apigateway.js";

const app = { plugins: [aws()], providers: { aws: {} }, mocks: apiMocks() };
const EXEC = `arn:aws:execute-api:${REGION}:${ACCOUNT}:MyApiApi-id`;
const ENDPOINT = `MyApiApi-id.execute-api.${REGION}.amazonaws.com`;
const T = {
  route: "aws:apigatewayv2/route:Route",
  integration: "aws:apigatewayv2/integration:Integration",
  permission: "aws:lambda/permission:Permission",
  fn: "aws:lambda/function:Function",
};

function run(program: () => unknown) {
  return synth({ ...app, run: program });
}

function routeOf(graph: Graph, key: string) {
  const route = graph.byType(T.route).find((r) => r.inputs.routeKey === key)!;
  const component = graph.parent(route)!;
  const child = (type: string) => graph.children(component).find((r) => r.type === type)!;
  return { route, component, integration: child(T.integration), permission: child(T.permission) };
}

describe("sst.aws.ApiGatewayWebSocket", () => {
  it("is sst.aws.ApiGatewayWebSocket in the sst namespace", async () => {
    let seen: unknown;
    await run(() => void (seen = (globalThis as any).sst.aws.ApiGatewayWebSocket));
    expect(seen).toBe(ApiGatewayWebSocket);
  });

  it("creates a WebSocket API selecting routes by the message's action, a $default stage and access logs kept 1 month", async () => {
    const graph = await synth({
      ...app,
      run() {
        const api = new ApiGatewayWebSocket("MyApi");
        return { url: api.url, managementEndpoint: api.managementEndpoint };
      },
    });
    expect(graph.get("MyApiApi").inputs).toEqual({
      name: expect.stringMatching(/^app-test-MyApiApi-[a-z]{8}$/),
      protocolType: "WEBSOCKET",
      routeSelectionExpression: "$request.body.action",
    });
    expect(graph.get("MyApiAccessLog").inputs).toEqual({ name: "/aws/vendedlogs/apis/app-test-MyApi", retentionInDays: 30 });
    const stage = graph.get("MyApiStage");
    expect(stage.inputs).toMatchObject({ apiId: "MyApiApi-id", name: "$default", autoDeploy: true });
    const format = (stage.inputs.accessLogSettings as { format: string }).format;
    const line = JSON.parse(format.replace("$context.status", "101").replace(/\$context\.[\w.]+/g, "x"));
    expect(line).toMatchObject({ status: 101, eventType: "x", routeKey: "x", connectionId: "x", connectedAt: "x" });
    expect(graph.outputs).toEqual({ url: `wss://${ENDPOINT}/$default`, managementEndpoint: `https://${ENDPOINT}/$default` });
  });

  it("gives the account a CloudWatch role for API Gateway logging when it has none (kept on removal), and the stage waits for it", async () => {
    const fresh = await run(() => void new ApiGatewayWebSocket("MyApi"));
    expect(fresh.get("MyApiAPIGatewayAccount")).toMatchObject({ read: true });
    const role = fresh.get("MyApiAPIGatewayPushToCloudWatchLogsRole", "aws:iam/role:Role");
    expect(role.retainOnDelete).toBe(true);
    expect(JSON.parse(role.inputs.assumeRolePolicy as string).Statement[0].Principal).toEqual({ Service: "apigateway.amazonaws.com" });
    expect(role.inputs.managedPolicyArns).toEqual(["arn:aws:iam::aws:policy/service-role/AmazonAPIGatewayPushToCloudWatchLogs"]);
    const setup = fresh.get("MyApiAPIGatewayAccountSetup", "aws:apigateway/account:Account");
    expect(setup.inputs.cloudwatchRoleArn).toBe(`arn:aws:iam::${ACCOUNT}:role/MyApiAPIGatewayPushToCloudWatchLogsRole`);
    expect(fresh.get("MyApiStage").dependencies).toContain(setup.urn);

    const configured = await synth({ ...app, mocks: apiMocks({ existingCloudWatchRole: "arn:aws:iam::1:role/existing" }), run: () => void new ApiGatewayWebSocket("MyApi") });
    expect(configured.find("MyApiAPIGatewayAccountSetup")).toBeUndefined();
    expect(configured.get("MyApiStage").dependencies).toContain(configured.get("MyApiAPIGatewayAccount").urn);
  });

  it("routes $connect, $disconnect, $default and custom keys to functions, each invokable only for its route", async () => {
    const graph = await run(() => {
      const api = new ApiGatewayWebSocket("MyApi");
      api.route("$connect", "src/connect.handler");
      api.route("$disconnect", "src/disconnect.handler");
      api.route("$default", "src/default.handler");
      api.route("sendMessage", "src/sendMessage.handler");
    });
    expect(graph.byType(T.route).map((r) => r.inputs.routeKey).sort()).toEqual(["$connect", "$default", "$disconnect", "sendMessage"]);
    const connect = routeOf(graph, "$connect");
    expect(connect.component.name).toBe("MyApiRouteConnect");
    const fnArn = `arn:aws:lambda:${REGION}:${ACCOUNT}:function:MyApiRouteConnectHandlerFunction`;
    expect(graph.get("MyApiRouteConnectHandlerFunction", T.fn).inputs.handler).toBe("src/connect.handler");
    expect(connect.integration.inputs).toEqual({
      apiId: "MyApiApi-id",
      integrationType: "AWS_PROXY",
      integrationUri: `arn:aws:apigateway:${REGION}:lambda:path/2015-03-31/functions/${fnArn}/invocations`,
    });
    expect(connect.permission.inputs).toEqual({ action: "lambda:InvokeFunction", function: fnArn, principal: "apigateway.amazonaws.com", sourceArn: `${EXEC}/*/$connect` });
    expect(connect.route.inputs).toMatchObject({ routeKey: "$connect", target: `integrations/${connect.integration.name}-id`, authorizationType: "NONE" });
    expect(routeOf(graph, "sendMessage").permission.inputs.sourceArn).toBe(`${EXEC}/*/sendMessage`);
  });

  it("routes to an existing function by ARN without creating one", async () => {
    const arn = "arn:aws:lambda:us-east-1:123456789012:function:my-function";
    const graph = await run(() => void new ApiGatewayWebSocket("MyApi").route("sendMessage", arn));
    expect(graph.byType(T.fn)).toEqual([]);
    expect(routeOf(graph, "sendMessage").permission.inputs.function).toBe(arn);
  });

  it("authorizes $connect with IAM or a Lambda authorizer (name and args, or one object)", async () => {
    const graph = await run(() => {
      const api = new ApiGatewayWebSocket("MyApi");
      const authorizer = api.addAuthorizer("myAuthorizer", { lambda: { function: "src/authorizer.handler" } });
      api.addAuthorizer({ name: "other", lambda: { function: "src/other.handler", identitySources: ["route.request.querystring.token"] } });
      api.route("$connect", "src/connect.handler", { auth: { lambda: authorizer.id } });
    });
    const fnArn = `arn:aws:lambda:${REGION}:${ACCOUNT}:function:MyApiAuthorizerMyAuthorizerFunctionFunction`;
    expect(graph.get("MyApiAuthorizerMyAuthorizerAuthorizer").inputs).toEqual({
      name: expect.stringMatching(/^app-test-MyApiAuthorizerMyAuthorizerAuthorizer-[a-z]{8}$/),
      apiId: "MyApiApi-id",
      authorizerType: "REQUEST",
      authorizerUri: `arn:aws:apigateway:${REGION}:lambda:path/2015-03-31/functions/${fnArn}/invocations`,
      identitySources: ["route.request.header.Authorization"],
    });
    expect(graph.get("MyApiAuthorizerMyAuthorizerPermission").inputs).toMatchObject({
      function: fnArn,
      sourceArn: `${EXEC}/authorizers/MyApiAuthorizerMyAuthorizerAuthorizer-id`,
    });
    expect(graph.get("MyApiAuthorizerOtherAuthorizer").inputs.identitySources).toEqual(["route.request.querystring.token"]);
    expect(routeOf(graph, "$connect").route.inputs).toMatchObject({ authorizationType: "CUSTOM", authorizerId: "MyApiAuthorizerMyAuthorizerAuthorizer-id" });
    const iam = await run(() => void new ApiGatewayWebSocket("MyApi").route("$connect", "src/connect.handler", { auth: { iam: true } }));
    expect(routeOf(iam, "$connect").route.inputs.authorizationType).toBe("AWS_IAM");
  });

  it("rejects what API Gateway cannot do for WebSocket APIs: JWT authorizers, auth off $connect, 2.0 payloads", async () => {
    await expect(run(() => void new ApiGatewayWebSocket("MyApi").addAuthorizer({ name: "a", jwt: { issuer: "https://issuer.com/", audiences: ["x"] } }))).rejects.toMatchObject({
      code: "E_API_AUTHORIZER",
      message: expect.stringContaining("no JWT authorizers for WebSocket APIs"),
    });
    await expect(run(() => void new ApiGatewayWebSocket("MyApi").route("sendMessage", "src/x.handler", { auth: { iam: true } }))).rejects.toMatchObject({
      code: "E_API_ROUTE_AUTH",
      message: expect.stringContaining('only "$connect" takes "auth"'),
    });
    await expect(run(() => void new ApiGatewayWebSocket("MyApi").route("$connect", "src/x.handler", { auth: { jwt: { authorizer: "a" } } }))).rejects.toMatchObject({
      code: "E_API_ROUTE_AUTH",
    });
    await expect(
      run(() => void new ApiGatewayWebSocket("MyApi").addAuthorizer({ name: "a", lambda: { function: "src/a.handler", payload: "2.0" } })),
    ).rejects.toMatchObject({ code: "E_API_AUTHORIZER", message: expect.stringContaining("HTTP-only") });
  });

  it("applies an API-wide auth from transform.route.args to $connect, which authorizes the whole connection", async () => {
    const graph = await run(() => {
      const api = new ApiGatewayWebSocket("MyApi", { transform: { route: { args: { auth: { iam: true } } } } });
      api.route("$connect", "src/connect.handler");
      api.route("sendMessage", "src/send.handler");
    });
    expect(routeOf(graph, "$connect").route.inputs.authorizationType).toBe("AWS_IAM");
    expect(routeOf(graph, "sendMessage").route.inputs.authorizationType).toBe("NONE");
  });

  it.each([["$connected"], ["GET /"], [""], ["send message"]])("rejects the route key %j", async (key) => {
    await expect(run(() => void new ApiGatewayWebSocket("MyApi").route(key, "src/x.handler"))).rejects.toMatchObject({ code: "E_API_ROUTE_KEY" });
  });

  it("rejects a route added twice", async () => {
    await expect(
      run(() => {
        const api = new ApiGatewayWebSocket("MyApi");
        api.route("$default", "src/a.handler");
        api.route("$default", "src/b.handler");
      }),
    ).rejects.toMatchObject({ code: "E_API_ROUTE_DUPLICATE" });
  });

  it("serves a custom domain over wss with its base path", async () => {
    const dns = recordingDns();
    const graph = await synth({
      ...app,
      run: () => ({ url: new ApiGatewayWebSocket("MyApi", { domain: { name: "ws.example.com", path: "v1", dns: dns.adapter } }).url }),
    });
    expect(graph.outputs.url).toBe("wss://ws.example.com/v1/");
    expect(graph.get("MyApiDomainName").inputs).toMatchObject({ domainName: "ws.example.com", domainNameConfiguration: { endpointType: "REGIONAL" } });
    expect(graph.get("MyApiDomainMapping").inputs).toEqual({ apiId: "MyApiApi-id", domainName: "MyApiDomainName-id", stage: "$default", apiMappingKey: "v1" });
    expect(graph.get("MyApiAlias").inputs).toMatchObject({ name: "ws.example.com", aliasZone: "Z1UJRXOUMOOFQ8" });
    expect(dns.records.map((r) => r.name)).toEqual(["_abc.ws.example.com."]);
  });

  it("passes each transform key to its resource", async () => {
    const seen = new Map<string, Record<string, unknown>>();
    const graph = await run(() => {
      $transform(Function, (args, _opts, name) => void seen.set(name, args));
      const api = new ApiGatewayWebSocket("MyApi", {
        domain: { name: "ws.example.com", dns: false, cert: "arn:aws:acm:us-east-1:1:certificate/x" },
        accessLog: { retention: "forever" },
        transform: {
          api: { description: "from transform.api" },
          stage: { description: "from transform.stage" },
          accessLog: (args) => void (args.retentionInDays = 1),
          domainName: { tags: { from: "transform.domainName" } },
          route: { handler: { memory: "256 MB" }, args: (a) => void (a.transform ??= { route: { operationName: "fromApi" } }) },
        },
      });
      api.route("sendMessage", "src/send.handler", { transform: { integration: { timeoutMilliseconds: 1000 } } });
      api.route("$default", "src/default.handler");
    });
    expect(graph.get("MyApiApi").inputs.description).toBe("from transform.api");
    expect(graph.get("MyApiStage").inputs.description).toBe("from transform.stage");
    expect(graph.get("MyApiAccessLog").inputs.retentionInDays).toBe(1);
    expect(graph.get("MyApiDomainName").inputs.tags).toEqual({ from: "transform.domainName" });
    expect(seen.get("MyApiRouteDefaultHandler")).toMatchObject({ handler: "src/default.handler", memory: "256 MB" });
    expect(routeOf(graph, "$default").route.inputs.operationName).toBe("fromApi");
    // The route's own transform (kept by the API-wide function, which only fills in a missing one).
    expect(routeOf(graph, "sendMessage").integration.inputs.timeoutMilliseconds).toBe(1000);
    expect(routeOf(graph, "sendMessage").route.inputs.operationName).toBeUndefined();
  });

  it("exposes nodes, and links url and managementEndpoint with permission to manage the API's connections", async () => {
    let nodes: Record<string, any> = {};
    const graph = await run(() => {
      nodes = new ApiGatewayWebSocket("MyApi").nodes;
    });
    expect(await nodes.api.urn.promise()).toBe(graph.get("MyApiApi").urn);
    expect(await nodes.stage.urn.promise()).toBe(graph.get("MyApiStage").urn);
    expect(await nodes.logGroup.urn.promise()).toBe(graph.get("MyApiAccessLog").urn);
    expect(nodes.domainName).toBeUndefined();
    const link = graph.links.find((l) => l.name === "MyApi")!;
    expect(link.properties).toEqual({ url: `wss://${ENDPOINT}/$default`, managementEndpoint: `https://${ENDPOINT}/$default` });
    expect(link.include).toEqual([{ type: "aws.permission", actions: ["execute-api:ManageConnections"], resources: [`${EXEC}/*/*/@connections/*`] }]);
  });

  it("lets a linked function manage the API's connections (one statement in its link policy)", async () => {
    const graph = await run(() => {
      const api = new ApiGatewayWebSocket("MyApi");
      new Function("Notifier", { handler: "src/notify.handler", link: [api] });
      api.route("sendMessage", { handler: "src/send.handler", link: [api] });
    });
    const policies = graph.byType("aws:iam/rolePolicy:RolePolicy");
    expect(policies.map((p) => p.name).sort()).toEqual([expect.stringMatching(/^MyApiRoute[A-Z][a-z]{5}HandlerLinkPolicy$/), "NotifierLinkPolicy"]);
    for (const policy of policies) {
      expect(JSON.parse(policy.inputs.policy as string).Statement).toEqual([
        { Effect: "Allow", Action: ["execute-api:ManageConnections"], Resource: [`${EXEC}/*/*/@connections/*`] },
      ]);
    }
  });

  it("references an existing API with get(): routes attach to it and the endpoints use its $default stage", async () => {
    const graph = await synth({
      ...app,
      run() {
        const api = ApiGatewayWebSocket.get("MyApi", "abc123");
        api.route("$default", "src/default.handler");
        return { url: api.url, managementEndpoint: api.managementEndpoint };
      },
    });
    expect(graph.get("MyApiApi")).toMatchObject({ read: true, id: "abc123" });
    expect(graph.find("MyApiStage")).toBeUndefined();
    expect(routeOf(graph, "$default").route.inputs.apiId).toBe("abc123");
    expect(graph.outputs.managementEndpoint).toBe(`https://abc123.execute-api.${REGION}.amazonaws.com/$default`);
  });
});
