/** Physical names of what the plugin creates: the table, the rules core applies, and the error for a type without one. */
import * as pulumiAws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { describe, expect, it } from "vitest";
import { Component } from "@sst/core";
import { synth } from "@sst/core/testing";
import { AWS_NAMING, AWS_RETAINED } from "@sst/aws";
import { awsApp, sstError } from "./_helpers.js";

/** A component of this plugin (type `sst:aws:*`) or of another one, creating whatever `make` says. */
function componentOf(type: string) {
  return class extends Component {
    constructor(name: string, make: (c: { create: Component["create" & keyof Component] } & any) => void, opts?: pulumi.ComponentResourceOptions) {
      super(type, name, {}, opts);
      make(this);
    }
  } as unknown as new (name: string, make: (c: any) => void) => Component;
}
const Probe = componentOf("sst:aws:Probe");
const Foreign = componentOf("sst:hello:Probe");

/** `aws:sqs/queue:Queue` → `aws.sqs.Queue`. */
function classOf(type: string): { __pulumiType?: string } | undefined {
  const [, mod, cls] = /^aws:([^/]+)\/[^:]+:(.+)$/.exec(type) ?? [];
  return (pulumiAws as any)[mod!]?.[cls!];
}

describe("the naming table", () => {
  it("names only real types of @pulumi/aws", () => {
    const wrong = Object.keys(AWS_NAMING).filter((type) => classOf(type)?.__pulumiType !== type);
    expect(wrong).toEqual([]);
  });

  it("names each rule's field after an input of its type, within AWS's limits", () => {
    const limits = Object.fromEntries(Object.entries(AWS_NAMING).filter(([, r]) => r).map(([t, r]) => [t, [r!.field, r!.max]]));
    expect(limits).toMatchObject({
      "aws:lambda/function:Function": ["name", 64],
      "aws:iam/role:Role": ["name", 64],
      "aws:iam/policy:Policy": ["name", 128],
      "aws:sqs/queue:Queue": ["name", 80],
      "aws:sns/topic:Topic": ["name", 256],
      "aws:s3/bucketV2:BucketV2": ["bucket", 63],
      "aws:dynamodb/table:Table": ["name", 255],
      "aws:cloudwatch/logGroup:LogGroup": ["name", 512],
      "aws:cloudwatch/eventRule:EventRule": ["name", 64],
      "aws:cloudwatch/eventBus:EventBus": ["name", 256],
      "aws:apigatewayv2/api:Api": ["name", 128],
      "aws:iot/authorizer:Authorizer": ["name", 128],
      "aws:sesv2/configurationSet:ConfigurationSet": ["configurationSetName", 64],
    });
    expect(AWS_NAMING["aws:lambda/functionUrl:FunctionUrl"]).toBeNull();
  });
});

describe("names of what a component of the plugin creates", () => {
  const long = "AVeryLongComponentNameThatKeepsGoingAndGoingWellPastEveryLimitThatAwsHas";

  it("cuts each name to its limit, keeping the random suffix, and keeps the first one across deploys", async () => {
    const graph = await synth({
      ...awsApp,
      run: () =>
        void new Probe(long, (c) => {
          c.create("function", pulumiAws.lambda.Function, "Fn", { role: "r", runtime: "nodejs20.x" });
          c.create("role", pulumiAws.iam.Role, "Role", { assumeRolePolicy: "{}" });
          c.create("table", pulumiAws.dynamodb.Table, "Table", { attributes: [], hashKey: "id" });
        }),
    });
    const fn = graph.get(`${long}Fn`);
    expect((fn.inputs.name as string).length).toBe(64);
    expect(fn.inputs.name).toMatch(/-[a-z]{8}$/);
    expect(fn.ignoreChanges).toContain("name");
    expect((graph.get(`${long}Role`).inputs.name as string).length).toBe(64);
    expect(graph.get(`${long}Table`).inputs.name).toMatch(/^app-test-AVeryLong.*Table-[a-z]{8}$/);
  });

  it("ends FIFO queue and topic names in .fifo within the limit, and lower-cases bucket names", async () => {
    const graph = await synth({
      ...awsApp,
      run: () =>
        void new Probe(long, (c) => {
          c.create("queue", pulumiAws.sqs.Queue, "Queue", { fifoQueue: true });
          c.create("plain", pulumiAws.sqs.Queue, "Plain", {});
          c.create("topic", pulumiAws.sns.Topic, "Topic", { fifoTopic: true });
          c.create("bucket", pulumiAws.s3.BucketV2, "Bucket", {});
        }),
    });
    const queue = graph.get(`${long}Queue`).inputs.name as string;
    expect([queue.length, queue.endsWith(".fifo")]).toEqual([80, true]);
    expect(graph.get(`${long}Plain`).inputs.name).not.toContain(".fifo");
    expect(graph.get(`${long}Topic`).inputs.name).toMatch(/-[a-z]{8}\.fifo$/);
    const bucket = graph.get(`${long}Bucket`).inputs.bucket as string;
    expect([bucket.length, bucket]).toEqual([63, bucket.toLowerCase()]);
  });

  it("writes IoT topic rule names with underscores, the only separator IoT takes", async () => {
    const graph = await synth({
      ...awsApp,
      run: () => void new Probe("Chat", (c) => c.create("rule", pulumiAws.iot.TopicRule, "Rule", { enabled: true, sql: "SELECT * FROM 'a'", sqlVersion: "2016-03-23" })),
    });
    expect(graph.get("ChatRule").inputs.name).toMatch(/^app_test_ChatRule_[a-z]{8}$/);
  });

  it("keeps a name the user gave through transform", async () => {
    const graph = await synth({ ...awsApp, run: () => void new Probe("Q", (c) => c.create("queue", pulumiAws.sqs.Queue, "Queue", { name: "mine" })) });
    expect(graph.get("QQueue").inputs.name).toBe("mine");
  });

  it("retains buckets and tables under removal retain", async () => {
    expect(AWS_RETAINED).toContain("aws:dynamodb/table:Table");
    const graph = await synth({
      ...awsApp,
      app: { removal: "retain" },
      run: () =>
        void new Probe("Store", (c) => {
          c.create("table", pulumiAws.dynamodb.Table, "Table", { attributes: [], hashKey: "id" });
          c.create("queue", pulumiAws.sqs.Queue, "Queue", {});
        }),
    });
    expect([graph.get("StoreTable").retainOnDelete, graph.get("StoreQueue").retainOnDelete]).toEqual([true, false]);
  });
});

describe("a type without a naming rule", () => {
  it("stops the program, naming the component, the resource and where to add the rule", async () => {
    const error = await sstError(() =>
      synth({ ...awsApp, run: () => void new Probe("Net", (c) => c.create("eip", pulumiAws.ec2.Eip, "Ip", {})) }),
    );
    expect(error.code).toBe("E_AWS_NAMING_RULE");
    expect(error.message).toBe('sst.aws.Probe "Net" creates "NetIp" (aws:ec2/eip:Eip), a type @sst/aws has no naming rule for.');
    expect(error.hint).toContain("AWS_NAMING in plugins/aws/src/naming.ts");
  });

  it("is no error for a resource read with .get(), for components of other plugins, or for top-level resources", async () => {
    const graph = await synth({
      ...awsApp,
      run() {
        new Probe("Read", (c) => pulumiAws.ec2.Eip.get("ReadIp", "eipalloc-1", undefined, { parent: c }));
        new Foreign("Hello", (c) => new pulumiAws.ec2.Eip("HelloIp", {}, { parent: c }));
        new pulumiAws.ec2.Eip("TopIp", {});
      },
    });
    expect(graph.byType("aws:ec2/eip:Eip").map((r) => r.name).sort()).toEqual(["HelloIp", "ReadIp", "TopIp"]);
  });
});
