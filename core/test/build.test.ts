import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import * as pulumi from "@pulumi/pulumi";
import { Kernel, Linkable, SSTError, linkArtifact, requestBuild, resolveLinks, synth, validateApp, type Artifact, type BuildEvent } from "@sst/core";
import { synthApp } from "@sst/core/testing";
import { Thing, removeFixture, sstError } from "./_helpers.js";
import { handlerApp, requestAll, testBuilder } from "./_build.js";

const app = validateApp({ name: "app", home: "local" }, "test");

/** Runs `run` with real builds through `synth`, collecting progress events. */
async function buildAll(root: string, kernel: Kernel, run: () => unknown, events: BuildEvent[] = []) {
  const result = await synth({ kernel, app, root, run, secrets: {}, build: { onEvent: (e) => events.push(e) } });
  return result.outputs as Record<string, Artifact>;
}

let saved: string | undefined;
beforeEach(() => {
  saved = process.env.SST_BUILD_CONCURRENCY;
});
afterEach(() => {
  if (saved === undefined) delete process.env.SST_BUILD_CONCURRENCY;
  else process.env.SST_BUILD_CONCURRENCY = saved;
});

describe("building every requested function", () => {
  it("builds 300 functions with never more than SST_BUILD_CONCURRENCY at once, and every artifact lands on disk", async () => {
    const root = handlerApp(300);
    try {
      process.env.SST_BUILD_CONCURRENCY = "3";
      const { plugin, stats } = testBuilder();
      const events: BuildEvent[] = [];
      const artifacts = await buildAll(root, new Kernel({ plugins: [plugin] }), requestAll(300), events);
      expect(stats.calls).toHaveLength(300);
      expect(stats.maxInFlight).toBe(3);
      expect(Object.keys(artifacts)).toHaveLength(300);
      for (let i = 0; i < 300; i++) {
        const artifact = artifacts[`Fn${i}`]!;
        expect(artifact).toMatchObject({ dir: join(root, ".sst", "artifacts", `Fn${i}`), handler: "index.handler", skipped: false });
        expect(artifact.hash).toMatch(/^[0-9a-f]{64}$/);
        expect(readFileSync(join(artifact.dir, "index.js"), "utf8")).toBe(`EXPORT CONST HANDLER = () => ${i};\n`);
      }
      const ends = events.filter((e) => e.type === "end");
      expect(ends).toHaveLength(300);
      expect(ends.at(-1)).toMatchObject({ done: 300, total: 300 });
      expect(ends.every((e) => e.type === "end" && e.status === "built")).toBe(true);
    } finally {
      removeFixture(root);
    }
  });

  it("runs up to a builder's own concurrency (BuildTapOptions.concurrency) at once, whatever SST_BUILD_CONCURRENCY", async () => {
    const root = handlerApp(60);
    try {
      process.env.SST_BUILD_CONCURRENCY = "2";
      const { plugin, stats } = testBuilder({ concurrency: 25 });
      const artifacts = await buildAll(root, new Kernel({ plugins: [plugin] }), requestAll(60));
      expect(Object.keys(artifacts)).toHaveLength(60);
      expect(stats.maxInFlight).toBeGreaterThan(2);
      expect(stats.maxInFlight).toBeLessThanOrEqual(25);
    } finally {
      removeFixture(root);
    }
  });

  it("passes the artifact on to the resources that use it", async () => {
    const root = handlerApp(1);
    try {
      const { plugin } = testBuilder();
      const kernel = new Kernel({ plugins: [plugin] });
      const result = await synth({
        kernel,
        app,
        root,
        secrets: {},
        build: {},
        run() {
          const artifact = requestBuild({ name: "Api", runtime: "test", handler: "src/fn0.handler" });
          new Thing("ApiCode", { name: artifact.dir, ref: artifact.hash });
        },
      });
      const code = result.resources.find((r) => r.name === "ApiCode")!;
      expect(code.inputs).toMatchObject({ name: join(root, ".sst", "artifacts", "Api"), ref: expect.stringMatching(/^[0-9a-f]{64}$/) });
    } finally {
      removeFixture(root);
    }
  });

  it("rejects an invalid SST_BUILD_CONCURRENCY before running the program, naming the variable", async () => {
    for (const bad of ["0", "-2", "1.5", "many"]) {
      process.env.SST_BUILD_CONCURRENCY = bad;
      let ran = false;
      const error = await sstError(() => synth({ kernel: new Kernel(), app, root: "/nowhere", secrets: {}, build: {}, run: () => void (ran = true) }));
      expect(error.code).toBe("E_BUILD_CONCURRENCY");
      expect(error.message).toContain(`SST_BUILD_CONCURRENCY must be a whole number of 1 or more, got ${JSON.stringify(bad)}`);
      expect(ran).toBe(false);
    }
  });
});

describe("skipping builds", () => {
  it("skips builds in @sst/core/testing by default: a placeholder artifact marked skipped, no builder called", async () => {
    const { plugin, stats } = testBuilder();
    const graph = await synthApp({ plugins: [plugin], root: "/app", run: requestAll(2) });
    expect(stats.calls).toEqual([]);
    expect(graph.outputs.Fn1).toEqual({ dir: join("/app", ".sst", "artifacts", "Fn1"), handler: "src/fn1.handler", hash: "", skipped: true });
  });

  it("builds for real when a test asks for it", async () => {
    const root = handlerApp(2);
    try {
      const { plugin, stats } = testBuilder();
      const graph = await synthApp({ plugins: [plugin], root, build: true, run: requestAll(2) });
      expect(stats.calls.sort()).toEqual(["Fn0", "Fn1"]);
      expect(graph.outputs.Fn0).toMatchObject({ handler: "index.handler", skipped: false });
      expect(existsSync(join(root, ".sst", "artifacts", "Fn0", "index.js"))).toBe(true);
    } finally {
      removeFixture(root);
    }
  });

  it("does not ask for a builder when builds are skipped", async () => {
    const graph = await synthApp({ run: () => ({ a: requestBuild({ name: "Py", runtime: "python", handler: "main.handler" }) }) });
    expect(graph.outputs.a).toMatchObject({ skipped: true });
  });
});

describe("unknown inputs (a preview)", () => {
  it("leaves the artifact unknown without calling the builder, and the program still ends", async () => {
    const { plugin, stats } = testBuilder();
    const result = await synth({
      kernel: new Kernel({ plugins: [plugin] }),
      app,
      root: "/nowhere",
      secrets: {},
      build: {},
      run() {
        const artifact = requestBuild({ name: "Api", runtime: "test", handler: pulumi.output(pulumi.unknown as unknown as string) });
        new Thing("ApiCode", { ref: artifact.hash });
      },
    });
    expect(stats.calls).toEqual([]);
    expect(result.resources.find((r) => r.name === "ApiCode")!.inputs.ref).toBe("[unknown]");
  });
});

describe("build errors", () => {
  it("reports every failed function at once, each with its name and file:line, and creates nothing that uses it", async () => {
    const root = handlerApp(4);
    try {
      writeFileSync(join(root, "src/fn1.ts"), "export const handler = () => {\nfail: Expected \";\" but found \"x\"\n");
      writeFileSync(join(root, "src/fn2.ts"), "fail: first\nfail: second\n");
      writeFileSync(join(root, "src/fn3.ts"), "throw: disk full\n");
      const { plugin } = testBuilder();
      const error = await sstError(() =>
        synth({
          kernel: new Kernel({ plugins: [plugin] }),
          app,
          root,
          secrets: {},
          build: {},
          run() {
            for (let i = 0; i < 4; i++) {
              const artifact = requestBuild({ name: `Fn${i}`, runtime: "test", handler: `src/fn${i}.handler` });
              new Thing(`Code${i}`, { ref: artifact.hash });
            }
          },
        }),
      );
      expect(error.problems.map((p) => p.message)).toEqual([
        'Function "Fn1" (test): src/fn1.ts:2:1: Expected ";" but found "x"',
        'Function "Fn2" (test): src/fn2.ts:1:1: first',
        'Function "Fn2" (test): src/fn2.ts:2:1: second',
        'Function "Fn3" (test): Plugin "test-builder" failed in hook "build": disk full',
      ]);
      expect(error.problems.slice(0, 3).every((p) => p.code === "E_BUILD_FAILED")).toBe(true);
      // The function that built is on disk; the failed ones left no artifact.
      expect(existsSync(join(root, ".sst/artifacts/Fn0/index.js"))).toBe(true);
      expect(existsSync(join(root, ".sst/artifacts/Fn1.manifest.json"))).toBe(false);
      expect(existsSync(join(root, ".sst/artifacts/Fn1"))).toBe(false);
    } finally {
      removeFixture(root);
    }
  });

  it("names the function, the runtime and the plugin that provides it when no builder is registered", async () => {
    const error = await sstError(() =>
      synth({
        kernel: new Kernel(),
        app,
        root: "/nowhere",
        secrets: {},
        build: {},
        run: () => ({ a: requestBuild({ name: "Worker", runtime: "python", handler: "main.handler", plugin: "@sst/aws" }) }),
      }),
    );
    expect(error.code).toBe("E_BUILD_NO_BUILDER");
    expect(error.message).toBe('Function "Worker" uses runtime "python", but no plugin builds "python" functions (@sst/aws does).');
    expect(error.hint).toBe("Add it: sst add aws");
  });

  it("rejects two builds under one name", async () => {
    const error = await sstError(() =>
      synthApp({
        run() {
          requestBuild({ name: "Api", runtime: "test", handler: "a.handler" });
          requestBuild({ name: "api", runtime: "test", handler: "b.handler" });
        },
      }),
    );
    expect(error.code).toBe("E_BUILD_DUPLICATE");
    expect(error.message).toContain('"api" (the other is "Api")');
  });

  it("reports only the program's own error when run() throws, and starts no more builds", async () => {
    process.env.SST_BUILD_CONCURRENCY = "1";
    const { plugin, stats } = testBuilder();
    const error = await sstError(() =>
      synthApp({
        plugins: [plugin],
        root: "/nowhere",
        build: true,
        async run() {
          await requestAll(5)();
          throw new SSTError({ code: "E_TEST", message: "run failed" });
        },
      }),
    );
    expect(error.problems).toEqual([{ code: "E_TEST", message: "run failed" }]);
    expect(stats.calls.length).toBeLessThan(5);
  });

  it("rejects an added file that is neither text nor bytes, naming the function and the file", async () => {
    const root = handlerApp(1);
    try {
      const { plugin } = testBuilder();
      // A Buffer through pulumi.output() comes out as a plain object of its bytes.
      const files = pulumi.output({ "resource.enc": Buffer.from("x") }) as unknown as Record<string, Buffer>;
      const error = await sstError(() => synthApp({ plugins: [plugin], root, build: true, run: requestAll(1, { files }) }));
      expect(error.code).toBe("E_BUILD_FILE_VALUE");
      expect(error.message).toBe('Function "Fn0" (test): the added file "resource.enc" is neither text nor bytes.');
    } finally {
      removeFixture(root);
    }
  });

  it("rejects an added file outside the artifact", async () => {
    const root = handlerApp(1);
    try {
      const { plugin } = testBuilder();
      const error = await sstError(() =>
        synthApp({ plugins: [plugin], root, build: true, run: requestAll(1, { files: { "../escape.txt": "x" } }) }),
      );
      expect(error.code).toBe("E_BUILD_FILE_PATH");
      expect(error.message).toContain('Function "Fn0" (test): the added file "../escape.txt" is not a path inside the artifact');
      expect(existsSync(join(root, ".sst/artifacts/escape.txt"))).toBe(false);
    } finally {
      removeFixture(root);
    }
  });
});

describe("secrets", () => {
  it("never makes the artifact secret, even when a link value or an added file is", async () => {
    const root = handlerApp(1);
    try {
      const { plugin } = testBuilder();
      const graph = await synthApp({
        plugins: [plugin],
        root,
        build: true,
        run: requestAll(1, {
          links: pulumi.secret({ Db: { password: "hunter2" } }),
          files: pulumi.secret("key").apply(() => ({ "resource.enc": Buffer.from([0, 1, 255]) })),
        }),
      });
      expect(graph.outputs.Fn0).toMatchObject({ hash: expect.stringMatching(/^[0-9a-f]{64}$/), skipped: false });
      expect([...readFileSync(join(root, ".sst/artifacts/Fn0/resource.enc"))]).toEqual([0, 1, 255]);
    } finally {
      removeFixture(root);
    }
  });
});

describe("the build cache", () => {
  let root: string;
  beforeEach(() => {
    root = handlerApp(3, "build-cache");
  });
  afterEach(() => removeFixture(root));

  const bytes = (name: string, file = "index.js") => readFileSync(join(root, ".sst/artifacts", name, file));

  it("reuses unchanged artifacts without calling the builder, byte for byte", async () => {
    const first = testBuilder();
    const before = await buildAll(root, new Kernel({ plugins: [first.plugin] }), requestAll(3));
    const content = bytes("Fn1");
    const second = testBuilder();
    const events: BuildEvent[] = [];
    const after = await buildAll(root, new Kernel({ plugins: [second.plugin] }), requestAll(3), events);
    expect(second.stats.calls).toEqual([]);
    expect(after).toEqual(before);
    expect(bytes("Fn1").equals(content)).toBe(true);
    expect(events.filter((e) => e.type === "end").map((e) => e.type === "end" && e.status)).toEqual(["cached", "cached", "cached"]);
  });

  it("rebuilds only the function whose input file changed", async () => {
    const before = await buildAll(root, new Kernel({ plugins: [testBuilder().plugin] }), requestAll(3));
    writeFileSync(join(root, "src/fn2.ts"), "export const handler = () => 'changed';\n");
    const again = testBuilder();
    const after = await buildAll(root, new Kernel({ plugins: [again.plugin] }), requestAll(3));
    expect(again.stats.calls).toEqual(["Fn2"]);
    expect(after.Fn2!.hash).not.toBe(before.Fn2!.hash);
    expect(bytes("Fn2").toString()).toBe("EXPORT CONST HANDLER = () => 'CHANGED';\n");
  });

  it("rebuilds when the request, the builder's version or the artifact on disk changed", async () => {
    await buildAll(root, new Kernel({ plugins: [testBuilder({ version: "1" }).plugin] }), requestAll(3));
    const props = testBuilder({ version: "1" });
    await buildAll(root, new Kernel({ plugins: [props.plugin] }), requestAll(3, { properties: { minify: true } }));
    expect(props.stats.calls.sort()).toEqual(["Fn0", "Fn1", "Fn2"]);
    const version = testBuilder({ version: "2" });
    await buildAll(root, new Kernel({ plugins: [version.plugin] }), requestAll(3, { properties: { minify: true } }));
    expect(version.stats.calls.sort()).toEqual(["Fn0", "Fn1", "Fn2"]);
    writeFileSync(join(root, ".sst/artifacts/Fn0/index.js"), "tampered");
    const tampered = testBuilder({ version: "2" });
    await buildAll(root, new Kernel({ plugins: [tampered.plugin] }), requestAll(3, { properties: { minify: true } }));
    expect(tampered.stats.calls).toEqual(["Fn0"]);
    expect(bytes("Fn0").toString()).toBe("EXPORT CONST HANDLER = () => 0;\n");
  });

  it("treats an input the builder read but that does not exist as unchanged until it appears", async () => {
    const read = { inputs: ["src/optional.ts"] };
    await buildAll(root, new Kernel({ plugins: [testBuilder(read).plugin] }), requestAll(3));
    const same = testBuilder(read);
    await buildAll(root, new Kernel({ plugins: [same.plugin] }), requestAll(3));
    expect(same.stats.calls).toEqual([]);
    writeFileSync(join(root, "src/optional.ts"), "export {};\n");
    const appeared = testBuilder(read);
    await buildAll(root, new Kernel({ plugins: [appeared.plugin] }), requestAll(3));
    expect(appeared.stats.calls).toHaveLength(3);
  });

  it("carries linkArtifact's resource.enc into the artifact, byte-identical on the next run (no rebuild)", async () => {
    const run = () => {
      const settings = new Linkable("Settings", { properties: { retries: 3 } });
      const links = linkArtifact(resolveLinks([settings]));
      const files = links.files.apply((f) => Object.fromEntries(Object.entries(f).map(([n, b64]) => [n, Buffer.from(b64, "base64")])));
      return { Api: requestBuild({ name: "Api", runtime: "test", handler: "src/fn0.handler", files }) };
    };
    const first = await synthApp({ plugins: [testBuilder().plugin], root, build: true, run });
    const enc = bytes("Api", "resource.enc");
    const second = testBuilder();
    const again = await synthApp({ plugins: [second.plugin], root, build: true, run });
    expect(second.stats.calls).toEqual([]);
    expect(again.outputs.Api).toEqual(first.outputs.Api);
    expect(bytes("Api", "resource.enc").equals(enc)).toBe(true);
    expect(enc.length).toBeGreaterThan(16);
  });

  it("writes added files into the artifact, and a changed file changes the hash and rebuilds", async () => {
    const key = (v: string) => ({ files: { "resource.enc": Buffer.from(v), "nested/env.json": pulumi.output(`{"v":"${v}"}`) } });
    const first = await buildAll(root, new Kernel({ plugins: [testBuilder().plugin] }), requestAll(3, key("a")));
    expect(bytes("Fn0", "resource.enc").toString()).toBe("a");
    expect(bytes("Fn0", "nested/env.json").toString()).toBe('{"v":"a"}');
    const same = testBuilder();
    expect(await buildAll(root, new Kernel({ plugins: [same.plugin] }), requestAll(3, key("a")))).toEqual(first);
    expect(same.stats.calls).toEqual([]);
    const changed = testBuilder();
    const second = await buildAll(root, new Kernel({ plugins: [changed.plugin] }), requestAll(3, key("b")));
    expect(changed.stats.calls).toHaveLength(3);
    expect(bytes("Fn0", "resource.enc").toString()).toBe("b");
    expect(second.Fn0!.hash).not.toBe(first.Fn0!.hash);
  });
});
