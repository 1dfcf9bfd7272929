/**
 * Functions requested together share esbuild calls (EsbuildBatcher): each still gets its own package, its own
 * inputs (so a change rebuilds only the functions that read it) and its own errors.
 */
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Plugin } from "esbuild";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { SSTError, type BuildEvent } from "@sst/core";
import { EsbuildBatcher } from "../src/build/esbuild-batch.js";
import { buildFunctions, invoke, nodeApp } from "./_node.js";

const COUNT = 6;
let app: ReturnType<typeof nodeApp>;
beforeEach(() => {
  app = nodeApp();
  mkdirSync(join(app.root, "src", "own"), { recursive: true });
  for (let k = 0; k < COUNT; k++) {
    writeFileSync(join(app.root, "src", "own", `k${k}.ts`), `export const own = ${k};\n`);
    writeFileSync(
      join(app.root, "src", `fn${k}.ts`),
      `import { greet } from "./lib/greet";\nimport { own } from "./own/k${k}";\nexport const handler = async () => ({ greeting: greet("fn${k}"), own });\n`,
    );
  }
});
afterEach(() => app.remove());

const requests = () => Object.fromEntries(Array.from({ length: COUNT }, (_, k) => [`Fn${k}`, { handler: `src/fn${k}.handler` }]));
const statuses = (events: BuildEvent[]) =>
  Object.fromEntries(events.flatMap((e) => (e.type === "end" ? [[e.name, e.status]] : [])).sort(([a], [b]) => (a! < b! ? -1 : 1)));

describe("functions built together", () => {
  it("each get their own package with their own bundle, which runs", async () => {
    const artifacts = await buildFunctions(app.root, requests());
    for (let k = 0; k < COUNT; k++) {
      const artifact = artifacts[`Fn${k}`]!;
      expect(readdirSync(join(artifact.dir, "src"))).toEqual([`fn${k}.mjs`]);
      expect(readdirSync(join(artifact.dir, "..", "sourcemaps", "src"))).toEqual([`fn${k}.mjs.map`]);
      expect(invoke(artifact.dir, artifact.handler).result).toEqual({ greeting: `Hello, fn${k}!`, own: k });
    }
  });

  it("each record only the files they import: changing one function's module rebuilds that function only", async () => {
    await buildFunctions(app.root, requests());
    writeFileSync(join(app.root, "src", "own", "k3.ts"), "export const own = 33;\n");
    const events: BuildEvent[] = [];
    const artifacts = await buildFunctions(app.root, requests(), events);
    expect(statuses(events)).toEqual({ Fn0: "cached", Fn1: "cached", Fn2: "cached", Fn3: "built", Fn4: "cached", Fn5: "cached" });
    expect(invoke(artifacts.Fn3!.dir, artifacts.Fn3!.handler).result).toEqual({ greeting: "Hello, fn3!", own: 33 });
    const manifest = JSON.parse(readFileSync(join(app.root, ".sst", "artifacts", "Fn3.manifest.json"), "utf8")) as { inputs: Record<string, string> };
    expect(Object.keys(manifest.inputs).filter((f) => f.startsWith("src/"))).toEqual(["src/fn3.ts", "src/lib/greet.ts", "src/own/k3.ts"]);
  });

  it("fail one by one: an error in one function's module fails that function only, located in its file", async () => {
    writeFileSync(join(app.root, "src", "own", "k4.ts"), "export const own = ;\n");
    const events: BuildEvent[] = [];
    const error = await buildFunctions(app.root, requests(), events).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(SSTError);
    expect((error as SSTError).problems.map((p) => p.message)).toEqual([expect.stringMatching(/^Function "Fn4" \(nodejs\): src\/own\/k4\.ts:1:20: Unexpected ";"/)]);
    expect(statuses(events)).toEqual({ Fn0: "built", Fn1: "built", Fn2: "built", Fn3: "built", Fn4: "failed", Fn5: "built" });
  });
});

describe("EsbuildBatcher", () => {
  let out: string;
  beforeEach(() => {
    out = mkdtempSync(join(tmpdir(), "sst-batch-"));
  });
  afterEach(() => rmSync(out, { recursive: true, force: true }));

  /** esbuild options that count the esbuild calls made with them. */
  function counted() {
    const calls = { count: 0 };
    const plugin: Plugin = { name: "count", setup: (build) => void build.onStart(() => void calls.count++) };
    const options = { bundle: true, platform: "node" as const, format: "esm" as const, metafile: true, write: true, absWorkingDir: app.root, logLevel: "silent" as const, plugins: [plugin] };
    return { calls, options };
  }
  const job = (k: number) => ({ file: join(app.root, "src", `fn${k}.ts`), outdir: join(out, `Fn${k}`), name: `src/fn${k}` });

  it("builds functions requested together with the same options in one esbuild call, at most maxBatch at a time", async () => {
    const { calls, options } = counted();
    const batcher = new EsbuildBatcher({ maxBatch: 4 });
    const outcomes = await Promise.all(Array.from({ length: COUNT }, (_, k) => batcher.build(options, job(k))));
    expect(outcomes.every((o) => o.ok)).toBe(true);
    expect(calls.count).toBe(2); // 4 + 2
    for (let k = 0; k < COUNT; k++) expect(readdirSync(join(out, `Fn${k}`, "src"))).toEqual([`fn${k}.js`]);
  });

  it("builds functions with different options, or with splitting, in calls of their own", async () => {
    const { calls, options } = counted();
    const batcher = new EsbuildBatcher();
    await Promise.all([
      batcher.build(options, job(0)),
      batcher.build({ ...options, minify: true }, job(1)),
      batcher.build({ ...options, splitting: true }, job(2)),
      batcher.build({ ...options, splitting: true }, job(3)),
    ]);
    expect(calls.count).toBe(4);
  });

  it("does not put together functions whose options differ only in their esbuild plugins", async () => {
    const first = counted();
    const second = counted();
    const batcher = new EsbuildBatcher();
    await Promise.all([batcher.build(first.options, job(0)), batcher.build(first.options, job(1)), batcher.build(second.options, job(2))]);
    expect([first.calls.count, second.calls.count]).toEqual([1, 1]);
  });
});
