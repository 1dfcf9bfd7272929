/** Built-in `Linkable.wrap`s: raw `@pulumi/aws` resources in `link` give names, ARNs and SST's permissions. */
import * as pulumiAws from "@pulumi/aws";
import { describe, expect, it } from "vitest";
import { Linkable } from "@sst/core";
import { synth } from "@sst/core/testing";
import { builtInWraps, Function, permission } from "@sst/aws";
import { awsApp, policyOf } from "./_helpers.js";

/** The mocks give every resource an `arn` (and a queue its `url`) the way AWS would. */
const mocks = {
  newResource: (a: { type: string; name: string; inputs: Record<string, unknown>; custom?: boolean }) => ({
    id: `${a.name}-id`,
    state: { ...a.inputs, arn: `arn:aws:${a.type.split(":")[1]!.split("/")[0]}:::${a.name}`, url: `https://sqs/${a.name}` },
  }),
};

describe("built-in wraps", () => {
  it("links a raw bucket with its name and ARN, and grants s3:* on it and its objects", async () => {
    const graph = await synth({
      ...awsApp,
      mocks,
      run() {
        const bucket = new pulumiAws.s3.BucketV2("Uploads", { bucket: "uploads-bucket" });
        new Function("Api", { handler: "src/api.handler", link: [bucket] });
      },
    });
    expect(graph.links.find((l) => l.name === "Uploads")).toEqual({
      name: "Uploads",
      type: "aws.s3/bucketV2.BucketV2",
      properties: { name: "uploads-bucket", arn: "arn:aws:s3:::Uploads" },
      include: [{ type: "aws.permission", actions: ["s3:*"], resources: ["arn:aws:s3:::Uploads", "arn:aws:s3:::Uploads/*"] }],
    });
    expect(policyOf(graph.get("ApiLinkPolicy")).Statement).toEqual([
      { Effect: "Allow", Action: ["s3:*"], Resource: ["arn:aws:s3:::Uploads", "arn:aws:s3:::Uploads/*"] },
    ]);
  });

  it("gives each wrapped class SST's properties and permissions", async () => {
    const graph = await synth({
      ...awsApp,
      mocks,
      run() {
        const table = new pulumiAws.dynamodb.Table("Orders", { name: "orders", attributes: [{ name: "id", type: "S" }], hashKey: "id" });
        const queue = new pulumiAws.sqs.Queue("Jobs", { name: "jobs" });
        const topic = new pulumiAws.sns.Topic("Events", { name: "events" });
        const fn = new pulumiAws.lambda.Function("Worker", { name: "worker", role: "r" });
        new Function("Api", { handler: "src/api.handler", link: [table, queue, topic, fn] });
      },
    });
    const byName = Object.fromEntries(graph.links.filter((l) => l.name !== "Api").map((l) => [l.name, l.properties]));
    expect(byName).toEqual({
      Orders: { tableName: "orders", name: "orders", arn: "arn:aws:dynamodb:::Orders" },
      Jobs: { name: "jobs", arn: "arn:aws:sqs:::Jobs", url: "https://sqs/Jobs" },
      Events: { name: "events", arn: "arn:aws:sns:::Events" },
      Worker: { name: "worker", arn: "arn:aws:lambda:::Worker" },
    });
    expect(policyOf(graph.get("ApiLinkPolicy")).Statement).toEqual([
      { Effect: "Allow", Action: ["dynamodb:*"], Resource: ["arn:aws:dynamodb:::Orders", "arn:aws:dynamodb:::Orders/*"] },
      { Effect: "Allow", Action: ["sqs:*"], Resource: ["arn:aws:sqs:::Jobs"] },
      { Effect: "Allow", Action: ["sns:*"], Resource: ["arn:aws:sns:::Events"] },
      { Effect: "Allow", Action: ["lambda:InvokeFunction"], Resource: ["arn:aws:lambda:::Worker"] },
    ]);
  });

  it("yields to the user's own wrap of the same class", async () => {
    const graph = await synth({
      ...awsApp,
      mocks,
      run() {
        Linkable.wrap(pulumiAws.s3.BucketV2, (b) => ({ properties: { only: b.bucket }, include: [permission({ actions: ["s3:GetObject"], resources: [b.arn] })] }));
        new Function("Api", { handler: "src/api.handler", link: [new pulumiAws.s3.BucketV2("Uploads", { bucket: "u" })] });
      },
    });
    expect(graph.links[0]!.properties).toEqual({ only: "u" });
    expect(policyOf(graph.get("ApiLinkPolicy")).Statement).toEqual([{ Effect: "Allow", Action: ["s3:GetObject"], Resource: ["arn:aws:s3:::Uploads"] }]);
  });

  it("records top-level raw resources as links (for sst shell), whatever their name, without receivers", async () => {
    const graph = await synth({ ...awsApp, mocks, run: () => void new pulumiAws.s3.BucketV2("my-logs", { bucket: "logs" }) });
    expect(graph.links.map((l) => [l.name, l.properties])).toEqual([["my-logs", { name: "logs", arn: "arn:aws:s3:::my-logs" }]]);
    expect(graph.byType("aws:iam/rolePolicy:RolePolicy")).toEqual([]);
  });

  it("wraps the classes SST users link most", () => {
    const types = builtInWraps().map(([cls]) => (cls as unknown as { __pulumiType: string }).__pulumiType);
    expect(types).toEqual(
      expect.arrayContaining(["aws:dynamodb/table:Table", "aws:s3/bucketV2:BucketV2", "aws:s3/bucket:Bucket", "aws:sqs/queue:Queue", "aws:sns/topic:Topic", "aws:lambda/function:Function"]),
    );
  });
});
