/** sst.aws.Queue and QueueLambdaSubscriber through the plugin harness (synth under Pulumi mocks). */
import * as awsSdk from "@pulumi/aws";
import { synth, type Graph } from "@sst/core/testing";
import { describe, expect, it } from "vitest";
import { aws, Function, Queue, QueueLambdaSubscriber } from "@sst/aws";
import { ACCOUNT, arnMocks, REGION } from "./fixtures/arn-mocks.js";
import { fifoNaming } from "./fixtures/fifo-naming.js";
import { functionStatements } from "./fixtures/policy.js";

const app = { plugins: [aws()], providers: { aws: {} }, mocks: arnMocks() };
const QUEUE = "aws:sqs/queue:Queue";
const ESM = "aws:lambda/eventSourceMapping:EventSourceMapping";
const queueArn = (name: string) => `arn:aws:sqs:${REGION}:${ACCOUNT}:${name}`;
/** A Lambda function's name: its physical name when a naming rule set one, else the mocks' logical name. */
const functionName = (graph: Graph, name: string) => (graph.get(name).inputs.name as string | undefined) ?? name;

describe("sst.aws.Queue", () => {
  it("is sst.aws.Queue in the sst namespace, with its subscriber component", async () => {
    let seen: unknown[] = [];
    await synth({ ...app, run: () => void (seen = [(globalThis as any).sst.aws.Queue, (globalThis as any).sst.aws.QueueLambdaSubscriber]) });
    expect(seen).toEqual([Queue, QueueLambdaSubscriber]);
  });

  it("creates a standard queue with a 30 second visibility timeout, no delay and no dead-letter queue", async () => {
    const graph = await synth({ ...app, run: () => void new Queue("Jobs") });
    const queue = graph.get("JobsQueue", QUEUE);
    expect(queue.inputs).toMatchObject({ fifoQueue: false, contentBasedDeduplication: false, visibilityTimeoutSeconds: 30, delaySeconds: 0 });
    expect(queue.inputs.redrivePolicy).toBeUndefined();
    expect(graph.parent(queue)!.type).toBe("sst:aws:Queue");
  });

  it("makes a FIFO queue, with content-based deduplication when asked", async () => {
    const graph = await synth({
      ...app,
      run: () => {
        new Queue("Plain", { fifo: true });
        new Queue("Dedup", { fifo: { contentBasedDeduplication: true } });
      },
    });
    expect(graph.get("PlainQueue").inputs).toMatchObject({ fifoQueue: true, contentBasedDeduplication: false });
    expect(graph.get("DedupQueue").inputs).toMatchObject({ fifoQueue: true, contentBasedDeduplication: true });
  });

  it("gives the naming rule a plain fifoQueue, so a FIFO queue's name ends with .fifo", async () => {
    const graph = await synth({
      ...app,
      plugins: [aws(), fifoNaming],
      run: () => {
        new Queue("Ordered", { fifo: true });
        new Queue("Standard");
      },
    });
    expect(graph.get("OrderedQueue").inputs.name).toMatch(/-Ordered.*\.fifo$/);
    expect(graph.get("StandardQueue").inputs.name).not.toMatch(/\.fifo$/);
  });

  it("turns visibilityTimeout and delay into seconds", async () => {
    const graph = await synth({ ...app, run: () => void new Queue("Jobs", { visibilityTimeout: "1 hour", delay: "2 minutes" }) });
    expect(graph.get("JobsQueue").inputs).toMatchObject({ visibilityTimeoutSeconds: 3600, delaySeconds: 120 });
  });

  it("refuses a delay over 15 minutes and a visibility timeout over 12 hours, naming the argument", async () => {
    await expect(synth({ ...app, run: () => void new Queue("Jobs", { delay: "16 minutes" }) })).rejects.toMatchObject({
      code: "E_DURATION_RANGE",
      message: expect.stringContaining('Queue "Jobs": delay'),
    });
    await expect(synth({ ...app, run: () => void new Queue("Jobs", { visibilityTimeout: "13 hours" }) })).rejects.toMatchObject({
      code: "E_DURATION_RANGE",
    });
    await expect(synth({ ...app, run: () => void new Queue("Jobs", { delay: "soon" as any }) })).rejects.toMatchObject({ code: "E_DURATION_INVALID" });
  });

  it("redrives to a dead-letter queue after 3 receives, or after dlq.retry", async () => {
    const graph = await synth({
      ...app,
      run: () => {
        const dlq = new Queue("Dlq");
        new Queue("ByArn", { dlq: dlq.arn });
        new Queue("WithRetry", { dlq: { queue: dlq.arn, retry: 5 } });
      },
    });
    expect(JSON.parse(graph.get("ByArnQueue").inputs.redrivePolicy as string)).toEqual({ deadLetterTargetArn: queueArn("DlqQueue"), maxReceiveCount: 3 });
    expect(JSON.parse(graph.get("WithRetryQueue").inputs.redrivePolicy as string)).toEqual({ deadLetterTargetArn: queueArn("DlqQueue"), maxReceiveCount: 5 });
  });

  it("applies transform.queue, including the import option", async () => {
    const imports: Record<string, string> = {};
    const url = `https://sqs.${REGION}.amazonaws.com/${ACCOUNT}/legacy`;
    const graph = await synth({
      ...app,
      mocks: arnMocks(imports),
      run: () => {
        new Queue("Merged", { transform: { queue: { messageRetentionSeconds: 60 } } });
        new Queue("Imported", {
          transform: {
            queue: (args, opts) => {
              args.name = "legacy";
              opts.import = url;
            },
          },
        });
      },
    });
    expect(graph.get("MergedQueue").inputs.messageRetentionSeconds).toBe(60);
    expect(graph.get("ImportedQueue").inputs.name).toBe("legacy");
    expect(imports.ImportedQueue).toBe(url);
  });

  it("exposes the queue as nodes.queue, and arn and url", async () => {
    let queue!: Queue;
    const graph = await synth({ ...app, run: () => ({ arn: (queue = new Queue("Jobs")).arn, url: queue.url }) });
    expect(queue.nodes.queue).toBeInstanceOf(awsSdk.sqs.Queue);
    expect(graph.outputs).toEqual({ arn: queueArn("JobsQueue"), url: `https://sqs.${REGION}.amazonaws.com/${ACCOUNT}/JobsQueue` });
  });

  it("links its url with sqs:* on the queue", async () => {
    const graph = await synth({ ...app, run: () => void new Queue("Jobs") });
    const link = graph.links.find((l) => l.name === "Jobs")!;
    expect(link.type).toBe("sst.aws.Queue");
    expect(link.properties).toEqual({ url: `https://sqs.${REGION}.amazonaws.com/${ACCOUNT}/JobsQueue` });
    expect(link.include).toEqual([{ type: "aws.permission", actions: ["sqs:*"], resources: [queueArn("JobsQueue")] }]);
  });

  it("references an existing queue by URL with Queue.get", async () => {
    const url = `https://sqs.${REGION}.amazonaws.com/${ACCOUNT}/shared`;
    let queue!: Queue;
    const graph = await synth({ ...app, run: () => void (queue = Queue.get("Shared", url)) });
    const read = graph.get("SharedQueue", QUEUE);
    expect(read).toMatchObject({ read: true, id: url });
    expect(graph.byType(QUEUE).filter((r) => !r.read)).toEqual([]);
    expect(queue.nodes.queue).toBeInstanceOf(awsSdk.sqs.Queue);
  });
});

describe("Queue.subscribe", () => {
  it("creates a function that may consume the queue and an event source mapping with SST's batch defaults", async () => {
    let sub!: QueueLambdaSubscriber;
    const graph = await synth({
      ...app,
      run: () => {
        const queue = new Queue("Jobs");
        queue.subscribe("src/sub.handler").apply((s) => (sub = s));
      },
    });
    const [esm] = graph.byType(ESM);
    expect(esm!.name).toMatch(/^JobsSubscriber[A-Z][a-z]{5}EventSourceMapping$/);
    expect(esm!.inputs).toEqual({
      eventSourceArn: queueArn("JobsQueue"),
      functionName: functionName(graph, esm!.name.replace("EventSourceMapping", "FunctionFunction")),
      batchSize: 10,
      maximumBatchingWindowInSeconds: 0,
      functionResponseTypes: [],
    });
    expect(functionStatements(graph, esm!.name.replace("EventSourceMapping", "Function"))).toEqual([
      {
        Effect: "Allow",
        Action: ["sqs:ChangeMessageVisibility", "sqs:DeleteMessage", "sqs:GetQueueAttributes", "sqs:GetQueueUrl", "sqs:ReceiveMessage"],
        Resource: [queueArn("JobsQueue")],
      },
    ]);
    const fn = graph.get(esm!.name.replace("EventSourceMapping", "FunctionFunction"), "aws:lambda/function:Function");
    expect(fn.inputs.description).toBe(`Subscribed to ${esm!.name.replace("EventSourceMapping", "")}`);
    expect(sub).toBeInstanceOf(QueueLambdaSubscriber);
    expect(sub.nodes.function).toBeInstanceOf(Function);
    expect(sub.nodes.eventSourceMapping).toBeInstanceOf(awsSdk.lambda.EventSourceMapping);
  });

  it("sets batch size, window, partial responses and filter patterns on the mapping", async () => {
    const graph = await synth({
      ...app,
      run: () =>
        void new Queue("Jobs").subscribe("src/sub.handler", {
          batch: { size: 100, window: "20 seconds", partialResponses: true },
          filters: [{ body: { RequestCode: ["BBBB"] } }, { body: { RecordNumber: [{ numeric: [">", 9999] }] } }],
        }),
    });
    const esm = graph.byType(ESM)[0]!;
    expect(esm.inputs).toMatchObject({ batchSize: 100, maximumBatchingWindowInSeconds: 20, functionResponseTypes: ["ReportBatchItemFailures"] });
    const patterns = (esm.inputs.filterCriteria as { filters: { pattern: string }[] }).filters.map((f) => JSON.parse(f.pattern));
    expect(patterns).toEqual([{ body: { RequestCode: ["BBBB"] } }, { body: { RecordNumber: [{ numeric: [">", 9999] }] } }]);
  });

  it("keeps the subscriber's own permissions next to the queue's", async () => {
    const graph = await synth({
      ...app,
      run: () =>
        void new Queue("Jobs").subscribe({ handler: "src/sub.handler", permissions: [{ actions: ["s3:GetObject"], resources: ["arn:aws:s3:::b/*"] }] }),
    });
    const fn = graph.byType("sst:aws:Function")[0]!.name;
    const statements = functionStatements(graph, fn);
    expect(statements.map((s) => s.Action)).toEqual([["s3:GetObject"], expect.arrayContaining(["sqs:ReceiveMessage"])]);
  });

  it("applies transform.eventSourceMapping", async () => {
    const graph = await synth({
      ...app,
      run: () => void new Queue("Jobs").subscribe("src/sub.handler", { transform: { eventSourceMapping: { enabled: false } } }),
    });
    expect(graph.byType(ESM)[0]!.inputs.enabled).toBe(false);
  });

  it("subscribes an existing function by ARN without creating one", async () => {
    const fnArn = `arn:aws:lambda:${REGION}:${ACCOUNT}:function:existing`;
    let sub!: QueueLambdaSubscriber;
    const graph = await synth({ ...app, run: () => void new Queue("Jobs").subscribe(fnArn).apply((s) => (sub = s)) });
    expect(graph.byType("aws:lambda/function:Function")).toEqual([]);
    expect(graph.byType(ESM)[0]!.inputs.functionName).toBe("existing");
    expect(sub.nodes.function).toBeUndefined();
  });

  it("refuses a second subscriber", async () => {
    await expect(
      synth({
        ...app,
        run: () => {
          const queue = new Queue("Jobs");
          queue.subscribe("src/a.handler");
          queue.subscribe("src/b.handler");
        },
      }),
    ).rejects.toMatchObject({ code: "E_QUEUE_SUBSCRIBED", message: expect.stringContaining('Queue "Jobs"') });
  });

  it("refuses a batch over 10 without a window, and more than 5 filters", async () => {
    await expect(synth({ ...app, run: () => void new Queue("Jobs").subscribe("src/a.handler", { batch: { size: 20 } }) })).rejects.toMatchObject({
      code: "E_QUEUE_BATCH",
    });
    await expect(synth({ ...app, run: () => void new Queue("Jobs").subscribe("src/a.handler", { batch: { size: 0 } }) })).rejects.toMatchObject({
      code: "E_QUEUE_BATCH",
    });
    await expect(
      synth({ ...app, run: () => void new Queue("Jobs").subscribe("src/a.handler", { filters: Array.from({ length: 6 }, () => ({ body: {} })) }) }),
    ).rejects.toMatchObject({ code: "E_SUBSCRIBER_FILTERS" });
  });

  it("subscribes to a queue outside the app by ARN with the static Queue.subscribe", async () => {
    const external = queueArn("orders-queue");
    const graph = await synth({ ...app, run: () => void Queue.subscribe(external, "src/sub.handler") });
    const sub = graph.byType("sst:aws:QueueLambdaSubscriber")[0]!;
    expect(sub.name).toMatch(/^OrdersqueueSubscriber/);
    expect(graph.roots().map((r) => r.name)).toContain(sub.name);
    expect(graph.byType(ESM)[0]!.inputs.eventSourceArn).toBe(external);
    // An ARN known only once deployed cannot name the subscriber: it is named after the kind.
    const fromOutput = await synth({ ...app, run: () => void Queue.subscribe(new Queue("Other").arn, "src/sub.handler") });
    expect(fromOutput.byType("sst:aws:QueueLambdaSubscriber")[0]!.name).toMatch(/^QueueSubscriber[A-Z][a-z]{5}$/);
    expect(fromOutput.byType(ESM)[0]!.inputs.eventSourceArn).toBe(queueArn("OtherQueue"));
    await expect(synth({ ...app, run: () => void Queue.subscribe("arn:aws:sns:us-east-1:1:topic", "src/sub.handler") })).rejects.toMatchObject({
      code: "E_AWS_ARN_INVALID",
    });
  });
});
