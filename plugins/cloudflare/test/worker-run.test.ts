/**
 * Workers that really run: the examples are synthesised with builds on, and each built bundle runs in
 * workerd (miniflare) with the bindings the app would deploy. The answers come from the handlers' own
 * `Resource.<Name>` calls on R2, KV, D1, a queue and an `sst.Linkable`.
 */
import { join } from "node:path";
import type { Miniflare, RequestInit } from "miniflare";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { synthConfig, type Graph } from "@sst/core/testing";
import { cloudflare } from "@sst/cloudflare";
import { runWorkers } from "./_miniflare.js";

const examples = join(import.meta.dirname, "..", "..", "..", "examples");
process.env.CLOUDFLARE_DEFAULT_ACCOUNT_ID ??= "0123456789abcdef0123456789abcdef";

const synthExample = (name: string) => synthConfig({ cwd: join(examples, name), stage: "test", plugins: [cloudflare()], build: true });

describe("examples/cloudflare-hono in workerd", () => {
  let graph: Graph;
  let mf: Miniflare;
  beforeAll(async () => {
    graph = await synthExample("cloudflare-hono");
    mf = await runWorkers(graph, "HonoScript");
  });
  afterAll(() => mf?.dispose());

  it("uploads a file to the linked R2 bucket with PUT and serves it back with GET", async () => {
    const body = '{"name":"x"}';
    // As `curl --upload-file` sends it: R2 needs the body's length up front.
    const headers = { "content-type": "application/json", "content-length": String(body.length) };
    const put = await mf.dispatchFetch("http://localhost/", { method: "PUT", body, headers });
    expect(await put.text()).toMatch(/^Object created with key: [0-9a-f-]{36}$/);
    const get = await mf.dispatchFetch("http://localhost/");
    expect(get.headers.get("content-type")).toBe("application/json");
    expect(await get.text()).toBe('{"name":"x"}');
  });

  it("binds the bucket natively under its link name and the app as SST_RESOURCE_App", () => {
    const bindings = graph.get("HonoScript").inputs.bindings as { name: string; type: string }[];
    expect(bindings.map((b) => [b.name, b.type])).toEqual([
      ["SST_RESOURCE_App", "plain_text"],
      ["MyBucket", "r2_bucket"],
    ]);
  });
});

describe("examples/cloudflare-bindings in workerd", () => {
  let mf: Miniflare;
  beforeAll(async () => {
    mf = await runWorkers(await synthExample("cloudflare-bindings"), "ApiScript");
  });
  afterAll(() => mf?.dispose());
  const text = async (path: string, init?: RequestInit) => (await mf.dispatchFetch(`http://localhost${path}`, init)).text();

  it("writes and reads the R2 bucket through Resource.MyBucket", async () => {
    expect(await text("/bucket?key=a.txt", { method: "POST", body: "from the test" })).toBe("bucket a.txt: from the test");
  });

  it("counts in the KV namespace through Resource.MyKv", async () => {
    expect(await text("/kv")).toBe("kv counter: 1");
    expect(await text("/kv")).toBe("kv counter: 2");
  });

  it("queries the D1 database through Resource.MyDb.prepare", async () => {
    await text("/db?note=first");
    expect(JSON.parse(await text("/db?note=second"))).toEqual({ n: 2, last: "second" });
  });

  it("sends to the queue through Resource.MyQueue, and the subscribed consumer receives it", async () => {
    expect(await text("/queue?id=m1", { method: "POST" })).toBe("queued");
    let received = "";
    for (let attempt = 0; attempt < 400 && !received; attempt++) {
      received = await text("/received?id=m1");
      if (!received) await new Promise((r) => setTimeout(r, 100));
    }
    expect(JSON.parse(received)).toEqual({ id: "m1" });
  });

  it("reads an sst.Linkable's properties and the app through Resource, and environment through env", async () => {
    expect(await text("/settings")).toBe("settings of test");
    expect(JSON.parse(await text("/app"))).toEqual({ app: { name: "cloudflare-bindings", stage: "test" }, greeting: "hello" });
  });
});
