/**
 * sst.aws.Function's code, built for real (`build: true`) by a fixture builder: the deterministic zip in the
 * asset bucket keyed by its hash, the link file the real SDK opens, `hook.postbuild`, and the placeholder
 * used when builds are skipped.
 */
import { createHash } from "node:crypto";
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { pathToFileURL } from "node:url";
import { Linkable, Secret, definePlugin } from "@sst/core";
import { synth } from "@sst/core/testing";
import * as aws from "@pulumi/aws";
import yauzl from "yauzl";
import { afterAll, describe, expect, it } from "vitest";
import { Function, type FunctionArgs } from "@sst/aws";
import { loadResources } from "../../../sdk-js/src/_load.js";
import { app, fixtureBuilder, recording } from "./_function.js";

const TMP = join(import.meta.dirname, ".tmp-function");
const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

/** A project root with a prebuilt package `pkg/` (index.mjs and a data file). */
function project(): { root: string; pkg: string } {
  // Inside the repository: the app's providers (@pulumi/aws) resolve from its root.
  mkdirSync(TMP, { recursive: true });
  const root = mkdtempSync(join(TMP, "code-"));
  dirs.push(root);
  const pkg = join(root, "pkg");
  mkdirSync(join(pkg, "data"), { recursive: true });
  writeFileSync(join(pkg, "index.mjs"), "export const handler = async () => 'ok';\n");
  writeFileSync(join(pkg, "data", "a.txt"), "a\n");
  return { root, pkg };
}

const BOOTSTRAP = { aws: { version: 2, state: "sst-state-test", asset: "sst-asset-test" } };

async function build(root: string, pkg: string, args: Partial<FunctionArgs> = {}, options: { bootstrap?: Record<string, unknown>; build?: boolean } = {}) {
  const builder = fixtureBuilder(pkg);
  const rec = recording();
  const graph = await synth({
    ...app,
    plugins: [...app.plugins, builder.plugin],
    root,
    build: options.build ?? true,
    bootstrap: "bootstrap" in options ? options.bootstrap : BOOTSTRAP,
    mocks: rec.mocks,
    secrets: { StripeKey: "sk_test_123" },
    run: () => {
      const settings = new Linkable("Settings", { properties: { level: 3, region: "eu-west-1" } });
      const stripe = new Secret("StripeKey");
      new Function("Api", { handler: "index.handler", link: [settings, stripe], ...args } as FunctionArgs);
    },
  });
  return { graph, rec, calls: builder.calls, code: rec.get("ApiCode"), fn: rec.get("ApiFunction") };
}

interface Entry {
  name: string;
  data: Buffer;
  date: Date;
}

function readZip(path: string): Promise<Entry[]> {
  return new Promise((resolve, reject) => {
    yauzl.open(path, { lazyEntries: true }, (error, zip) => {
      if (error) return reject(error);
      const entries: Entry[] = [];
      zip.on("entry", (entry: yauzl.Entry) => {
        zip.openReadStream(entry, (e, stream) => {
          if (e) return reject(e);
          const chunks: Buffer[] = [];
          stream.on("data", (c: Buffer) => chunks.push(c));
          stream.on("end", () => {
            entries.push({ name: entry.fileName, data: Buffer.concat(chunks), date: entry.getLastModDate() });
            zip.readEntry();
          });
        });
      });
      zip.on("end", () => resolve(entries));
      zip.readEntry();
    });
  });
}

describe("sst.aws.Function code", () => {
  it("uploads a deterministic zip of the package and resource.enc to the asset bucket, keyed by its sha256", async () => {
    const { root, pkg } = project();
    const { code, fn } = await build(root, pkg);
    const zip = join(root, ".sst", "artifacts", "Api.zip");
    const hash = createHash("sha256").update(readFileSync(zip)).digest("hex");
    expect(code).toMatchObject({ bucket: "sst-asset-test", key: `assets/Api-${hash}.zip` });
    expect(fn).toMatchObject({ s3Bucket: "sst-asset-test", s3Key: `assets/Api-${hash}.zip`, handler: "index.handler" });
    const entries = await readZip(zip);
    expect(entries.map((e) => e.name)).toEqual(["data/a.txt", "index.mjs", "resource.enc"]);
    // One fixed timestamp for every entry, whenever and wherever it was built.
    expect(new Set(entries.map((e) => e.date.getTime())).size).toBe(1);
    expect(entries[0]!.date.getTime()).toBeLessThan(Date.UTC(2001, 0, 1));
  });

  it("gives an unchanged function the same key and environment on the next run, and a changed one a new key", async () => {
    const { root, pkg } = project();
    const first = await build(root, pkg);
    const second = await build(root, pkg);
    expect(second.code.key).toBe(first.code.key);
    expect(second.fn.environment).toEqual(first.fn.environment);
    // Built again from nothing (new files, new timestamps): still byte for byte the same zip.
    rmSync(join(root, ".sst"), { recursive: true });
    expect((await build(root, pkg)).code.key).toBe(first.code.key);
    writeFileSync(join(pkg, "index.mjs"), "export const handler = async () => 'changed';\n");
    const third = await build(root, pkg);
    expect(third.code.key).not.toBe(first.code.key);
    expect(third.fn.environment).toEqual(first.fn.environment);
  });

  it("packs the links so that the SDK opens them with the function's SST_KEY and SST_KEY_FILE", async () => {
    const { root, pkg } = project();
    const { fn } = await build(root, pkg);
    const out = join(root, "unzipped");
    for (const entry of await readZip(join(root, ".sst", "artifacts", "Api.zip"))) {
      mkdirSync(join(out, entry.name, ".."), { recursive: true });
      writeFileSync(join(out, entry.name), entry.data);
    }
    // What the Node SDK does in the function: Lambda's working directory is the package root.
    const links = loadResources(fn.environment.variables, out, { readFile: (path) => readFileSync(path) }) as Record<string, any>;
    expect(links.Settings).toEqual({ level: 3, region: "eu-west-1", type: "sst.sst.Linkable" });
    expect(links.StripeKey).toMatchObject({ value: "sk_test_123" });
    expect(links.App).toEqual({ name: "app", stage: "test" });
    // The secret is in the encrypted file, never in the environment.
    expect(JSON.stringify(fn.environment)).not.toContain("sk_test_123");
  });

  it("builds a Node handler with @sst/aws's own builder, and the deployed package answers with its links", async () => {
    const { root } = project();
    mkdirSync(join(root, "src"));
    writeFileSync(
      join(root, "src", "api.ts"),
      'import { Resource } from "@sst/sdk";\nexport const handler = async () => ({ level: Resource.Settings.level, stripe: Resource.StripeKey.value });\n',
    );
    const rec = recording();
    await synth({
      ...app,
      root,
      build: true,
      bootstrap: BOOTSTRAP,
      mocks: rec.mocks,
      secrets: { StripeKey: "sk_test_123" },
      run: () => {
        const settings = new Linkable("Settings", { properties: { level: 3 } });
        new Function("Api", { handler: "src/api.handler", link: [settings, new Secret("StripeKey")] });
      },
    });
    const fn = rec.get("ApiFunction");
    const out = join(root, "deployed");
    for (const entry of await readZip(join(root, ".sst", "artifacts", "Api.zip"))) {
      mkdirSync(join(out, entry.name, ".."), { recursive: true });
      writeFileSync(join(out, entry.name), entry.data);
    }
    // Run it as Lambda's Node runtime would: the package root as working directory, the function's environment.
    const [file, method] = [fn.handler.slice(0, fn.handler.lastIndexOf(".")), fn.handler.slice(fn.handler.lastIndexOf(".") + 1)];
    const module = readdirSync(join(out, dirname(file))).find((f) => f.startsWith(`${basename(file)}.`))!;
    const script = `import(${JSON.stringify(pathToFileURL(join(out, dirname(file), module)).href)}).then(async (m) => console.log(JSON.stringify(await m[${JSON.stringify(method)}]())))`;
    const result = execFileSync(process.execPath, ["-e", script], { cwd: out, env: { PATH: process.env.PATH, ...fn.environment.variables } });
    expect(JSON.parse(result.toString())).toEqual({ level: 3, stripe: "sk_test_123" });
  });

  it("gives a function on another provider its zip directly (the asset bucket is in the app's region only)", async () => {
    const { root, pkg } = project();
    const builder = fixtureBuilder(pkg);
    const rec = recording();
    const graph = await synth({
      ...app,
      plugins: [...app.plugins, builder.plugin],
      root,
      build: true,
      bootstrap: BOOTSTRAP,
      mocks: rec.mocks,
      run: () => {
        const east = new aws.Provider("East", { region: "us-east-2" });
        new Function("Api", { handler: "index.handler" }, { provider: east });
      },
    });
    expect(graph.find("ApiCode")).toBeUndefined();
    const fn = rec.get("ApiFunction");
    expect(fn.s3Key).toBeUndefined();
    expect(await fn.code.path).toBe(join(root, ".sst", "artifacts", "Api.zip"));
  });

  it("passes the runtime, architecture and build options to the runtime's builder", async () => {
    const { root, pkg } = project();
    const nodejs = await build(root, pkg, { nodejs: { install: ["pg"], format: "cjs" }, copyFiles: [{ from: "a.txt" }], architecture: "arm64" });
    expect(nodejs.calls).toHaveLength(1);
    expect(nodejs.calls[0]).toMatchObject({
      runtime: "nodejs",
      handler: "index.handler",
      properties: { runtime: "nodejs20.x", architecture: "arm64", nodejs: { install: ["pg"], format: "cjs" }, copyFiles: [{ from: "a.txt" }] },
    });
    const go = await build(root, pkg, { runtime: "go", handler: "./src" });
    expect(go.calls[0]).toMatchObject({ runtime: "go", handler: "./src", properties: { runtime: "go", architecture: "x86_64" } });
    const python = await build(root, pkg, { runtime: "python3.12", bundle: "dist" });
    expect(python.calls[0]).toMatchObject({ runtime: "python", properties: { runtime: "python3.12", bundle: "dist" } });
  });

  it("runs hook.postbuild on a copy of the package before zipping, leaving the build cache as built", async () => {
    const { root, pkg } = project();
    const seen: string[] = [];
    await build(root, pkg, {
      hook: {
        async postbuild(dir) {
          seen.push(dir);
          writeFileSync(join(dir, "extra.txt"), "added after the build\n");
        },
      },
    });
    expect(seen).toEqual([join(root, ".sst", "artifacts", "Api.postbuild")]);
    const names = (await readZip(join(root, ".sst", "artifacts", "Api.zip"))).map((e) => e.name);
    expect(names).toContain("extra.txt");
    expect(existsSync(join(root, ".sst", "artifacts", "Api", "pkg", "extra.txt"))).toBe(false);
  });

  it("reports a failing postbuild with the function's name", async () => {
    const { root, pkg } = project();
    const error = await build(root, pkg, { hook: { postbuild: async () => Promise.reject(new Error("sentry upload failed")) } }).catch((e) => e);
    expect(error).toMatchObject({ code: "E_FUNCTION_POSTBUILD", message: 'Function "Api": hook.postbuild failed: sentry upload failed' });
  });

  it("reports a failed build with the function's name (nothing waits on the function that was not created)", async () => {
    const { root } = project();
    const failing = definePlugin({
      name: "failing-builder",
      apply(kernel) {
        kernel.hooks.build.for("nodejs").tapPromise({ name: "failing-builder", stage: -1 }, async () => ({ handler: "", out: "", errors: [{ message: "Could not resolve \"pg\"", file: "index.ts", line: 3 }] }));
      },
    });
    const error = await synth({
      ...app,
      plugins: [...app.plugins, failing],
      root,
      build: true,
      bootstrap: BOOTSTRAP,
      run: () => void new Function("Api", { handler: "index.handler" }),
    }).catch((e) => e);
    expect(error).toMatchObject({ name: "SSTError", message: expect.stringMatching(/Api[\s\S]*Could not resolve "pg"/) });
  });

  it("uses a stable placeholder when builds are skipped, without building or calling postbuild", async () => {
    const { root, pkg } = project();
    let called = false;
    const offline = await build(root, pkg, { hook: { postbuild: async () => void (called = true) } }, { build: false, bootstrap: undefined });
    expect(offline.calls).toEqual([]);
    expect(called).toBe(false);
    expect(offline.code).toMatchObject({ bucket: "sst-asset-offline", key: "assets/Api-skipped.zip" });
    expect(offline.fn).toMatchObject({ s3Bucket: "sst-asset-offline", s3Key: "assets/Api-skipped.zip" });
    const withBootstrap = await build(root, pkg, {}, { build: false });
    expect(withBootstrap.code).toMatchObject({ bucket: "sst-asset-test", key: "assets/Api-skipped.zip" });
  });

  it("fails with E_AWS_BOOTSTRAP_MISSING when code is built but there is no asset bucket", async () => {
    const { root, pkg } = project();
    const error = await build(root, pkg, {}, { bootstrap: undefined }).catch((e) => e);
    expect(error).toMatchObject({ code: "E_AWS_BOOTSTRAP_MISSING", message: expect.stringContaining('Function "Api"') });
  });
});
