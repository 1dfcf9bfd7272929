import * as pulumi from "@pulumi/pulumi";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { $transform, Kernel, Linkable, Secret, definePlugin, registerReceiver } from "@sst/core";
import { Graph, matches, synthApp, synthConfig } from "@sst/core/testing";
import { Box, Other, Thing, fixture, removeFixture, sstError } from "./_helpers.js";

/** A real sst.config.ts mixing sst.Linkable, sst.Secret and raw @pulumi/aws resources, global and imported. */
const CONFIG = `import * as awsImported from "@pulumi/aws";

export default $config({
  app(input) {
    return { name: "synth-app", home: "local", removal: "remove", providers: { aws: "7.48.0" } };
  },
  async run() {
    // The provider namespace is a global, like in SST.
    const raw = new aws.s3.BucketV2("Raw", { forceDestroy: true, tags: { app: $app.name } });
    const queue = new awsImported.sqs.Queue("Jobs", { visibilityTimeoutSeconds: 30 });
    new aws.s3.BucketPolicy(
      "RawPolicy",
      { bucket: raw.id, policy: $jsonStringify({ Version: "2012-10-17", Statement: [] }) },
      { dependsOn: [queue] },
    );
    const key = new sst.Secret("ApiKey");
    new sst.Linkable("Settings", { properties: { bucket: raw.id, queue: queue.id, key: key.value, retries: 3 } });
    return {
      url: $interpolate\`https://\${raw.id}.example.com\`,
      key: key.value,
      where: \`\${$app.name}/\${$app.stage}/\${$dev}\`,
      sameModule: aws === awsImported,
    };
  },
});
`;

describe("synthesising a real sst.config.ts", () => {
  let dir: string;
  let graph: Graph;
  beforeAll(async () => {
    dir = fixture("synth", { "sst.config.ts": CONFIG });
    graph = await synthConfig({ cwd: dir, stage: "test", secrets: { ApiKey: "sk-live-123456" } });
  });
  afterAll(() => removeFixture(dir));

  it("records each resource with its URN, type, logical name, parent and inputs", () => {
    const stack = "urn:pulumi:test::synth-app::pulumi:pulumi:Stack::synth-app-test";
    expect(graph.get("Raw")).toMatchObject({
      urn: "urn:pulumi:test::synth-app::aws:s3/bucketV2:BucketV2::Raw",
      type: "aws:s3/bucketV2:BucketV2",
      name: "Raw",
      parent: stack,
      custom: true,
      inputs: { forceDestroy: true, tags: { app: "synth-app" } },
    });
    expect(graph.get("Jobs")).toMatchObject({ type: "aws:sqs/queue:Queue", parent: stack, inputs: { visibilityTimeoutSeconds: 30 } });
    expect(graph.get("ApiKey")).toMatchObject({ urn: "urn:pulumi:test::synth-app::sst:sst:Secret::ApiKey", custom: false });
    expect(graph.get("Settings")).toMatchObject({ type: "sst:sst:Linkable", parent: stack });
  });

  it("records dependencies from inputs and from dependsOn", () => {
    expect([...graph.get("RawPolicy").dependencies].sort()).toEqual([graph.get("Jobs").urn, graph.get("Raw").urn].sort());
    expect(graph.get("RawPolicy").inputs).toEqual({ bucket: "Raw-id", policy: '{"Version":"2012-10-17","Statement":[]}' });
  });

  it("resolves the links, with the secret redacted", () => {
    // The raw bucket and queue are links too once @sst/aws (applied for `providers.aws`) wraps their classes.
    expect(graph.links.filter((l) => l.type.startsWith("sst."))).toEqual([
      { name: "ApiKey", type: "sst.sst.Secret", properties: { value: "[secret]" }, include: [] },
      {
        name: "Settings",
        type: "sst.sst.Linkable",
        properties: { bucket: "Raw-id", queue: "Jobs-id", key: "[secret]", retries: 3 },
        include: [],
      },
    ]);
  });

  it("resolves run()'s outputs, with the globals run() saw", () => {
    expect(graph.outputs).toEqual({ url: "https://Raw-id.example.com", key: "[secret]", where: "synth-app/test/false", sameModule: true });
  });

  it("never carries the secret's value", () => {
    expect(JSON.stringify(graph.result)).not.toContain("sk-live-123456");
  });

  it("names the app and stage", () => {
    expect(graph.result.app).toEqual({ name: "synth-app", stage: "test" });
  });
});

describe("a config with a version range", () => {
  const source = `export default $config({ app() { return { name: "ranged", home: "local", version: ">= 3.0.0" } }, async run() {} });\n`;

  it("synthesises without a CLI version, and checks the range against one when given", async () => {
    const dir = fixture("synth-version", { "sst.config.ts": source });
    try {
      expect((await synthConfig({ cwd: dir })).result.app.name).toBe("ranged");
      expect((await sstError(() => synthConfig({ cwd: dir, cliVersion: "2.0.0" }))).code).toBe("E_CONFIG_VERSION_MISMATCH");
      expect((await synthApp({ app: { version: ">= 3.0.0" }, run() {} })).result.app.name).toBe("app");
    } finally {
      removeFixture(dir);
    }
  });
});

describe("the graph of an inline program", () => {
  it("qualifies a child's URN type with its parents' types, as the engine does", async () => {
    const graph = await synthApp({ run: () => void new Box("Media", { inner: true }) });
    expect(graph.get("Media").urn).toBe("urn:pulumi:test::app::sst:test:Box::Media");
    expect(graph.get("MediaInner").urn).toBe("urn:pulumi:test::app::sst:test:Box$sst:test:Box::MediaInner");
    expect(graph.get("MediaInnerBucket").urn).toBe("urn:pulumi:test::app::sst:test:Box$sst:test:Box$test:index:Thing::MediaInnerBucket");
    expect(graph.get("MediaInnerBucket").parent).toBe(graph.get("MediaInner").urn);
  });

  it("gives a program the same URNs the graph shows", async () => {
    const graph = await synthApp({
      run() {
        const box = new Box("Media", { inner: true });
        return { box: box.urn, inner: box.inner!.urn, bucket: box.inner!.bucket.urn };
      },
    });
    expect(graph.outputs).toEqual({ box: graph.get("Media").urn, inner: graph.get("MediaInner").urn, bucket: graph.get("MediaInnerBucket").urn });
  });

  it("records a dependency on a nested child by the URN the graph shows", async () => {
    const graph = await synthApp({
      run() {
        const box = new Box("Media", { inner: true });
        new Thing("Consumer", { ref: box.inner!.bucket.id });
      },
    });
    expect(graph.get("Consumer").dependencies).toEqual([graph.get("MediaInnerBucket").urn]);
    expect(graph.get("Consumer").inputs.ref).toBe("MediaInnerBucket-id");
  });

  it("shows a resource returned from run() as a reference to it", async () => {
    const graph = await synthApp({
      run() {
        const box = new Box("Media");
        return { box, list: [box.bucket] };
      },
    });
    expect(graph.outputs).toEqual({ box: { resource: graph.get("Media").urn }, list: [{ resource: graph.get("MediaBucket").urn }] });
  });

  it("uses the mocks given", async () => {
    const graph = await synthApp({
      mocks: { newResource: (a) => ({ id: `custom-${a.name}`, state: { ...a.inputs, extra: 1 } }) },
      run: () => ({ id: new Thing("Raw").id }),
    });
    expect(graph.outputs).toEqual({ id: "custom-Raw" });
  });

  it("records the directories registered as link receivers", async () => {
    const graph = await synthApp({ run: () => registerReceiver("packages/functions/src") });
    expect(graph.result.receivers).toEqual(["packages/functions/src"]);
  });

  it("records protect and ignoreChanges as given", async () => {
    const graph = await synthApp({ run: () => void new Thing("Raw", {}, { protect: true, ignoreChanges: ["color"] }) });
    expect(graph.get("Raw")).toMatchObject({ protect: true, ignoreChanges: ["color"], retainOnDelete: false });
  });
});

describe("one synth after another", () => {
  it("does not leak resources, names, links, transforms or receivers into the next", async () => {
    const first = await synthApp({
      run() {
        $transform(Thing, (args) => void (args.color = "leaked"));
        $transform(Box, (args) => void (args.size = 99));
        Linkable.wrap(Other, () => ({ properties: {} }));
        new Linkable("Settings", { properties: { a: 1 } });
        new Thing("OnlyFirst");
        registerReceiver("first");
      },
    });
    const second = await synthApp({
      run() {
        new Linkable("Settings", { properties: { b: 2 } });
        new Thing("Raw");
        new Other("Plain");
        new Box("Media");
      },
    });
    expect(first.get("OnlyFirst")).toMatchObject({ type: "test:index:Thing", custom: true });
    expect(second.find("OnlyFirst")).toBeUndefined();
    expect(second.links).toEqual([
      { name: "Settings", type: "sst.sst.Linkable", properties: { b: 2 }, include: [] },
      { name: "Media", type: "sst.test.Box", properties: { bucketId: "MediaBucket-id", size: 1 }, include: [] },
    ]);
    expect(second.get("Raw").inputs.color).toBeUndefined();
    expect(second.get("MediaBucket").inputs.size).toBe(1);
    expect(second.result.receivers).toEqual([]);
  });

  it("refuses a second program while one runs, and runs the next one fine", async () => {
    const results = await Promise.allSettled([
      synthApp({ run: async () => void (await new Promise((r) => setTimeout(r, 50))) }),
      synthApp({ run: async () => void (await new Promise((r) => setTimeout(r, 50))) }),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual(["fulfilled", "rejected"]);
    const rejected = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
    expect(rejected.reason.code).toBe("E_PROGRAM_RUNNING");
    const after = await synthApp({ run: () => void new Thing("After") });
    expect(after.resources.filter((r) => r.custom).map((r) => [r.name, r.type])).toEqual([["After", "test:index:Thing"]]);
  });
});

describe("globals", () => {
  const NAMES = ["$app", "$dev", "$interpolate", "$concat", "$resolve", "$output", "$jsonParse", "$jsonStringify", "$transform", "$asset", "$util", "sst"];
  const g = globalThis as Record<string, any>;

  it("installs the documented globals for run(), with sst built from the plugins' components", async () => {
    const plugin = definePlugin({ name: "test", apply: (kernel) => kernel.registry.component("test.Box", Box) });
    let seen: Record<string, any> = {};
    await synthApp({
      plugins: [plugin],
      app: { name: "globals", removal: "retain-all", protect: true },
      stage: "staging",
      run() {
        seen = Object.fromEntries(NAMES.map((n) => [n, g[n]]));
        seen.aws = g.aws;
      },
    });
    expect(seen.$app).toEqual({ name: "globals", stage: "staging", removal: "retain-all", protect: true, providers: {}, home: "local" });
    expect(Object.isFrozen(seen.$app)).toBe(true);
    expect(seen.$dev).toBe(false);
    expect(seen.$interpolate).toBe(pulumi.interpolate);
    expect(seen.$concat).toBe(pulumi.concat);
    expect(seen.$resolve).toBe(pulumi.all);
    expect(seen.$output).toBe(pulumi.output);
    expect(seen.$jsonParse).toBe(pulumi.jsonParse);
    expect(seen.$jsonStringify).toBe(pulumi.jsonStringify);
    expect(seen.$transform).toBe($transform);
    expect(seen.$util).toBe(pulumi);
    expect(seen.sst.Linkable).toBe(Linkable);
    expect(seen.sst.Secret).toBe(Secret);
    expect(seen.sst.test.Box).toBe(Box);
    expect(seen.aws).toBeUndefined();
  });

  it("sets $dev under dev", async () => {
    let dev: unknown;
    await synthApp({ dev: true, run: () => void (dev = g.$dev) });
    expect(dev).toBe(true);
  });

  it("adds one namespace per configured provider", async () => {
    let awsGlobal: any;
    await synthApp({ app: { providers: { aws: "7.48.0" } }, run: () => void (awsGlobal = g.aws) });
    expect(typeof awsGlobal.s3.BucketV2).toBe("function");
    expect(awsGlobal.s3.BucketV2.__pulumiType).toBe("aws:s3/bucketV2:BucketV2");
  });

  it("reports a provider whose package is not installed, with the install command", async () => {
    const error = await sstError(() => synthApp({ app: { providers: { nope: "1.2.3" } }, run() {} }));
    expect(error.code).toBe("E_PROVIDER_NOT_INSTALLED");
    expect(error.message).toBe(`Provider "nope" needs the package @pulumi/nope, which is not installed in ${process.cwd()}.`);
    expect(error.hint).toBe("Run: npm install @pulumi/nope@1.2.3  (or sst install)");
  });

  it("makes $asset a file asset or a directory archive, relative to the app root", async () => {
    const root = fixture("asset", { "public/index.html": "<p>hi</p>" });
    let file: any;
    let dir: any;
    try {
      await synthApp({
        root,
        run() {
          file = g.$asset("public/index.html");
          dir = g.$asset("public");
        },
      });
    } finally {
      removeFixture(root);
    }
    expect(file).toBeInstanceOf(pulumi.asset.FileAsset);
    expect(await file.path).toBe(join(root, "public/index.html"));
    expect(dir).toBeInstanceOf(pulumi.asset.FileArchive);
    expect(await dir.path).toBe(join(root, "public"));
  });

  it("removes every global once run() is done, even when it failed", async () => {
    await synthApp({ app: { providers: { aws: "7.48.0" } }, run() {} });
    for (const name of [...NAMES, "aws"]) expect(g[name], name).toBeUndefined();
    await expect(synthApp({ run: () => Promise.reject(new Error("boom")) })).rejects.toThrow("boom");
    for (const name of NAMES) expect(g[name], name).toBeUndefined();
  });

  it("puts back a global that existed before the run", async () => {
    g.$util = "mine";
    try {
      let inside: unknown;
      await synthApp({ run: () => void (inside = g.$util) });
      expect(inside).toBe(pulumi);
      expect(g.$util).toBe("mine");
    } finally {
      delete g.$util;
    }
  });
});

describe("testing helpers", () => {
  let graph: Graph;
  beforeAll(async () => {
    graph = await synthApp({
      run() {
        new Box("Media", { inner: true, size: 2 });
        new Thing("Twin", { color: "red", tags: { a: "1" } });
        new Other("Twin", { color: "blue" });
      },
    });
  });

  it("byType returns every resource of a type", () => {
    expect(graph.byType("test:index:Thing").map((r) => r.name).sort()).toEqual(["MediaBucket", "MediaInnerBucket", "Twin"]);
    expect(graph.byType("nope:index:Nope")).toEqual([]);
  });

  it("get returns the one resource with a name, or throws listing what there is", () => {
    expect(graph.get("MediaBucket").type).toBe("test:index:Thing");
    expect(() => graph.get("Nope")).toThrow(/^Expected one resource named "Nope", found 0\. Resources: .*MediaBucket \(test:index:Thing\)/);
    expect(() => graph.get("Twin")).toThrow('Expected one resource named "Twin", found 2.');
    expect(graph.get("Twin", "test:index:Other").inputs.color).toBe("blue");
    expect(() => graph.get("Twin", "test:index:Nope")).toThrow('Expected one resource named "Twin" of type test:index:Nope, found 0.');
    expect(graph.find("Nope")).toBeUndefined();
  });

  it("where matches inputs partially, with regexes and predicates, optionally by type", () => {
    expect(graph.where({ color: "red" }).map((r) => r.name).sort()).toEqual(["MediaBucket", "MediaInnerBucket", "Twin"]);
    expect(graph.where({ color: "red" }, "test:index:Other")).toEqual([]);
    expect(graph.where({ tags: { a: "1" } }).map((r) => r.name)).toEqual(["Twin"]);
    expect(graph.where({ color: /^bl/ }).map((r) => r.type)).toEqual(["test:index:Other"]);
    expect(graph.where({ size: (v: unknown) => typeof v === "number" && v > 1 }).map((r) => r.name)).toEqual(["MediaBucket"]);
  });

  it("matches arrays exactly and objects partially", () => {
    expect(matches({ a: [1, 2], b: 1 }, { a: [1, 2] })).toBe(true);
    expect(matches({ a: [1, 2] }, { a: [1] })).toBe(false);
    expect(matches({ a: { b: 1, c: 2 } }, { a: { b: 1 } })).toBe(true);
    expect(matches({ a: 1 }, { a: "1" })).toBe(false);
    expect(matches(undefined, { a: 1 })).toBe(false);
  });

  it("walks children, descendants depth first, parents and roots", () => {
    const media = graph.get("Media");
    expect(graph.children(media).map((r) => r.name).sort()).toEqual(["MediaBucket", "MediaInner"]);
    expect(graph.children(media.urn).map((r) => r.name).sort()).toEqual(["MediaBucket", "MediaInner"]);
    const descendants = graph.descendants(media).map((r) => r.name);
    expect(descendants.sort()).toEqual(["MediaBucket", "MediaInner", "MediaInnerBucket"]);
    const order = graph.descendants(media).map((r) => r.name);
    expect(order.indexOf("MediaInnerBucket")).toBe(order.indexOf("MediaInner") + 1);
    expect(graph.parent(graph.get("MediaInnerBucket"))!.name).toBe("MediaInner");
    expect(graph.parent(media)).toBeUndefined();
    expect(graph.roots().map((r) => r.name).sort()).toEqual(["Media", "MediaLinkRef", "Twin", "Twin"]);
  });

  it("expectInputs passes on a partial match and fails showing both values", () => {
    expect(() => graph.expectInputs("MediaBucket", { size: 2 })).not.toThrow();
    let message = "";
    try {
      graph.expectInputs(graph.get("MediaBucket"), { size: 3 });
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message.split("\n")[0]).toBe("Inputs of MediaBucket (test:index:Thing) do not match.");
    expect(message).toContain('Expected (partial): {\n  "size": 3\n}');
    const actual = JSON.parse(message.slice(message.indexOf("Actual: ") + "Actual: ".length));
    expect(actual).toEqual({ size: 2, color: "red", tags: { owner: "box" } });
  });

  it("runs against its own kernel when given one", async () => {
    const kernel = new Kernel();
    kernel.hooks.transform.tap("mark", (value) => ({ ...value, props: { ...value.props, marked: true } }));
    const marked = await synthApp({ kernel, run: () => void new Thing("Raw") });
    expect(marked.get("Raw").inputs.marked).toBe(true);
  });
});
