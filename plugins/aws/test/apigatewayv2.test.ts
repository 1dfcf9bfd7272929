/** sst.aws.ApiGatewayV2 through the plugin harness (synth under Pulumi mocks): the resources it creates. */
import { $transform, Linkable } from "@sst/core";
import { synth, type Graph } from "@sst/core/testing";
import { describe, expect, it } from "vitest";
import { ApiGatewayV2, aws, Function } from "@sst/aws";
import { ACCOUNT, REGION, apiMocks, dependencyNames, recordingDns } from "./_apigateway.js";

const app = { plugins: [aws()], providers: { aws: {} }, mocks: apiMocks() };
const EXEC = `arn:aws:execute-api:${REGION}:${ACCOUNT}:MyApiApi-id`;
const T = {
  api: "aws:apigatewayv2/api:Api",
  stage: "aws:apigatewayv2/stage:Stage",
  route: "aws:apigatewayv2/route:Route",
  integration: "aws:apigatewayv2/integration:Integration",
  authorizer: "aws:apigatewayv2/authorizer:Authorizer",
  permission: "aws:lambda/permission:Permission",
  fn: "aws:lambda/function:Function",
};

function run(program: () => unknown) {
  return synth({ ...app, run: program });
}

/** The final args of every sst.aws.Function the program creates, by name (seen through `$transform`). */
function functionArgs(): Map<string, Record<string, unknown>> {
  const seen = new Map<string, Record<string, unknown>>();
  $transform(Function, (args, _opts, name) => void seen.set(name, args));
  return seen;
}

/** The route (and its integration and permission) of a route key. */
function routeOf(graph: Graph, key: string) {
  const route = graph.byType(T.route).find((r) => r.inputs.routeKey === key);
  if (!route) throw new Error(`no route ${key}: ${graph.byType(T.route).map((r) => r.inputs.routeKey).join(", ")}`);
  const component = graph.parent(route)!;
  const child = (type: string) => graph.children(component).find((r) => r.type === type);
  return { route, component, integration: child(T.integration)!, permission: child(T.permission) };
}

describe("sst.aws.ApiGatewayV2", () => {
  it("is sst.aws.ApiGatewayV2 in the sst namespace", async () => {
    let seen: unknown;
    await run(() => void (seen = (globalThis as any).sst.aws.ApiGatewayV2));
    expect(seen).toBe(ApiGatewayV2);
  });

  it("creates an HTTP API with SST's default CORS, a $default stage that auto-deploys, and access logs kept forever", async () => {
    const graph = await run(() => void new ApiGatewayV2("MyApi"));
    expect(graph.get("MyApiApi", T.api).inputs).toEqual({
      name: expect.stringMatching(/^app-test-MyApiApi-[a-z]{8}$/),
      protocolType: "HTTP",
      corsConfiguration: { allowHeaders: ["*"], allowMethods: ["*"], allowOrigins: ["*"] },
    });
    const log = graph.get("MyApiAccessLog", "aws:cloudwatch/logGroup:LogGroup");
    expect(log.inputs).toEqual({ name: "/aws/vendedlogs/apis/app-test-MyApi", retentionInDays: 0 });
    const stage = graph.get("MyApiStage", T.stage);
    expect(stage.inputs).toMatchObject({ apiId: "MyApiApi-id", name: "$default", autoDeploy: true });
    const settings = stage.inputs.accessLogSettings as { destinationArn: string; format: string };
    expect(settings.destinationArn).toBe(`arn:aws:logs:${REGION}:${ACCOUNT}:log-group:/aws/vendedlogs/apis/app-test-MyApi`);
    // The format is JSON once API Gateway fills it in, with numbers left as numbers.
    const line = JSON.parse(settings.format.replace(/\$context\.status|\$context\.responseLatency/g, "200").replace(/\$context\.[\w.]+/g, "x"));
    expect(line).toMatchObject({ status: 200, responseLatency: 200, routeKey: "x", httpMethod: "x", path: "x", requestId: "x", ip: "x" });
  });

  it("keeps access logs for accessLog.retention and rejects an unknown retention", async () => {
    const graph = await run(() => void new ApiGatewayV2("MyApi", { accessLog: { retention: "1 week" } }));
    expect(graph.get("MyApiAccessLog").inputs.retentionInDays).toBe(7);
    await expect(run(() => void new ApiGatewayV2("MyApi", { accessLog: { retention: "1 fortnight" as any } }))).rejects.toMatchObject({
      code: "E_LOG_RETENTION_INVALID",
      message: expect.stringContaining("MyApi: accessLog.retention"),
    });
  });

  it("turns CORS off with cors: false and merges a cors object over the defaults (maxAge in seconds)", async () => {
    const off = await run(() => void new ApiGatewayV2("MyApi", { cors: false }));
    expect(off.get("MyApiApi").inputs.corsConfiguration).toBeUndefined();
    const custom = await run(() => void new ApiGatewayV2("MyApi", { cors: { allowOrigins: ["https://example.com"], allowMethods: ["GET"], maxAge: "1 day" } }));
    expect(custom.get("MyApiApi").inputs.corsConfiguration).toEqual({ allowHeaders: ["*"], allowMethods: ["GET"], allowOrigins: ["https://example.com"], maxAge: 86400 });
    await expect(run(() => void new ApiGatewayV2("MyApi", { cors: { maxAge: "2 days" } }))).rejects.toMatchObject({ code: "E_API_CORS" });
  });

  it("routes to a function through an AWS_PROXY integration, invokable by API Gateway only for that route", async () => {
    let fns = new Map<string, Record<string, unknown>>();
    const graph = await run(() => {
      fns = functionArgs();
      const api = new ApiGatewayV2("MyApi");
      api.route("GET /notes/{id}", "src/get.handler");
      api.route("ANY /{proxy+}", { handler: "src/any.handler", memory: "2048 MB" });
      api.route("post /", "src/post.handler");
      api.route("$default", "src/default.handler");
    });
    const get = routeOf(graph, "GET /notes/{id}");
    const fn = graph.descendants(get.component).find((r) => r.type === T.fn)!;
    expect(fn.inputs.handler).toBe("src/get.handler");
    const fnArn = `arn:aws:lambda:${REGION}:${ACCOUNT}:function:${fn.name}`;
    expect(get.integration.inputs).toEqual({ apiId: "MyApiApi-id", integrationType: "AWS_PROXY", integrationUri: fnArn, payloadFormatVersion: "2.0" });
    expect(get.route.inputs).toMatchObject({ apiId: "MyApiApi-id", target: `integrations/${get.integration.name}-id`, authorizationType: "NONE" });
    expect(get.permission!.inputs).toEqual({
      action: "lambda:InvokeFunction",
      function: fnArn,
      principal: "apigateway.amazonaws.com",
      sourceArn: `${EXEC}/*/GET/notes/*`,
    });
    expect(dependencyNames(graph.resources, get.integration)).toContain(get.permission!.name);
    expect(routeOf(graph, "ANY /{proxy+}").permission!.inputs.sourceArn).toBe(`${EXEC}/*/*/*`);
    expect(routeOf(graph, "POST /").permission!.inputs.sourceArn).toBe(`${EXEC}/*/POST/`);
    expect(routeOf(graph, "$default").permission!.inputs.sourceArn).toBe(`${EXEC}/*/$default`);
    expect(fns.get(`${routeOf(graph, "ANY /{proxy+}").component.name}Handler`)).toMatchObject({ handler: "src/any.handler", memory: "2048 MB" });
    expect(fn.inputs.description).toBe("MyApi route GET /notes/{id}");
  });

  it("routes to an existing function by ARN without creating one", async () => {
    const arn = "arn:aws:lambda:us-east-1:123456789012:function:existing";
    let fnNode: unknown = "unset";
    const graph = await run(() => {
      fnNode = new ApiGatewayV2("MyApi").route("GET /", arn).nodes.function;
    });
    expect(graph.byType(T.fn)).toEqual([]);
    expect(fnNode).toBeUndefined();
    const get = routeOf(graph, "GET /");
    expect(get.integration.inputs.integrationUri).toBe(arn);
    expect(get.permission!.inputs).toMatchObject({ function: arn, sourceArn: `${EXEC}/*/GET/` });
  });

  it.each([
    ["GET", "expected a method and a path"],
    ["GET  /a b", "expected a method and a path"],
    ["FETCH /", 'unknown method "FETCH"'],
    ["GET notes", 'must start with "/"'],
    ["GET /a//b", "empty segment"],
    ["GET /a/", "empty segment"],
    ["GET /{proxy+}/more", "must be the last one"],
    ["GET /{id", "is not a path parameter"],
    ["GET /a{id}", "is not a path parameter"],
  ])("rejects the route key %j (%s)", async (key, why) => {
    await expect(run(() => void new ApiGatewayV2("MyApi").route(key, "src/x.handler"))).rejects.toMatchObject({
      code: "E_API_ROUTE_KEY",
      message: expect.stringContaining(why),
    });
  });

  it("rejects a route added twice", async () => {
    await expect(
      run(() => {
        const api = new ApiGatewayV2("MyApi");
        api.route("GET /", "src/a.handler");
        api.route("get /", "src/b.handler");
      }),
    ).rejects.toMatchObject({ code: "E_API_ROUTE_DUPLICATE", message: expect.stringContaining('"GET /"') });
  });

  it("authorizes routes with IAM, a JWT authorizer (with scopes) and a Lambda authorizer", async () => {
    const graph = await run(() => {
      const api = new ApiGatewayV2("MyApi");
      const jwt = api.addAuthorizer({ name: "myJwt", jwt: { issuer: "https://issuer.com/", audiences: ["my-app"] } });
      const lambda = api.addAuthorizer({ name: "myLambda", lambda: { function: "src/auth.handler", ttl: "300 seconds" } });
      api.route("GET /iam", "src/x.handler", { auth: { iam: true } });
      api.route("GET /jwt", "src/x.handler", { auth: { jwt: { authorizer: jwt.id, scopes: ["read:notes"] } } });
      api.route("GET /lambda", "src/x.handler", { auth: { lambda: lambda.id } });
    });
    expect(routeOf(graph, "GET /iam").route.inputs.authorizationType).toBe("AWS_IAM");
    const jwtAuth = graph.get("MyApiAuthorizerMyJwtAuthorizer", T.authorizer);
    expect(jwtAuth.inputs).toEqual({
      name: expect.stringMatching(/^app-test-MyApiAuthorizerMyJwtAuthorizer-[a-z]{8}$/),
      apiId: "MyApiApi-id",
      authorizerType: "JWT",
      identitySources: ["$request.header.Authorization"],
      jwtConfiguration: { audiences: ["my-app"], issuer: "https://issuer.com/" },
    });
    expect(routeOf(graph, "GET /jwt").route.inputs).toMatchObject({
      authorizationType: "JWT",
      authorizerId: "MyApiAuthorizerMyJwtAuthorizer-id",
      authorizationScopes: ["read:notes"],
    });
    const lambdaAuth = graph.get("MyApiAuthorizerMyLambdaAuthorizer", T.authorizer);
    const fnArn = `arn:aws:lambda:${REGION}:${ACCOUNT}:function:MyApiAuthorizerMyLambdaFunctionFunction`;
    expect(graph.get("MyApiAuthorizerMyLambdaFunctionFunction", T.fn).inputs.handler).toBe("src/auth.handler");
    expect(lambdaAuth.inputs).toEqual({
      name: expect.stringMatching(/^app-test-MyApiAuthorizerMyLambdaAuthorizer-[a-z]{8}$/),
      apiId: "MyApiApi-id",
      authorizerType: "REQUEST",
      authorizerUri: `arn:aws:apigateway:${REGION}:lambda:path/2015-03-31/functions/${fnArn}/invocations`,
      identitySources: ["$request.header.Authorization"],
      authorizerResultTtlInSeconds: 300,
      authorizerPayloadFormatVersion: "2.0",
      enableSimpleResponses: true,
    });
    expect(graph.get("MyApiAuthorizerMyLambdaPermission", T.permission).inputs).toEqual({
      action: "lambda:InvokeFunction",
      function: fnArn,
      principal: "apigateway.amazonaws.com",
      sourceArn: `${EXEC}/authorizers/MyApiAuthorizerMyLambdaAuthorizer-id`,
    });
    expect(routeOf(graph, "GET /lambda").route.inputs).toMatchObject({ authorizationType: "CUSTOM", authorizerId: "MyApiAuthorizerMyLambdaAuthorizer-id" });
  });

  it("takes a Lambda authorizer's payload 1.0 with IAM responses and its identity sources", async () => {
    const graph = await run(() => {
      new ApiGatewayV2("MyApi").addAuthorizer({
        name: "v1",
        lambda: { function: "src/auth.handler", payload: "1.0", identitySources: ["$request.header.RequestToken"] },
      });
    });
    expect(graph.get("MyApiAuthorizerV1Authorizer").inputs).toMatchObject({
      authorizerPayloadFormatVersion: "1.0",
      enableSimpleResponses: false,
      identitySources: ["$request.header.RequestToken"],
      authorizerResultTtlInSeconds: 0,
    });
  });

  it("creates an authorizer for the inline JWT form of the docs' example", async () => {
    const graph = await run(() => {
      new ApiGatewayV2("MyApi").route("GET /bar", "route.handler", {
        auth: { jwt: { issuer: "https://cognito-idp.us-east-1.amazonaws.com/us-east-1_Rq4d8zILG", audiences: ["user@example.com"] } },
      });
    });
    const [authorizer] = graph.byType(T.authorizer);
    expect(authorizer!.inputs).toMatchObject({ authorizerType: "JWT", jwtConfiguration: { audiences: ["user@example.com"] } });
    expect(routeOf(graph, "GET /bar").route.inputs).toMatchObject({ authorizationType: "JWT", authorizerId: `${authorizer!.name}-id` });
  });

  it.each([
    [{ name: "a" }, 'needs "jwt" or "lambda"'],
    [{ name: "a", jwt: { issuer: "i", audiences: [] }, lambda: { function: "f.handler" } }, 'has both "jwt" and "lambda"'],
    [{ name: "a", lambda: { function: "f.handler", ttl: "2 hours" } }, "at most 3600 seconds"],
    [{ name: "a", lambda: { function: "f.handler", payload: "1.0", response: "simple" } }, 'needs payload "2.0"'],
    [{ name: "" }, 'needs a "name"'],
  ])("rejects the authorizer %j", async (args, why) => {
    await expect(run(() => void new ApiGatewayV2("MyApi").addAuthorizer(args as any))).rejects.toMatchObject({
      code: "E_API_AUTHORIZER",
      message: expect.stringContaining(why),
    });
  });

  it("rejects two authorizers of one name and a route with two kinds of auth", async () => {
    await expect(
      run(() => {
        const api = new ApiGatewayV2("MyApi");
        api.addAuthorizer({ name: "a", jwt: { issuer: "i", audiences: ["x"] } });
        api.addAuthorizer({ name: "a", jwt: { issuer: "i", audiences: ["x"] } });
      }),
    ).rejects.toMatchObject({ code: "E_API_AUTHORIZER", message: expect.stringContaining("added twice") });
    await expect(
      run(() => void new ApiGatewayV2("MyApi").route("GET /", "src/x.handler", { auth: { iam: true, lambda: "abc" } })),
    ).rejects.toMatchObject({ code: "E_API_ROUTE_AUTH" });
  });

  it("proxies routeUrl to a URL and routePrivate through the VPC link, which needs vpc", async () => {
    const graph = await run(() => {
      const api = new ApiGatewayV2("MyApi", { vpc: { securityGroups: ["sg-1"], subnets: ["subnet-1", "subnet-2"] } });
      api.routeUrl("GET /docs/{proxy+}", "https://docs.example.com", { auth: { iam: true } });
      api.routePrivate("$default", "arn:aws:servicediscovery:us-east-1:123456789012:service/srv-1");
    });
    expect(graph.get("MyApiVpcLink").inputs).toEqual({ name: expect.stringMatching(/^app-test-MyApiVpcLink-[a-z]{8}$/), securityGroupIds: ["sg-1"], subnetIds: ["subnet-1", "subnet-2"] });
    const url = routeOf(graph, "GET /docs/{proxy+}");
    expect(url.integration.inputs).toEqual({ apiId: "MyApiApi-id", integrationType: "HTTP_PROXY", integrationUri: "https://docs.example.com", integrationMethod: "GET" });
    expect(url.route.inputs.authorizationType).toBe("AWS_IAM");
    expect(url.permission).toBeUndefined();
    expect(routeOf(graph, "$default").integration.inputs).toEqual({
      apiId: "MyApiApi-id",
      connectionType: "VPC_LINK",
      connectionId: "MyApiVpcLink-id",
      integrationType: "HTTP_PROXY",
      integrationUri: "arn:aws:servicediscovery:us-east-1:123456789012:service/srv-1",
      integrationMethod: "ANY",
    });
    await expect(run(() => void new ApiGatewayV2("MyApi").routePrivate("GET /", "arn:x"))).rejects.toMatchObject({ code: "E_API_VPC_LINK" });
  });

  it("serves a custom domain: certificate validated through the adapter, regional domain name, alias and base path mapping", async () => {
    const dns = recordingDns();
    let url: unknown;
    const graph = await synth({
      ...app,
      run() {
        const api = new ApiGatewayV2("MyApi", { domain: { name: "api.example.com", path: "v1", dns: dns.adapter } });
        return { url: api.url };
      },
    });
    url = graph.outputs.url;
    expect(url).toBe("https://api.example.com/v1/");
    expect(graph.get("MyApiCertificate").inputs).toMatchObject({ domainName: "api.example.com", validationMethod: "DNS" });
    expect(dns.records).toEqual([{ name: "_abc.api.example.com.", type: "CNAME", value: "_xyz.acm-validations.aws." }]);
    const validation = graph.get("MyApiCertificateValidation");
    expect(validation.inputs).toEqual({ certificateArn: `arn:aws:acm:${REGION}:${ACCOUNT}:certificate/MyApiCertificate-id` });
    expect(dependencyNames(graph.resources, validation)).toContain("MyApiRecord1");
    expect(graph.get("MyApiDomainName").inputs).toEqual({
      domainName: "api.example.com",
      domainNameConfiguration: { certificateArn: `arn:aws:acm:${REGION}:${ACCOUNT}:certificate/MyApiCertificate-id`, endpointType: "REGIONAL", securityPolicy: "TLS_1_2" },
    });
    expect(graph.get("MyApiAlias").inputs).toEqual({ name: "api.example.com", aliasName: `d-myapidomainname.execute-api.${REGION}.amazonaws.com`, aliasZone: "Z1UJRXOUMOOFQ8" });
    expect(graph.get("MyApiDomainMapping").inputs).toEqual({ apiId: "MyApiApi-id", domainName: "MyApiDomainName-id", stage: "$default", apiMappingKey: "v1" });
  });

  it("synthesises the docs' api-gateway-auth example: Route 53 by default, iam and inline jwt routes, $default", async () => {
    // ../shared/spec/doc-examples/api-gateway-auth/sst.config.ts, run() verbatim.
    const graph = await synth({
      ...app,
      run() {
        const api = new ApiGatewayV2("MyApi", { domain: { name: "api.ion.sst.sh", path: "v1" } });
        api.route("GET /", { handler: "route.handler" });
        api.route("GET /foo", "route.handler", { auth: { iam: true } });
        api.route("GET /bar", "route.handler", {
          auth: { jwt: { issuer: "https://cognito-idp.us-east-1.amazonaws.com/us-east-1_Rq4d8zILG", audiences: ["user@example.com"] } },
        });
        api.route("$default", "route.handler");
        return { api: api.url };
      },
    });
    expect(graph.outputs.api).toBe("https://api.ion.sst.sh/v1/");
    const records = graph.byType("aws:route53/record:Record").map((r) => r.inputs);
    expect(records).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ zoneId: "ZTEST", name: "_abc.api.ion.sst.sh.", type: "CNAME", records: ["_xyz.acm-validations.aws."] }),
        expect.objectContaining({ zoneId: "ZTEST", name: "api.ion.sst.sh", type: "A" }),
      ]),
    );
    expect(Object.fromEntries(graph.byType(T.route).map((r) => [r.inputs.routeKey, r.inputs.authorizationType]))).toEqual({
      "GET /": "NONE",
      "GET /foo": "AWS_IAM",
      "GET /bar": "JWT",
      $default: "NONE",
    });
  });

  it("uses a given cert with dns: false (no certificate, no records), an existing domain by nameId, and rejects bad domains", async () => {
    const cert = "arn:aws:acm:us-east-1:112233445566:certificate/abc";
    const manual = await synth({ ...app, run: () => ({ url: new ApiGatewayV2("MyApi", { domain: { name: "api.example.com", dns: false, cert } }).url }) });
    expect(manual.find("MyApiCertificate")).toBeUndefined();
    expect(manual.get("MyApiDomainName").inputs).toMatchObject({ domainNameConfiguration: { certificateArn: cert } });
    expect(manual.outputs.url).toBe("https://api.example.com");
    const existing = await synth({ ...app, run: () => void new ApiGatewayV2("MyApi", { domain: { nameId: "api.example.com" } }) });
    expect(existing.get("MyApiDomainName")).toMatchObject({ read: true, id: "api.example.com" });
    for (const [domain, code, why] of [
      [{ name: "a.example.com", dns: false }, "E_DOMAIN_CERT", "`domain.cert` is not set"],
      [{ name: "a.example.com", nameId: "b" }, "E_DOMAIN_NAME", 'both "name" and "nameId"'],
      [{ path: "v1" }, "E_DOMAIN_NAME", "`domain.name` is missing"],
      [{ name: "a.example.com", dns: { provider: "x" } }, "E_DOMAIN_DNS", "not a DNS adapter"],
    ] as const) {
      await expect(run(() => void new ApiGatewayV2("MyApi", { domain: domain as any }))).rejects.toMatchObject({
        code,
        message: expect.stringContaining(why),
      });
    }
  });

  it("passes each transform key to its resource", async () => {
    const dns = recordingDns();
    let fns = new Map<string, Record<string, unknown>>();
    const graph = await run(() => {
      fns = functionArgs();
      const api = new ApiGatewayV2("MyApi", {
        domain: { name: "api.example.com", dns: dns.adapter },
        vpc: { securityGroups: ["sg-1"], subnets: ["subnet-1"] },
        transform: {
          api: { description: "from transform.api" },
          stage: (args) => void (args.defaultRouteSettings = { throttlingBurstLimit: 10 }),
          logGroup: { retentionInDays: 3 },
          domainName: { tags: { from: "transform.domainName" } },
          vpcLink: { tags: { from: "transform.vpcLink" } },
          route: { handler: (args) => void (args.memory ??= "512 MB"), args: (args) => void (args.auth ??= { iam: true }) },
        },
      });
      api.route("GET /", "src/get.handler", { transform: { integration: { timeoutMilliseconds: 5000 }, route: { operationName: "getRoot" } } });
      api.addAuthorizer({ name: "a", jwt: { issuer: "i", audiences: ["x"] }, transform: { authorizer: { name: "from-transform" } } });
    });
    expect(graph.get("MyApiApi").inputs.description).toBe("from transform.api");
    expect(graph.get("MyApiStage").inputs.defaultRouteSettings).toEqual({ throttlingBurstLimit: 10 });
    expect(graph.get("MyApiAccessLog").inputs.retentionInDays).toBe(3);
    expect(graph.get("MyApiDomainName").inputs.tags).toEqual({ from: "transform.domainName" });
    expect(graph.get("MyApiVpcLink").inputs.tags).toMatchObject({ from: "transform.vpcLink" });
    const get = routeOf(graph, "GET /");
    expect(fns.get(`${get.component.name}Handler`)).toMatchObject({ handler: "src/get.handler", memory: "512 MB" });
    expect(get.route.inputs).toMatchObject({ authorizationType: "AWS_IAM", operationName: "getRoot" });
    expect(get.integration.inputs.timeoutMilliseconds).toBe(5000);
    expect(graph.get("MyApiAuthorizerAAuthorizer").inputs.name).toBe("from-transform");
  });

  it("exposes its resources as nodes and links its url", async () => {
    let nodes: Record<string, unknown> = {};
    const graph = await run(() => {
      const api = new ApiGatewayV2("MyApi", { domain: { name: "api.example.com", dns: false, cert: "arn:aws:acm:us-east-1:1:certificate/x" } });
      nodes = api.nodes;
    });
    const urnOf = (r: any) => (r as { urn: { promise(): Promise<string> } }).urn;
    for (const [key, name] of [["api", "MyApiApi"], ["stage", "MyApiStage"], ["logGroup", "MyApiAccessLog"], ["domainName", "MyApiDomainName"]] as const) {
      expect(await (urnOf(nodes[key]) as any).promise(), key).toBe(graph.get(name).urn);
    }
    expect(nodes.vpcLink).toBeUndefined();
    expect(graph.links.find((l) => l.name === "MyApi")!.properties).toEqual({ url: "https://api.example.com" });
  });

  it("links every route's handler to the API's link, added to a handler's own link", async () => {
    let fns = new Map<string, Record<string, unknown>>();
    let settings: unknown;
    let own: unknown;
    await run(() => {
      fns = functionArgs();
      settings = new Linkable("Settings", { properties: { a: 1 } });
      own = new Linkable("Own", { properties: { b: 2 } });
      const api = new ApiGatewayV2("MyApi", { link: [settings] });
      api.route("GET /", "src/get.handler");
      api.route("GET /other", { handler: "src/other.handler", memory: "512 MB" });
      api.route("GET /own", { handler: "src/own.handler", link: [own] });
    });
    const links = [...fns.values()].map((a) => [a.handler, a.link]);
    expect(links).toEqual([
      ["src/get.handler", [settings]],
      ["src/other.handler", [settings]],
      ["src/own.handler", [settings, own]],
    ]);
  });

  it("imports an existing API through the transform's import option", async () => {
    const graph = await run(() => {
      new ApiGatewayV2("MyApi", { transform: { api: (_args, opts) => void (opts.import = "imported123") } }).route("GET /", "src/get.handler");
    });
    expect(graph.get("MyApiApi").read).toBeFalsy();
    expect(graph.get("MyApiStage").inputs.apiId).toBe("imported123");
    expect(routeOf(graph, "GET /").route.inputs.apiId).toBe("imported123");
  });

  it("references an existing API with get(): no new API, and routes attach to it", async () => {
    const graph = await synth({
      ...app,
      run() {
        const api = ApiGatewayV2.get("MyApi", "abc123");
        api.route("GET /", "src/get.handler");
        return { url: api.url };
      },
    });
    expect(graph.get("MyApiApi")).toMatchObject({ read: true, id: "abc123" });
    expect(graph.byType(T.stage)).toEqual([]);
    expect(routeOf(graph, "GET /").route.inputs.apiId).toBe("abc123");
    expect(graph.outputs.url).toBe(`https://abc123.execute-api.${REGION}.amazonaws.com`);
  });
});
