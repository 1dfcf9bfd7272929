/** examples/aws-cron, synthesised offline from its sst.config.ts (the @sst/aws plugin applied for `providers.aws`). */
import { join } from "node:path";
import ts from "typescript";
import { writeConfigTypes } from "@sst/core";
import { synthConfig } from "@sst/core/testing";
import { describe, expect, it } from "vitest";

const root = join(import.meta.dirname, "..");
const RULE = "aws:cloudwatch/eventRule:EventRule";

describe("aws-cron", () => {
  it("creates two cron jobs, each a rule, a target, an invoke permission and its function", async () => {
    const graph = await synthConfig({ cwd: root, stage: "test" });
    expect(graph.roots().filter((r) => r.type.startsWith("sst:aws:")).map((r) => `${r.name} ${r.type}`)).toEqual([
      "Nightly sst:aws:Cron",
      "Heartbeat sst:aws:Cron",
    ]);
    expect(graph.get("NightlyRule", RULE).inputs).toMatchObject({ scheduleExpression: "cron(0 3 * * ? *)", state: "ENABLED" });
    expect(JSON.parse(graph.get("NightlyTarget").inputs.input as string)).toEqual({ olderThanDays: "30" });
    expect(graph.get("NightlyHandlerFunction").inputs).toMatchObject({ handler: "src/cleanup.handler" });
    expect(graph.get("HeartbeatRule", RULE).inputs).toMatchObject({ scheduleExpression: "rate(5 minutes)", state: "ENABLED" });
    expect(graph.get("HeartbeatPermission").inputs).toMatchObject({ principal: "events.amazonaws.com", action: "lambda:InvokeFunction" });
  });

  it("switches the heartbeat off in production", async () => {
    const graph = await synthConfig({ cwd: root, stage: "production" });
    expect(graph.get("HeartbeatRule", RULE).inputs.state).toBe("DISABLED");
    expect(graph.get("NightlyRule", RULE).inputs.state).toBe("ENABLED");
  });

  it("type-checks sst.config.ts against the editor globals, sst.aws included", () => {
    writeConfigTypes(root, [{ alias: "aws", pkg: "@pulumi/aws" }], ["@sst/aws"]);
    const program = ts.createProgram([join(root, "sst.config.ts")], {
      strict: true,
      noEmit: true,
      skipLibCheck: true,
      target: ts.ScriptTarget.ES2022,
      module: ts.ModuleKind.NodeNext,
      moduleResolution: ts.ModuleResolutionKind.NodeNext,
      types: ["node"],
    });
    expect(ts.getPreEmitDiagnostics(program).map((d) => ts.flattenDiagnosticMessageText(d.messageText, "\n"))).toEqual([]);
  });
});
