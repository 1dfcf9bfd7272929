/** The aws-queue example, synthesised offline: a queue with a dead-letter queue and its subscriber. */
import { join } from "node:path";
import { synthConfig } from "@sst/core/testing";
import { describe, expect, it } from "vitest";
import { configTypeErrors } from "../../../plugins/aws/test/fixtures/config-types.js";

const root = join(import.meta.dirname, "..");

describe("aws-queue", () => {
  it("creates the queues, the redrive policy and the subscriber's mapping with partial responses", async () => {
    const graph = await synthConfig({ cwd: root, stage: "test" });
    const queues = graph.byType("aws:sqs/queue:Queue");
    expect(queues.map((q) => q.name).sort()).toEqual(["DeadLettersQueue", "JobsQueue"]);
    const jobs = graph.get("JobsQueue");
    expect(jobs.inputs.visibilityTimeoutSeconds).toBe(120);
    expect(JSON.parse(jobs.inputs.redrivePolicy as string)).toMatchObject({ maxReceiveCount: 3 });
    const [esm] = graph.byType("aws:lambda/eventSourceMapping:EventSourceMapping");
    expect(esm!.inputs).toMatchObject({ batchSize: 10, maximumBatchingWindowInSeconds: 5, functionResponseTypes: ["ReportBatchItemFailures"] });
    const [fn] = graph.byType("aws:lambda/function:Function");
    expect(fn!.inputs.handler).toBe("src/worker.handler");
    // Offline mocks give no queue URL; the link's type and permission are known.
    const link = graph.links.find((l) => l.name === "Jobs")!;
    expect(link.include).toMatchObject([{ type: "aws.permission", actions: ["sqs:*"] }]);
  });

  it("type-checks sst.config.ts against the editor globals of an aws app", () => {
    expect(configTypeErrors(root)).toEqual([]);
  });
});
