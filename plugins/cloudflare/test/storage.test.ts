/** sst.cloudflare.Bucket, Kv, D1, Queue and Cron under synth: resources, names, removal, transform, nodes, links, get. */
import { describe, expect, it } from "vitest";
import { Bucket, Cron, D1, Kv, Queue } from "@sst/cloudflare";
import { sstError } from "../../../core/test/_helpers.js";
import { ACCOUNT, synthCloudflare } from "./_app.js";

const NAME = /^app-test-[a-z]+-[abcdefhkmnorstuvwxz]{8}$/;
/** KV titles are free text: the only name Cloudflare does not lower-case. */
const nameOf = (type: string) => (type.endsWith("WorkersKvNamespace") ? /^app-test-MyThingNamespace-[abcdefhkmnorstuvwxz]{8}$/ : NAME);

describe.each([
  { Class: Bucket, key: "bucket", child: "MyThingBucket", type: "cloudflare:index/r2Bucket:R2Bucket", field: "name", transform: { location: "weur" }, link: "r2BucketBindings" },
  { Class: Kv, key: "namespace", child: "MyThingNamespace", type: "cloudflare:index/workersKvNamespace:WorkersKvNamespace", field: "title", transform: { jurisdiction: "eu" }, link: "kvNamespaceBindings" },
  { Class: D1, key: "database", child: "MyThingDatabase", type: "cloudflare:index/d1Database:D1Database", field: "name", transform: { primaryLocationHint: "weur" }, link: "d1DatabaseBindings" },
  { Class: Queue, key: "queue", child: "MyThingQueue", type: "cloudflare:index/queue:Queue", field: "queueName", transform: { jurisdiction: "eu" }, link: "queueBindings" },
])("sst.cloudflare.$Class.name", ({ Class, key, child, type, field, transform, link }) => {
  it(`creates one ${type.split(":").at(-1)} in the account with a physical ${field} (lower case where Cloudflare requires) kept across deploys`, async () => {
    const graph = await synthCloudflare(() => void new Class("MyThing"));
    const resource = graph.get(child, type);
    expect(resource.inputs.accountId).toBe(ACCOUNT);
    expect(resource.inputs[field]).toMatch(nameOf(type));
    expect(resource.ignoreChanges).toContain(field);
    expect(graph.parent(resource)!.type).toBe(`sst:cloudflare:${Class.name}`);
  });

  it("is retained on removal under removal: retain, and removed under removal: remove", async () => {
    const retained = await synthCloudflare(() => void new Class("MyThing"), { app: { removal: "retain" } });
    expect(retained.get(child).retainOnDelete).toBe(true);
    const removed = await synthCloudflare(() => void new Class("MyThing"), { app: { removal: "remove" } });
    expect(removed.get(child).retainOnDelete).toBe(false);
  });

  it(`applies transform.${key}`, async () => {
    const graph = await synthCloudflare(() => void new Class("MyThing", { transform: { [key]: transform } }));
    expect(graph.get(child).inputs).toMatchObject(transform);
  });

  it(`exposes nodes.${key}`, async () => {
    let node: unknown;
    await synthCloudflare(() => void (node = (new Class("MyThing").nodes as Record<string, unknown>)[key]));
    expect((node as { constructor: { __pulumiType: string } }).constructor.__pulumiType).toBe(type);
  });

  it(`links as a ${link} binding`, async () => {
    const graph = await synthCloudflare(() => void new Class("MyThing"));
    const recorded = graph.links.find((l) => l.name === "MyThing")!;
    expect(recorded.type).toBe(`sst.cloudflare.${Class.name}`);
    expect(recorded.include.map((i) => [i.type, i.binding])).toEqual([["cloudflare.binding", link]]);
  });

  it("get() reads the existing resource by ID, with the account in its state, and creates nothing", async () => {
    const graph = await synthCloudflare(() => void Class.get("MyThing", "existing-id"));
    const read = graph.get(child, type);
    expect(read.read).toBe(true);
    expect(read.id).toBe("existing-id");
    expect(read.inputs.accountId).toBe(ACCOUNT);
    expect(graph.resources.filter((r) => r.type === type && !r.read)).toEqual([]);
  });
});

describe("sst.cloudflare.Bucket", () => {
  it("exposes the bucket name as `name` and links it as bucketName", async () => {
    const graph = await synthCloudflare(() => ({ name: new Bucket("Media").name }));
    expect(graph.outputs.name).toBe(graph.get("MediaBucket").inputs.name);
    expect(graph.links.find((l) => l.name === "Media")!.include[0]!.properties).toEqual({ bucketName: graph.outputs.name });
  });
});

describe("sst.cloudflare.Queue subscribe", () => {
  it("creates the consumer Worker and a worker consumer with SST's batch defaults (10 messages, 5 s, 3 retries)", async () => {
    const graph = await synthCloudflare(() => void new Queue("Jobs").subscribe("consumer.ts"));
    const script = graph.get("JobsSubscriberScript", "cloudflare:index/workersScript:WorkersScript");
    graph.expectInputs(graph.get("JobsConsumer", "cloudflare:index/queueConsumer:QueueConsumer"), {
      accountId: ACCOUNT,
      queueId: "JobsQueue-id",
      scriptName: script.inputs.scriptName,
      type: "worker",
      settings: { batchSize: 10, maxWaitTimeMs: 5000, maxRetries: 3 },
    });
    expect(graph.parent(graph.get("JobsSubscriber"))!.name).toBe("Jobs");
  });

  it("takes Worker args, batch settings, retries and a dead-letter queue", async () => {
    const graph = await synthCloudflare(() => {
      const queue = new Queue("Jobs", { transform: { consumer: { settings: { batchSize: 1, maxConcurrency: 2 } } } });
      queue.subscribe({ handler: "consumer.ts", environment: { X: "1" } }, { batch: { size: 50, window: "2 seconds" }, maxRetries: 5, deadLetterQueue: "dlq" });
    });
    // The transform replaces the settings object it names.
    expect(graph.get("JobsConsumer").inputs).toMatchObject({ deadLetterQueue: "dlq", settings: { batchSize: 1, maxConcurrency: 2 } });
    expect((graph.get("JobsSubscriberScript").inputs.bindings as { name: string }[]).map((b) => b.name)).toContain("X");
  });

  it("uses the batch settings given", async () => {
    const graph = await synthCloudflare(() => void new Queue("Jobs").subscribe("c.ts", { batch: { size: 50, window: "2 seconds" }, maxRetries: 5 }));
    expect(graph.get("JobsConsumer").inputs.settings).toEqual({ batchSize: 50, maxWaitTimeMs: 2000, maxRetries: 5 });
  });

  it("refuses a second subscriber: a Cloudflare queue has one consumer Worker", async () => {
    const error = await sstError(() =>
      synthCloudflare(() => {
        const queue = new Queue("Jobs");
        queue.subscribe("a.ts");
        queue.subscribe("b.ts");
      }),
    );
    expect(error.code).toBe("E_CLOUDFLARE_QUEUE_CONSUMER");
  });

  it("refuses a batch window that is not in seconds", async () => {
    const error = await sstError(() => synthCloudflare(() => void new Queue("Jobs").subscribe("a.ts", { batch: { window: "5 minutes" as never } })));
    expect(error.code).toBe("E_CLOUDFLARE_QUEUE_WINDOW");
  });

  it("lists the consumer Worker and the consumer in nodes", async () => {
    let keys: string[] = [];
    await synthCloudflare(() => {
      const queue = new Queue("Jobs");
      queue.subscribe("a.ts");
      keys = Object.keys(queue.nodes);
    });
    expect(keys).toEqual(["queue", "worker", "consumer"]);
  });
});

describe("sst.cloudflare.Cron", () => {
  it("creates the job's Worker and a cron trigger for it with every schedule", async () => {
    const graph = await synthCloudflare(() => void new Cron("Cron", { job: "index.ts", schedules: ["* * * * *", "0 12 * * MON"] }));
    const script = graph.get("CronHandlerScript", "cloudflare:index/workersScript:WorkersScript");
    graph.expectInputs(graph.get("CronTrigger", "cloudflare:index/workersCronTrigger:WorkersCronTrigger"), {
      accountId: ACCOUNT,
      scriptName: script.inputs.scriptName,
      schedules: [{ cron: "* * * * *" }, { cron: "0 12 * * MON" }],
    });
  });

  it("takes full Worker args for the job, and transform.trigger", async () => {
    const graph = await synthCloudflare(() => {
      const kv = new Kv("Store");
      new Cron("Cron", { job: { handler: "index.ts", link: [kv] }, schedules: ["0 * * * *"], transform: { trigger: { schedules: [{ cron: "5 * * * *" }] } } });
    });
    expect((graph.get("CronHandlerScript").inputs.bindings as { name: string }[]).map((b) => b.name)).toEqual(["SST_RESOURCE_App", "Store"]);
    expect(graph.get("CronTrigger").inputs.schedules).toEqual([{ cron: "5 * * * *" }]);
  });

  it("needs a job and schedules", async () => {
    const error = await sstError(() => synthCloudflare(() => void new Cron("Cron", { job: "index.ts" } as never)));
    expect(error.code).toBe("E_CLOUDFLARE_CRON_ARGS");
  });
});
