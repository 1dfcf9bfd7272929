/** sst.aws.Bus through the plugin harness: the bus, its subscribers, links and references. */
import * as pulumi from "@pulumi/pulumi";
import { synth } from "@sst/core/testing";
import { describe, expect, it } from "vitest";
import { aws, Bus, BusLambdaSubscriber, Function } from "@sst/aws";
import { arnOf, nameOf, trackingMocks } from "./_mocks.js";

const app = { plugins: [aws()], providers: { aws: {} }, mocks: trackingMocks().mocks };
const BUS = "aws:cloudwatch/eventBus:EventBus";
const RULE = "aws:cloudwatch/eventRule:EventRule";
const TARGET = "aws:cloudwatch/eventTarget:EventTarget";
const QUEUE_ARN = "arn:aws:sqs:us-east-1:123456789012:orders";
const EXTERNAL_BUS = "arn:aws:events:us-east-1:123456789012:event-bus/shared-bus";

describe("sst.aws.Bus", () => {
  it("is sst.aws.Bus in the sst namespace and creates an event bus", async () => {
    let seen: unknown;
    const graph = await synth({ ...app, run: () => void ((seen = (globalThis as any).sst.aws.Bus), new Bus("Events")) });
    expect(seen).toBe(Bus);
    expect(graph.get("EventsBus", BUS).inputs.logConfig).toBeUndefined();
    expect(graph.get("Events", "sst:aws:Bus").outputs).toMatchObject({ arn: arnOf("EventsBus"), name: nameOf(graph, "EventsBus") });
  });

  it("logs events with logging: level upper-cased, detail FULL or NONE", async () => {
    const graph = await synth({
      ...app,
      run: () => {
        new Bus("A", { logging: { level: "error", detail: true } });
        new Bus("B", { logging: { level: "trace" } });
      },
    });
    expect(graph.get("ABus", BUS).inputs.logConfig).toEqual({ level: "ERROR", includeDetail: "FULL" });
    expect(graph.get("BBus", BUS).inputs.logConfig).toEqual({ level: "TRACE", includeDetail: "NONE" });
  });

  it("links name and arn with permission to publish to the bus", async () => {
    const graph = await synth({ ...app, run: () => void new Bus("Events") });
    const link = graph.links.find((l) => l.name === "Events")!;
    expect(link.type).toBe("sst.aws.Bus");
    expect(link.properties).toEqual({ name: nameOf(graph, "EventsBus"), arn: arnOf("EventsBus") });
    expect(link.include).toEqual([{ type: "aws.permission", actions: ["events:PutEvents"], resources: [arnOf("EventsBus")] }]);
  });

  it("subscribes a function: a rule on the bus with the pattern, a target to the function, an invoke permission", async () => {
    const graph = await synth({
      ...app,
      run: () => {
        const bus = new Bus("Events");
        bus.subscribe("Orders", "src/orders.handler", {
          pattern: { source: ["shop"], detailType: ["order.placed"], detail: { total: [{ numeric: [">=", 100] }] } },
        });
      },
    });
    expect(graph.get("EventsSubscriberOrders", "sst:aws:BusLambdaSubscriber").type).toBe("sst:aws:BusLambdaSubscriber");
    const rule = graph.get("EventsSubscriberOrdersRule", RULE);
    expect(rule.inputs).toMatchObject({ eventBusName: nameOf(graph, "EventsBus"), state: "ENABLED" });
    expect(JSON.parse(rule.inputs.eventPattern as string)).toEqual({
      source: ["shop"],
      "detail-type": ["order.placed"],
      detail: { total: [{ numeric: [">=", 100] }] },
    });
    const fn = graph.get("EventsSubscriberOrdersFunctionFunction", "aws:lambda/function:Function");
    expect(fn.inputs).toMatchObject({ handler: "src/orders.handler", description: `Subscribed to ${nameOf(graph, "EventsBus")}` });
    expect(graph.get("EventsSubscriberOrdersTarget", TARGET).inputs).toEqual(
      expect.objectContaining({ arn: arnOf(fn.name), rule: nameOf(graph, rule.name), eventBusName: nameOf(graph, "EventsBus") }),
    );
    expect(graph.get("EventsSubscriberOrdersPermission").inputs).toMatchObject({
      action: "lambda:InvokeFunction",
      function: arnOf(fn.name),
      principal: "events.amazonaws.com",
      sourceArn: arnOf(rule.name),
    });
  });

  it("matches every event without a pattern, and disables the rule with enabled: false", async () => {
    const graph = await synth({
      ...app,
      run: () => {
        const bus = new Bus("Events");
        bus.subscribe("All", "src/all.handler");
        bus.subscribe("Off", { handler: "src/off.handler" }, { enabled: false, pattern: {} });
      },
    });
    expect(JSON.parse(graph.get("EventsSubscriberAllRule").inputs.eventPattern as string)).toEqual({ source: [{ prefix: "" }] });
    const off = graph.get("EventsSubscriberOffRule");
    expect(off.inputs.state).toBe("DISABLED");
    expect(JSON.parse(off.inputs.eventPattern as string)).toEqual({ source: [{ prefix: "" }] });
  });

  it("subscribes an existing function by ARN without creating one", async () => {
    const arn = "arn:aws:lambda:us-east-1:123456789012:function:existing";
    const graph = await synth({ ...app, run: () => void new Bus("Events").subscribe("Ext", arn) });
    expect(graph.byType("sst:aws:Function")).toEqual([]);
    expect(graph.get("EventsSubscriberExtTarget").inputs.arn).toBe(arn);
  });

  it("subscribes a queue: a rule, a target to the queue, and a queue policy letting EventBridge send", async () => {
    const graph = await synth({
      ...app,
      run: () => {
        const bus = new Bus("Events");
        bus.subscribeQueue("ToQueue", QUEUE_ARN, { pattern: { detailType: ["order.placed"] } });
        bus.subscribeQueue("ToObject", { arn: QUEUE_ARN });
      },
    });
    expect(graph.get("EventsSubscriberToQueue", "sst:aws:BusQueueSubscriber").type).toBe("sst:aws:BusQueueSubscriber");
    expect(JSON.parse(graph.get("EventsSubscriberToQueueRule").inputs.eventPattern as string)).toEqual({ "detail-type": ["order.placed"] });
    expect(graph.get("EventsSubscriberToQueueTarget").inputs).toMatchObject({ arn: QUEUE_ARN, eventBusName: nameOf(graph, "EventsBus") });
    const policy = graph.get("EventsSubscriberToQueuePolicy", "aws:sqs/queuePolicy:QueuePolicy");
    expect(policy.inputs.queueUrl).toBe("https://sqs.us-east-1.amazonaws.com/123456789012/orders");
    expect(policy.retainOnDelete).toBe(true);
    expect(JSON.parse(policy.inputs.policy as string).Statement).toEqual([
      {
        Effect: "Allow",
        Principal: { Service: ["events.amazonaws.com", "s3.amazonaws.com", "sns.amazonaws.com"] },
        Action: "sqs:SendMessage",
        Resource: QUEUE_ARN,
      },
    ]);
    // Two subscriptions of one queue write the same policy document.
    expect(graph.get("EventsSubscriberToObjectPolicy").inputs.policy).toBe(policy.inputs.policy);
  });

  it("subscribes to a bus of another app by ARN (function and queue)", async () => {
    const graph = await synth({
      ...app,
      run: () => {
        Bus.subscribe("Audit", EXTERNAL_BUS, "src/audit.handler", { pattern: { source: ["billing"] } });
        Bus.subscribeQueue("Archive", EXTERNAL_BUS, QUEUE_ARN);
      },
    });
    expect(graph.get("SharedbusSubscriberAudit", "sst:aws:BusLambdaSubscriber").parent).not.toContain("sst:aws:Bus");
    expect(graph.get("SharedbusSubscriberAuditRule").inputs.eventBusName).toBe("shared-bus");
    expect(graph.get("SharedbusSubscriberAuditTarget").inputs.eventBusName).toBe("shared-bus");
    expect(graph.get("SharedbusSubscriberArchiveTarget").inputs).toMatchObject({ arn: QUEUE_ARN, eventBusName: "shared-bus" });
  });

  it("subscribes to a bus whose ARN is an Output (named <Bus>Subscriber<name> then)", async () => {
    const graph = await synth({
      ...app,
      run: () => void Bus.subscribe("Late", pulumi.output(EXTERNAL_BUS), "src/late.handler"),
    });
    expect(graph.get("BusSubscriberLateRule").inputs.eventBusName).toBe("shared-bus");
    expect(graph.get("BusSubscriberLateTarget").inputs.eventBusName).toBe("shared-bus");
  });

  it("returns the subscriber, whose nodes hold the rule, target, permission and function", async () => {
    let nodes: any;
    let fn: unknown;
    await synth({
      ...app,
      run: async () => {
        const sub = new Bus("Events").subscribe("Orders", "src/orders.handler");
        const resolved = await new Promise<BusLambdaSubscriber>((resolve) => sub.apply(resolve));
        nodes = resolved.nodes;
        fn = await new Promise((resolve) => resolved.nodes.function.apply(resolve));
      },
    });
    expect(nodes.rule.constructor.name).toBe("EventRule");
    expect(nodes.target.constructor.name).toBe("EventTarget");
    expect(nodes.permission.constructor.name).toBe("Permission");
    expect(fn).toBeInstanceOf(Function);
  });

  it("applies transform keys: bus, and a subscriber's rule and target; with the import option", async () => {
    const { mocks, imports } = trackingMocks();
    const graph = await synth({
      ...app,
      mocks,
      run: () => {
        const bus = new Bus("Events", {
          transform: {
            bus: (args, opts) => {
              args.name = "legacy-bus";
              opts.import = "legacy-bus";
            },
          },
        });
        bus.subscribe("Orders", "src/orders.handler", {
          transform: { rule: { description: "orders" }, target: (args) => void (args.retryPolicy = { maximumRetryAttempts: 1 }) },
        });
        bus.subscribeQueue("Q", QUEUE_ARN, { transform: { rule: { description: "queue" } } });
      },
    });
    expect(graph.get("EventsBus").inputs.name).toBe("legacy-bus");
    expect(imports.EventsBus).toBe("legacy-bus");
    expect(graph.get("EventsSubscriberOrdersRule").inputs.description).toBe("orders");
    expect(graph.get("EventsSubscriberOrdersTarget").inputs.retryPolicy).toEqual({ maximumRetryAttempts: 1 });
    expect(graph.get("EventsSubscriberQRule").inputs.description).toBe("queue");
  });

  it("references an existing bus with Bus.get: read, not created, and still linkable and subscribable", async () => {
    const graph = await synth({
      ...app,
      run: () => {
        const bus = Bus.get("Shared", "app-dev-Shared");
        bus.subscribe("Orders", "src/orders.handler");
      },
    });
    const read = graph.get("SharedBus", BUS);
    expect(read).toMatchObject({ read: true, id: "app-dev-Shared" });
    expect(graph.byType(BUS).filter((r) => !r.read)).toEqual([]);
    expect(graph.links.find((l) => l.name === "Shared")!.type).toBe("sst.aws.Bus");
    expect(graph.get("SharedSubscriberOrdersRule").type).toBe(RULE);
  });

  it("rejects a bus ARN that is not an event bus, and a queue ARN that is not a queue", async () => {
    await expect(
      synth({ ...app, run: () => void Bus.subscribe("X", "arn:aws:sqs:us-east-1:123456789012:q", "src/x.handler") }),
    ).rejects.toMatchObject({ code: "E_AWS_ARN_INVALID", message: expect.stringContaining("not the ARN of an EventBridge event bus") });
    await expect(
      synth({ ...app, run: () => void new Bus("Events").subscribeQueue("Q", "arn:aws:sns:us-east-1:123456789012:topic") }),
    ).rejects.toMatchObject({ code: "E_AWS_ARN_INVALID", message: expect.stringContaining("not the ARN of an SQS queue") });
  });
});
