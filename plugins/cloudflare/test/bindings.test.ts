/**
 * The receiver side of links on Workers: `sst.cloudflare.binding` includes become native bindings named
 * with the link, every other link a `SST_RESOURCE_<Name>` secret text, environment includes plain text; and
 * only Workers consume binding includes.
 */
import * as pulumi from "@pulumi/pulumi";
import { describe, expect, it } from "vitest";
import { Component, Linkable, resolveLinks, type ResolvedLink } from "@sst/core";
import { Bucket, D1, Kv, Queue, Worker, binding, type BindingInput } from "@sst/cloudflare";
import { sstError } from "../../../core/test/_helpers.js";
import { bindingsOf, synthCloudflare } from "./_app.js";

const linkable = (name: string, input: BindingInput) => new Linkable(name, { properties: {}, include: [binding(input)] });

describe("links to a Worker", () => {
  it("binds each kind of sst.cloudflare.binding natively under the link's name, with the provider's fields", async () => {
    const graph = await synthCloudflare(() => {
      const link = [
        linkable("Files", { type: "r2BucketBindings", properties: { bucketName: "files" } }),
        linkable("Cache", { type: "kvNamespaceBindings", properties: { namespaceId: "ns-1" } }),
        linkable("Db", { type: "d1DatabaseBindings", properties: { id: "db-1" } }),
        linkable("LegacyDb", { type: "d1DatabaseBindings", properties: { databaseId: "db-2" } }),
        linkable("Jobs", { type: "queueBindings", properties: { queue: "jobs" } }),
        linkable("Auth", { type: "serviceBindings", properties: { service: "auth-worker" } }),
        linkable("Mode", { type: "plainTextBindings", properties: { text: "fast" } }),
        linkable("Key", { type: "secretTextBindings", properties: { text: "s3cr3t" } }),
      ];
      new Worker("Api", { handler: "index.ts", link });
    });
    expect(bindingsOf(graph, "Api").slice(1)).toEqual([
      { name: "Files", type: "r2_bucket", bucketName: "files" },
      { name: "Cache", type: "kv_namespace", namespaceId: "ns-1" },
      { name: "Db", type: "d1", id: "db-1" },
      { name: "LegacyDb", type: "d1", id: "db-2" },
      { name: "Jobs", type: "queue", queueName: "jobs" },
      { name: "Auth", type: "service", service: "auth-worker" },
      { name: "Mode", type: "plain_text", text: "fast" },
      { name: "Key", type: "secret_text", text: "s3cr3t" },
    ]);
  });

  it("binds the Bucket, Kv, D1 and Queue components natively, from their resources' outputs", async () => {
    const graph = await synthCloudflare(() => {
      new Worker("Api", { handler: "index.ts", link: [new Bucket("MyBucket"), new Kv("MyKv"), new D1("MyDb"), new Queue("MyQueue")] });
    });
    expect(bindingsOf(graph, "Api").slice(1)).toEqual([
      { name: "MyBucket", type: "r2_bucket", bucketName: graph.get("MyBucketBucket").inputs.name },
      { name: "MyKv", type: "kv_namespace", namespaceId: "MyKvNamespace-id" },
      { name: "MyDb", type: "d1", id: "MyDbDatabase-id" },
      { name: "MyQueue", type: "queue", queueName: graph.get("MyQueueQueue").inputs.queueName },
    ]);
  });

  it("binds another Worker as a service under its name", async () => {
    const graph = await synthCloudflare(() => {
      const auth = new Worker("Auth", { handler: "auth.ts" });
      new Worker("Api", { handler: "index.ts", link: [auth] });
    });
    expect(bindingsOf(graph, "Api")[1]).toEqual({ name: "Auth", type: "service", service: graph.get("AuthScript").inputs.scriptName });
  });

  it("binds a link without a binding as secret text SST_RESOURCE_<Name>: its properties and type as JSON", async () => {
    const graph = await synthCloudflare(() => {
      const settings = new Linkable("Settings", { properties: { value: "v", retries: 3 }, include: [Linkable.env({ MODE: "fast" })] });
      new Worker("Api", { handler: "index.ts", link: [settings], environment: { DEBUG: "1" } });
    });
    expect(bindingsOf(graph, "Api")).toEqual([
      { name: "SST_RESOURCE_App", type: "plain_text", text: '{"name":"app","stage":"test"}' },
      { name: "SST_RESOURCE_Settings", type: "secret_text", text: '{"value":"v","retries":3,"type":"sst.sst.Linkable"}' },
      { name: "MODE", type: "plain_text", text: "fast" },
      { name: "DEBUG", type: "plain_text", text: "1" },
    ]);
  });

  it("consumes the binding include for the Worker, while the state keeps the link as given", async () => {
    const graph = await synthCloudflare(() => void new Worker("Api", { handler: "index.ts", link: [new Bucket("MyBucket")] }));
    const link = graph.links.find((l) => l.name === "MyBucket")!;
    expect(link.include).toEqual([{ type: "cloudflare.binding", binding: "r2BucketBindings", properties: { bucketName: expect.any(String) } }]);
  });

  it("leaves binding includes alone for receivers that are not Workers", async () => {
    class Fn extends Component {
      static readonly __pulumiType = "sst:test:Fn";
      readonly links: ResolvedLink[];
      constructor(name: string, args: { link: unknown[] }, opts?: pulumi.ComponentResourceOptions) {
        super(Fn.__pulumiType, name, {}, opts);
        this.links = resolveLinks(args.link, this);
      }
    }
    let fn: Fn | undefined;
    await synthCloudflare(() => void (fn = new Fn("Lambda", { link: [new Kv("MyKv")] })));
    expect(fn!.links[0]!.include.map((i) => i.type)).toEqual(["cloudflare.binding"]);
  });

  it("refuses a link carrying two bindings, since a Worker binds a link once under its name", async () => {
    const error = await sstError(() =>
      synthCloudflare(() => {
        const both = new Linkable("Both", {
          properties: {},
          include: [binding({ type: "plainTextBindings", properties: { text: "a" } }), binding({ type: "plainTextBindings", properties: { text: "b" } })],
        });
        new Worker("Api", { handler: "index.ts", link: [both] });
      }),
    );
    expect(error.code).toBe("E_CLOUDFLARE_BINDING_TWICE");
  });
});

describe("sst.cloudflare.binding", () => {
  it("returns the include SST's Linkable carries", () => {
    expect(binding({ type: "r2BucketBindings", properties: { bucketName: "b" } })).toEqual({
      type: "cloudflare.binding",
      binding: "r2BucketBindings",
      properties: { bucketName: "b" },
    });
  });

  it("refuses an unknown binding type, listing the known ones", async () => {
    const error = await sstError(() => binding({ type: "r2Buckets", properties: {} } as never));
    expect(error.code).toBe("E_CLOUDFLARE_BINDING_TYPE");
    expect(error.message).toBe('sst.cloudflare.binding: unknown binding type "r2Buckets".');
    expect(error.hint).toContain("r2BucketBindings");
  });

  it("refuses properties the kind does not take", async () => {
    const error = await sstError(() => binding({ type: "kvNamespaceBindings", properties: { bucketName: "x" } } as never));
    expect(error.code).toBe("E_CLOUDFLARE_BINDING_PROPERTIES");
    expect(error.message).toBe('sst.cloudflare.binding: a "kvNamespaceBindings" binding takes namespaceId, not bucketName.');
  });

  it("is sst.cloudflare.binding in the sst namespace", async () => {
    let seen: unknown;
    await synthCloudflare(() => void (seen = (globalThis as any).sst.cloudflare.binding));
    expect(seen).toBe(binding);
  });
});
