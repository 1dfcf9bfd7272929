/** The AWS examples in examples/, each synthesised from its sst.config.ts (offline: builds skipped). */
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import ts from "typescript";
import { writeConfigTypes } from "@sst/core";
import { synthConfig } from "@sst/core/testing";
import { describe, expect, it } from "vitest";

const examples = join(import.meta.dirname, "..", "..", "..", "examples");
const FN = "aws:lambda/function:Function";

async function example(name: string) {
  return synthConfig({ cwd: join(examples, name), stage: "test" });
}

describe("AWS examples", () => {
  it("aws-function-url: a Node function with a public URL, linked to the bucket, with its URL added after creation", async () => {
    const graph = await example("aws-function-url");
    const fn = graph.get("MyFunctionFunction", FN);
    expect(fn.inputs).toMatchObject({ runtime: "nodejs20.x", handler: "src/index.handler", s3Key: "assets/MyFunction-skipped.zip" });
    expect(graph.get("MyFunctionUrl").inputs).toMatchObject({ authorizationType: "NONE" });
    const update = graph.resources.find((r) => r.name === "MyFunctionEnvironmentUpdate")!;
    expect(Object.keys(update.inputs.environment as object)).toEqual(["SELF_URL"]);
    const bucket = graph.links.find((l) => l.name === "MyBucket")!;
    expect(bucket.type).toBe("sst.aws.Bucket");
    expect(Object.keys(bucket.properties)).toEqual(["name"]);
    // The function's link policy lets it use the bucket and its objects.
    const policy = JSON.parse(graph.get("MyFunctionLinkPolicy").inputs.policy as string);
    expect(policy.Statement.flatMap((s: { Action: string[] }) => s.Action)).toContain("s3:*");
  });

  it("aws-python: a python3.11 function with a URL and a linked value", async () => {
    const graph = await example("aws-python");
    expect(graph.get("MyPythonFunctionFunction", FN).inputs).toMatchObject({ runtime: "python3.11", handler: "functions/src/functions/api.handler" });
    expect(graph.get("MyPythonFunctionUrl").type).toBe("aws:lambda/functionUrl:FunctionUrl");
  });

  it("aws-go: a Go module deployed on provided.al2023, arm64", async () => {
    const graph = await example("aws-go");
    expect(graph.get("MyFunctionFunction", FN).inputs).toMatchObject({ runtime: "provided.al2023", architectures: ["arm64"] });
  });

  it("aws-rust: a Rust crate deployed on provided.al2023", async () => {
    const graph = await example("aws-rust");
    expect(graph.get("MyFunctionFunction", FN).inputs).toMatchObject({ runtime: "provided.al2023", architectures: ["x86_64"] });
  });

  it("aws-cron: two cron jobs, each a rule, a target with its event, an invoke permission and its function", async () => {
    const graph = await example("aws-cron");
    expect(graph.roots().filter((r) => r.type.startsWith("sst:aws:")).map((r) => `${r.name} ${r.type}`)).toEqual(["Nightly sst:aws:Cron", "Heartbeat sst:aws:Cron"]);
    expect(graph.get("NightlyRule").inputs).toMatchObject({ scheduleExpression: "cron(0 3 * * ? *)", state: "ENABLED" });
    expect(JSON.parse(graph.get("NightlyTarget").inputs.input as string)).toEqual({ olderThanDays: "30" });
    expect(graph.get("NightlyHandlerFunction", FN).inputs).toMatchObject({ handler: "src/cleanup.handler", timeout: 60 });
    expect(graph.get("HeartbeatRule").inputs).toMatchObject({ scheduleExpression: "rate(5 minutes)", state: "ENABLED" });
    expect(graph.get("HeartbeatPermission").inputs).toMatchObject({ principal: "events.amazonaws.com", action: "lambda:InvokeFunction" });
    // The heartbeat is off in production.
    const production = await synthConfig({ cwd: join(examples, "aws-cron"), stage: "production" });
    expect(production.get("HeartbeatRule").inputs.state).toBe("DISABLED");
  });

  it("aws-queue: a queue with a dead-letter queue and a subscriber reporting partial batch failures", async () => {
    const graph = await example("aws-queue");
    expect(graph.byType("aws:sqs/queue:Queue").map((q) => q.name).sort()).toEqual(["DeadLettersQueue", "JobsQueue"]);
    const jobs = graph.get("JobsQueue");
    expect(jobs.inputs.visibilityTimeoutSeconds).toBe(120);
    expect(JSON.parse(jobs.inputs.redrivePolicy as string)).toMatchObject({ maxReceiveCount: 3 });
    const [esm] = graph.byType("aws:lambda/eventSourceMapping:EventSourceMapping");
    expect(esm!.inputs).toMatchObject({ batchSize: 10, maximumBatchingWindowInSeconds: 5, functionResponseTypes: ["ReportBatchItemFailures"] });
    expect(graph.byType(FN)[0]!.inputs.handler).toBe("src/worker.handler");
    expect(graph.links.find((l) => l.name === "Jobs")!.include).toMatchObject([{ type: "aws.permission", actions: ["sqs:*"] }]);
  });

  it("aws-dynamo-stream: a table with a stream and a subscriber that sees only inserts", async () => {
    const graph = await example("aws-dynamo-stream");
    expect(graph.get("NotesTable", "aws:dynamodb/table:Table").inputs).toMatchObject({
      hashKey: "userId",
      rangeKey: "noteId",
      streamEnabled: true,
      streamViewType: "NEW_AND_OLD_IMAGES",
    });
    const [esm] = graph.byType("aws:lambda/eventSourceMapping:EventSourceMapping");
    expect(esm!.inputs.startingPosition).toBe("LATEST");
    const patterns = (esm!.inputs.filterCriteria as { filters: { pattern: string }[] }).filters.map((f) => JSON.parse(f.pattern));
    expect(patterns).toEqual([{ eventName: ["INSERT"] }]);
    expect(graph.byType(FN)[0]!.inputs.handler).toBe("src/subscriber.handler");
  });

  it("type-checks every example's sst.config.ts against the editor globals, and catches a typo", () => {
    const names = ["aws-function-url", "aws-python", "aws-go", "aws-rust", "aws-cron", "aws-queue", "aws-dynamo-stream"];
    // What `sst types` writes for each app: the globals, `aws` as a provider and @sst/aws's components.
    for (const name of names) writeConfigTypes(join(examples, name), [{ alias: "aws", pkg: "@pulumi/aws" }], ["@sst/aws"]);
    const typo = join(examples, "aws-go", "typo.config.ts");
    writeFileSync(typo, readFileSync(join(examples, "aws-go", "sst.config.ts"), "utf8").replace('runtime: "go"', 'runtime: "cobol"'));
    try {
      // One program for all (loading @pulumi/aws's types once): the globals are the same declarations.
      const program = ts.createProgram([...names.map((n) => join(examples, n, "sst.config.ts")), typo], {
        strict: true,
        noEmit: true,
        skipLibCheck: true,
        target: ts.ScriptTarget.ES2022,
        module: ts.ModuleKind.NodeNext,
        moduleResolution: ts.ModuleResolutionKind.NodeNext,
        types: ["node"],
      });
      const problems = ts.getPreEmitDiagnostics(program).map((d) => `${d.file?.fileName ?? ""}: ${ts.flattenDiagnosticMessageText(d.messageText, "\n")}`);
      expect(problems.filter((p) => !p.startsWith(typo))).toEqual([]);
      expect(problems.join("\n")).toContain('"cobol"');
    } finally {
      rmSync(typo);
    }
  });
});
