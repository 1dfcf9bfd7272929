/** sst.aws.Realtime through the plugin harness: the IoT authorizer, its function, subscribers and links. */
import * as pulumi from "@pulumi/pulumi";
import { synth } from "@sst/core/testing";
import { describe, expect, it } from "vitest";
import { aws, Function, Realtime, RealtimeLambdaSubscriber } from "@sst/aws";
import { arnOf, nameOf, trackingMocks } from "./_mocks.js";

const ENDPOINT = "abc123-ats.iot.us-east-1.amazonaws.com";
const calls = { "aws:iot/getEndpoint:getEndpoint": (inputs: any) => ({ ...inputs, endpointAddress: ENDPOINT }) };
const app = { plugins: [aws()], providers: { aws: {} }, mocks: trackingMocks(calls).mocks };
const AUTHORIZER = "aws:iot/authorizer:Authorizer";
const RULE = "aws:iot/topicRule:TopicRule";

/** The statements of a function's `permissions` policy (`<Name>Policy` on its role). */
function statementsOf(graph: Awaited<ReturnType<typeof synth>>, fn: string) {
  return JSON.parse(graph.get(`${fn}Policy`, "aws:iam/rolePolicy:RolePolicy").inputs.policy as string).Statement;
}

describe("sst.aws.Realtime", () => {
  it("is sst.aws.Realtime in the sst namespace", async () => {
    let seen: unknown;
    await synth({ ...app, run: () => void (seen = (globalThis as any).sst.aws.Realtime) });
    expect(seen).toBe(Realtime);
  });

  it("creates an IoT authorizer backed by the function, with signing off, and lets IoT invoke the function", async () => {
    const graph = await synth({ ...app, run: () => void new Realtime("Chat", { authorizer: "src/authorizer.handler" }) });
    const fn = graph.get("ChatAuthorizerHandlerFunction", "aws:lambda/function:Function");
    expect(fn.inputs).toMatchObject({ handler: "src/authorizer.handler", description: "Authorizer for Chat" });
    const authorizer = graph.get("ChatAuthorizer", AUTHORIZER);
    expect(authorizer.inputs).toMatchObject({ authorizerFunctionArn: arnOf(fn.name), signingDisabled: true, status: "ACTIVE" });
    expect(graph.get("ChatPermission", "aws:lambda/permission:Permission").inputs).toMatchObject({
      action: "lambda:InvokeFunction",
      function: arnOf(fn.name),
      principal: "iot.amazonaws.com",
      sourceArn: arnOf("ChatAuthorizer"),
    });
    // The authorizer function may use IoT, as SST's does.
    expect(statementsOf(graph, "ChatAuthorizerHandler")).toContainEqual({ Effect: "Allow", Action: ["iot:*"], Resource: ["*"] });
  });

  it("keeps the authorizer function's own permissions next to iot:*", async () => {
    const graph = await synth({
      ...app,
      run: () =>
        void new Realtime("Chat", {
          authorizer: { handler: "src/authorizer.handler", description: "checks tokens", permissions: [{ actions: ["dynamodb:GetItem"], resources: ["arn:aws:dynamodb:::table/t"] }] },
        }),
    });
    // The user's props win over the defaults.
    expect(graph.get("ChatAuthorizerHandlerFunction").inputs.description).toBe("checks tokens");
    expect(statementsOf(graph, "ChatAuthorizerHandler")).toEqual([
      { Effect: "Allow", Action: ["dynamodb:GetItem"], Resource: ["arn:aws:dynamodb:::table/t"] },
      { Effect: "Allow", Action: ["iot:*"], Resource: ["*"] },
    ]);
  });

  it("links endpoint and authorizer, with permission to publish to the account's topics", async () => {
    const graph = await synth({ ...app, run: () => void new Realtime("Chat", { authorizer: "src/authorizer.handler" }) });
    const link = graph.links.find((l) => l.name === "Chat")!;
    expect(link.type).toBe("sst.aws.Realtime");
    expect(link.properties).toEqual({ endpoint: ENDPOINT, authorizer: nameOf(graph, "ChatAuthorizer") });
    expect(link.include).toEqual([{ type: "aws.permission", actions: ["iot:Publish"], resources: ["arn:aws:iot:us-east-1:123456789012:topic/*"] }]);
  });

  it("asks IoT for the account's Data-ATS endpoint", async () => {
    const seen: any[] = [];
    const graph = await synth({
      ...app,
      mocks: trackingMocks({ "aws:iot/getEndpoint:getEndpoint": (inputs) => (seen.push(inputs), { endpointAddress: ENDPOINT }) }).mocks,
      run: () => {
        const rt = new Realtime("Chat", { authorizer: "src/authorizer.handler" });
        return { endpoint: rt.endpoint };
      },
    });
    expect(seen).toEqual([{ endpointType: "iot:Data-ATS" }]);
    expect(graph.outputs.endpoint).toBe(ENDPOINT);
  });

  it("subscribes a function to a topic filter: a topic rule selecting the filter, invoking the function, allowed by IoT", async () => {
    const graph = await synth({
      ...app,
      app: { name: "my-app" },
      run: () => void new Realtime("Chat", { authorizer: "src/authorizer.handler" }).subscribe("src/sub.handler", { filter: "my-app/test/chat/#" }),
    });
    const [sub] = graph.byType("sst:aws:RealtimeLambdaSubscriber");
    expect(sub!.name).toMatch(/^ChatSubscriber[A-Z][a-z]{5}$/);
    const fn = graph.get(`${sub!.name}HandlerFunction`, "aws:lambda/function:Function");
    expect(fn.inputs).toMatchObject({ handler: "src/sub.handler", description: "Subscribed to Chat on my-app/test/chat/#" });
    const rule = graph.get(`${sub!.name}Rule`, RULE);
    expect(rule.inputs).toMatchObject({
      enabled: true,
      sqlVersion: "2016-03-23",
      sql: "SELECT * FROM 'my-app/test/chat/#'",
      lambdas: [{ functionArn: arnOf(fn.name) }],
    });
    // Named by the plugin's naming rules, without hyphens (IoT takes letters, digits and underscores).
    expect(rule.inputs.name).toMatch(new RegExp(`^my_app_test_${sub!.name}Rule_[a-z]{8}$`));
    expect(graph.get(`${sub!.name}Permission`).inputs).toMatchObject({
      principal: "iot.amazonaws.com",
      function: arnOf(fn.name),
      sourceArn: arnOf(rule.name),
    });
  });

  it("names subscribers from filter and handler (stable), and distinct for distinct filters", async () => {
    const names = async () => {
      const graph = await synth({
        ...app,
        run: () => {
          const rt = new Realtime("Chat", { authorizer: "src/authorizer.handler" });
          rt.subscribe("src/sub.handler", { filter: "a/#" });
          rt.subscribe({ handler: "src/sub.handler", timeout: "60 seconds" }, { filter: "b/#" });
          rt.subscribe("arn:aws:lambda:us-east-1:123456789012:function:existing", { filter: "c/#" });
          rt.subscribe("src/sub.handler", { filter: pulumi.output("d/#") });
        },
      });
      return graph.byType("sst:aws:RealtimeLambdaSubscriber").map((r) => r.name);
    };
    const first = await names();
    expect(new Set(first).size).toBe(4);
    expect(await names()).toEqual(first);
  });

  it("subscribes an existing function by ARN without creating one", async () => {
    const arn = "arn:aws:lambda:us-east-1:123456789012:function:existing";
    const graph = await synth({
      ...app,
      run: () => void new Realtime("Chat", { authorizer: "src/authorizer.handler" }).subscribe(arn, { filter: "x/#" }),
    });
    expect(graph.byType("sst:aws:Function").map((r) => r.name)).toEqual(["ChatAuthorizerHandler"]);
    const [rule] = graph.byType(RULE);
    expect(rule!.inputs.lambdas).toEqual([{ functionArn: arn }]);
  });

  it("applies transform keys: authorizer, and a subscriber's topicRule; with the import option", async () => {
    const { mocks, imports } = trackingMocks(calls);
    const graph = await synth({
      ...app,
      mocks,
      run: () => {
        const rt = new Realtime("Chat", {
          authorizer: "src/authorizer.handler",
          transform: {
            authorizer: (args, opts) => {
              args.enableCachingForHttp = true;
              opts.import = "existing-authorizer";
            },
          },
        });
        rt.subscribe("src/sub.handler", { filter: "x/#", transform: { topicRule: { description: "chat messages" } } });
      },
    });
    expect(graph.get("ChatAuthorizer").inputs.enableCachingForHttp).toBe(true);
    expect(imports.ChatAuthorizer).toBe("existing-authorizer");
    expect(graph.byType(RULE)[0]!.inputs.description).toBe("chat messages");
  });

  it("exposes nodes: authorizer, authHandler; a subscriber's permission, rule and function", async () => {
    let nodes: any;
    let handler: unknown;
    let sub: RealtimeLambdaSubscriber | undefined;
    let subFn: unknown;
    await synth({
      ...app,
      run: async () => {
        const rt = new Realtime("Chat", { authorizer: "src/authorizer.handler" });
        nodes = rt.nodes;
        handler = await new Promise((resolve) => rt.nodes.authHandler.apply(resolve));
        sub = await new Promise<RealtimeLambdaSubscriber>((resolve) => rt.subscribe("src/sub.handler", { filter: "x/#" }).apply(resolve));
        subFn = await new Promise((resolve) => sub!.nodes.function.apply(resolve));
      },
    });
    expect(nodes.authorizer.constructor.name).toBe("Authorizer");
    expect(handler).toBeInstanceOf(Function);
    expect((handler as Function).componentName).toBe("ChatAuthorizerHandler");
    expect(sub!.nodes.rule.constructor.name).toBe("TopicRule");
    expect(sub!.nodes.permission.constructor.name).toBe("Permission");
    expect(subFn).toBeInstanceOf(Function);
  });
});
