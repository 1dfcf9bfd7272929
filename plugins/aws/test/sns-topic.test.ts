/** sst.aws.SnsTopic and its lambda and queue subscribers through the plugin harness (synth under Pulumi mocks). */
import * as awsSdk from "@pulumi/aws";
import { synth } from "@sst/core/testing";
import { describe, expect, it } from "vitest";
import { aws, Function, Queue, SnsTopic, SnsTopicLambdaSubscriber, SnsTopicQueueSubscriber } from "@sst/aws";
import { ACCOUNT, arnMocks, REGION } from "./fixtures/arn-mocks.js";
import { fifoNaming } from "./fixtures/fifo-naming.js";
import { statementsOf } from "./fixtures/policy.js";

const app = { plugins: [aws()], providers: { aws: {} }, mocks: arnMocks() };
const TOPIC = "aws:sns/topic:Topic";
const SUBSCRIPTION = "aws:sns/topicSubscription:TopicSubscription";
const topicArn = (name: string) => `arn:aws:sns:${REGION}:${ACCOUNT}:${name}`;
const fnArn = (name: string) => `arn:aws:lambda:${REGION}:${ACCOUNT}:function:${name}`;
const FILTER = { store: ["example_corp"], event: [{ "anything-but": "order_cancelled" }], price_usd: [{ numeric: [">=", 100] }] };

describe("sst.aws.SnsTopic", () => {
  it("is sst.aws.SnsTopic in the sst namespace, with its subscriber components", async () => {
    let seen: unknown[] = [];
    await synth({ ...app, run: () => void (seen = [(globalThis as any).sst.aws.SnsTopic, (globalThis as any).sst.aws.SnsTopicLambdaSubscriber, (globalThis as any).sst.aws.SnsTopicQueueSubscriber]) });
    expect(seen).toEqual([SnsTopic, SnsTopicLambdaSubscriber, SnsTopicQueueSubscriber]);
  });

  it("creates a standard topic, or a FIFO one", async () => {
    const graph = await synth({
      ...app,
      run: () => {
        new SnsTopic("Events");
        new SnsTopic("Ordered", { fifo: true });
      },
    });
    expect(graph.get("EventsTopic", TOPIC).inputs.fifoTopic).toBe(false);
    expect(graph.get("OrderedTopic", TOPIC).inputs.fifoTopic).toBe(true);
  });

  it("gives the naming rule a plain fifoTopic, so a FIFO topic's name ends with .fifo", async () => {
    const graph = await synth({ ...app, plugins: [aws(), fifoNaming], run: () => void new SnsTopic("Ordered", { fifo: true }) });
    expect(graph.get("OrderedTopic").inputs.name).toMatch(/-Ordered.*\.fifo$/);
  });

  it("applies transform.topic, including the import option", async () => {
    const imports: Record<string, string> = {};
    const graph = await synth({
      ...app,
      mocks: arnMocks(imports),
      run: () =>
        void new SnsTopic("Events", {
          transform: {
            topic: (args, opts) => {
              args.displayName = "Events";
              opts.import = topicArn("legacy");
            },
          },
        }),
    });
    expect(graph.get("EventsTopic").inputs.displayName).toBe("Events");
    expect(imports.EventsTopic).toBe(topicArn("legacy"));
  });

  it("exposes arn, name and nodes.topic, and links its arn with sns:* on the topic", async () => {
    let topic!: SnsTopic;
    const graph = await synth({ ...app, run: () => ((topic = new SnsTopic("Events")), { arn: topic.arn }) });
    expect(graph.outputs.arn).toBe(topicArn("EventsTopic"));
    expect(topic.nodes.topic).toBeInstanceOf(awsSdk.sns.Topic);
    const link = graph.links.find((l) => l.name === "Events")!;
    expect(link).toMatchObject({ type: "sst.aws.SnsTopic", properties: { arn: topicArn("EventsTopic") } });
    expect(link.include).toEqual([{ type: "aws.permission", actions: ["sns:*"], resources: [topicArn("EventsTopic")] }]);
  });

  it("references an existing topic by ARN with SnsTopic.get", async () => {
    const graph = await synth({ ...app, run: () => void SnsTopic.get("Shared", topicArn("shared")) });
    expect(graph.get("SharedTopic", TOPIC)).toMatchObject({ read: true, id: topicArn("shared") });
    expect(graph.resources.filter((r) => r.type.startsWith("aws:") && !r.read)).toEqual([]);
  });
});

describe("SnsTopic.subscribe", () => {
  it("subscribes a function with a filter policy, after letting SNS invoke it", async () => {
    let sub!: SnsTopicLambdaSubscriber;
    const graph = await synth({
      ...app,
      run: () => void new SnsTopic("Events").subscribe("Audit", "src/audit.handler", { filter: FILTER }).apply((s) => (sub = s)),
    });
    const permission = graph.get("EventsSubscriberAuditPermission", "aws:lambda/permission:Permission");
    expect(permission.inputs).toEqual({
      action: "lambda:InvokeFunction",
      function: fnArn("EventsSubscriberAuditFunctionFunction"),
      principal: "sns.amazonaws.com",
      sourceArn: topicArn("EventsTopic"),
    });
    const subscription = graph.get("EventsSubscriberAuditSubscription", SUBSCRIPTION);
    expect(subscription.inputs).toMatchObject({ topic: topicArn("EventsTopic"), protocol: "lambda", endpoint: fnArn("EventsSubscriberAuditFunctionFunction") });
    expect(JSON.parse(subscription.inputs.filterPolicy as string)).toEqual(FILTER);
    expect(subscription.dependencies).toContain(permission.urn);
    expect(sub.nodes.function).toBeInstanceOf(Function);
    expect(sub.nodes.permission).toBeInstanceOf(awsSdk.lambda.Permission);
    expect(sub.nodes.subscription).toBeInstanceOf(awsSdk.sns.TopicSubscription);
  });

  it("subscribes an existing function by ARN, and applies transform.subscription", async () => {
    const graph = await synth({
      ...app,
      run: () => void new SnsTopic("Events").subscribe("Audit", fnArn("existing"), { transform: { subscription: { rawMessageDelivery: true } } }),
    });
    expect(graph.byType("aws:lambda/function:Function")).toEqual([]);
    expect(graph.get("EventsSubscriberAuditSubscription").inputs).toMatchObject({ endpoint: fnArn("existing"), rawMessageDelivery: true });
    expect(graph.get("EventsSubscriberAuditSubscription").inputs.filterPolicy).toBeUndefined();
  });

  it("subscribes to a topic outside the app with the static SnsTopic.subscribe", async () => {
    const graph = await synth({ ...app, run: () => void SnsTopic.subscribe("Audit", topicArn("orders"), "src/audit.handler") });
    const sub = graph.get("OrdersSubscriberAudit", "sst:aws:SnsTopicLambdaSubscriber");
    expect(graph.roots()).toContainEqual(sub);
    expect(graph.get("OrdersSubscriberAuditSubscription").inputs.topic).toBe(topicArn("orders"));
    await expect(synth({ ...app, run: () => void SnsTopic.subscribe("Audit", "arn:aws:sqs:us-east-1:1:q", "src/a.handler") })).rejects.toMatchObject({
      code: "E_AWS_ARN_INVALID",
    });
  });

  it("refuses a subscriber name that cannot name a component", async () => {
    await expect(synth({ ...app, run: () => void new SnsTopic("Events").subscribe("1st", "src/a.handler") })).rejects.toMatchObject({
      code: "E_SUBSCRIBER_NAME",
    });
  });
});

describe("SnsTopic.subscribeQueue", () => {
  it("subscribes a Queue with a filter policy, after a queue policy lets SNS send to it", async () => {
    let sub!: SnsTopicQueueSubscriber;
    const graph = await synth({
      ...app,
      run: () => void new SnsTopic("Events").subscribeQueue("Buffer", new Queue("Jobs"), { filter: FILTER }).apply((s) => (sub = s)),
    });
    const policy = graph.get("EventsSubscriberBufferPolicy", "aws:sqs/queuePolicy:QueuePolicy");
    expect(policy.inputs.queueUrl).toBe(`https://sqs.${REGION}.amazonaws.com/${ACCOUNT}/JobsQueue`);
    const [statement] = statementsOf(policy);
    expect(statement).toMatchObject({ Effect: "Allow", Action: "sqs:SendMessage", Resource: `arn:aws:sqs:${REGION}:${ACCOUNT}:JobsQueue` });
    expect((statement!.Principal as { Service: string[] }).Service).toContain("sns.amazonaws.com");
    const subscription = graph.get("EventsSubscriberBufferSubscription", SUBSCRIPTION);
    expect(subscription.inputs).toMatchObject({ topic: topicArn("EventsTopic"), protocol: "sqs", endpoint: `arn:aws:sqs:${REGION}:${ACCOUNT}:JobsQueue` });
    expect(JSON.parse(subscription.inputs.filterPolicy as string)).toEqual(FILTER);
    expect(subscription.dependencies).toContain(policy.urn);
    expect(sub.nodes.policy).toBeInstanceOf(awsSdk.sqs.QueuePolicy);
    expect(sub.nodes.subscription).toBeInstanceOf(awsSdk.sns.TopicSubscription);
  });

  it("subscribes a queue by ARN, also to a topic outside the app, and applies transform.subscription", async () => {
    const queueArn = `arn:aws:sqs:${REGION}:${ACCOUNT}:external`;
    const graph = await synth({
      ...app,
      run: () => void SnsTopic.subscribeQueue("Buffer", topicArn("orders"), queueArn, { transform: { subscription: { rawMessageDelivery: true } } }),
    });
    expect(graph.get("OrdersSubscriberBufferPolicy").inputs.queueUrl).toBe(`https://sqs.${REGION}.amazonaws.com/${ACCOUNT}/external`);
    expect(graph.get("OrdersSubscriberBufferSubscription").inputs).toMatchObject({ topic: topicArn("orders"), endpoint: queueArn, rawMessageDelivery: true });
    // Kept on delete: other subscriptions of the queue rely on the same (one) queue policy.
    expect(graph.get("OrdersSubscriberBufferPolicy").retainOnDelete).toBe(true);
    await expect(synth({ ...app, run: () => void new SnsTopic("Events").subscribeQueue("Buffer", "my-queue") })).rejects.toMatchObject({
      code: "E_AWS_ARN_INVALID",
    });
  });
});
