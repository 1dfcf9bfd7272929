import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { encodeLinks } from "@sst/core/resource-env";
import { beforeAll, describe, expect, it, onTestFinished, vi } from "vitest";
import { loadResources } from "../src/_load.js";
import { createResourceProxy } from "../src/_proxy.js";
import { ResourceError } from "../src/errors.js";
import { buildSdk } from "./_build.js";
import { cleanEnv } from "./_vectors.js";

const app = { name: "myapp", stage: "dev" };
/** The stage link secret the encoder derives file keys from. */
const secret = Buffer.alloc(32, 3).toString("base64");
const realFs = { readFile: (path: string) => readFileSync(path) };

/** The Resource proxy over an injected env (loading on every access; `freshResource` checks the caching). */
function resourceFrom(env: Record<string, string>, options: { cwd?: string; target?: string } = {}) {
  const resource = createResourceProxy<Record<string, any>>({
    load: () => loadResources(env, options.cwd ?? "/nonexistent", realFs),
    target: () => options.target,
  });
  return { resource };
}

/**
 * The real `Resource` of a fresh copy of the module, over `env` as process.env, with every call of the loader
 * counted: what the module caches is what runs in a function.
 */
async function freshResource(env: Record<string, string>) {
  let loads = 0;
  vi.resetModules();
  vi.doMock("../src/_load.js", async (importOriginal) => {
    const real = await importOriginal<typeof import("../src/_load.js")>();
    return { ...real, loadResources: (...args: Parameters<typeof real.loadResources>) => (loads++, real.loadResources(...args)) };
  });
  const saved = { ...process.env };
  onTestFinished(() => {
    process.env = saved;
    vi.doUnmock("../src/_load.js");
  });
  process.env = { ...cleanEnv(), ...env };
  const { Resource } = await import("../src/resource.js");
  // The fresh module graph has its own ResourceError class.
  const { ResourceError: FreshError } = await import("../src/errors.js");
  return { Resource, loads: () => loads, errorOf: (fn: () => unknown) => errorOf(fn, FreshError) };
}

function errorOf(fn: () => unknown, Class: typeof ResourceError = ResourceError): ResourceError {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(Class);
    return error as ResourceError;
  }
  throw new Error("expected a ResourceError");
}

describe("Resource", () => {
  const env = encodeLinks({ app, links: { MyBucket: { name: "b", type: "sst.aws.Bucket" } }, target: "env" }).env;

  it("exposes App and each link's properties", () => {
    const { resource } = resourceFrom(env);
    expect(resource.App).toEqual(app);
    expect(resource.MyBucket.name).toBe("b");
  });

  it("says an unknown name is not linked in sst.config.ts", () => {
    const error = errorOf(() => resourceFrom(env).resource.Nope);
    expect(error.kind).toBe("not_found");
    expect(error.message).toBe('"Nope" is not linked in your sst.config.ts');
  });

  it("names the function the link is missing from when it knows it", () => {
    const error = errorOf(() => resourceFrom(env, { target: "myapp-dev-Api" }).resource.Nope);
    expect(error.message).toBe('"Nope" is not linked in your sst.config.ts to myapp-dev-Api');
  });

  it("tells the user to wrap the command with `sst dev --` when no links are active at all", () => {
    const error = errorOf(() => resourceFrom({}).resource.MyBucket);
    expect(error.kind).toBe("not_found");
    expect(error.message).toContain("`sst dev -- <command>`");
  });

  it("loads nothing until a link is read, then loads exactly once however it is read", async () => {
    const { Resource, loads, errorOf } = await freshResource(env);
    expect(loads()).toBe(0);
    void Resource.App;
    void (Resource as Record<string, any>).MyBucket;
    expect(Object.keys(Resource).sort()).toEqual(["App", "MyBucket"]);
    expect("MyBucket" in Resource).toBe(true);
    errorOf(() => (Resource as Record<string, any>).Nope);
    expect(loads()).toBe(1);
  });

  it("loads once when the load fails, and fails the same way on every read", async () => {
    const { Resource, loads, errorOf } = await freshResource({ SST_RESOURCE_App: "{not json" });
    const first = errorOf(() => Resource.App);
    const second = errorOf(() => (Resource as Record<string, any>).MyBucket);
    expect(first.kind).toBe("json");
    expect(second).toBe(first);
    expect(loads()).toBe(1);
  });

  it("lists linked names to Object.keys, spread and `in`", () => {
    const { resource } = resourceFrom(env);
    expect(Object.keys(resource).sort()).toEqual(["App", "MyBucket"]);
    expect({ ...resource }).toEqual({ App: app, MyBucket: { name: "b", type: "sst.aws.Bucket" } });
    expect("MyBucket" in resource).toBe(true);
    expect("Nope" in resource).toBe(false);
  });

  it("survives being awaited, stringified and inspected", async () => {
    const { resource } = resourceFrom(env);
    expect(await Promise.resolve(resource)).toBe(resource);
    expect(JSON.parse(JSON.stringify(resource))).toEqual({ App: app, MyBucket: { name: "b", type: "sst.aws.Bucket" } });
    expect(String(resource[Symbol.toPrimitive as any])).toBe("undefined");
  });

  it("is read-only", () => {
    const { resource } = resourceFrom(env);
    expect(() => {
      resource.MyBucket = {};
    }).toThrow(TypeError);
    expect(() => delete resource.MyBucket).toThrow(TypeError);
  });

  it("stores links named like Object.prototype members as plain data", () => {
    const { resource } = resourceFrom({ ...env, SST_RESOURCE___proto__: '{"a":1}', SST_RESOURCE_constructor: '{"b":2}' });
    expect(resource.__proto__).toEqual({ a: 1 });
    expect(resource.constructor).toEqual({ b: 2 });
    expect(errorOf(() => resourceFrom(env).resource.toString).kind).toBe("not_found");
  });
});

describe("loading", () => {
  it("fails as a whole when any carrier is bad, even one the program never reads, naming it", () => {
    const error = errorOf(() => resourceFrom({ ...env(), SST_RESOURCE_Bad: "{" }).resource.App);
    expect(error.kind).toBe("json");
    expect(error.message).toBe("SST_RESOURCE_Bad is not valid JSON");
  });

  it("never echoes a value in an error message: values may be secrets", () => {
    const error = errorOf(() => loadResources({ SST_RESOURCE_Secret: "hunter2-not-json" }, "/", realFs));
    expect(error.message).not.toContain("hunter2");
  });

  it("treats an empty SST_KEY or SST_KEY_FILE as unset", () => {
    expect(Object.keys(loadResources({ ...env(), SST_KEY: "", SST_KEY_FILE: "" }, "/", realFs))).toEqual(["App"]);
    expect(errorOf(() => loadResources({ ...env(), SST_KEY: "", SST_KEY_FILE: "resource.enc" }, "/", realFs)).kind).toBe("env");
  });

  it("reads SST_KEY_FILE relative to the cwd it is given, or absolute as is", () => {
    const { env: fileEnv, file } = encodeLinks({ app, links: { A: { type: "t" } }, target: "file", secret });
    const dir = mkdtempSync(join(tmpdir(), "sst-sdk-"));
    writeFileSync(join(dir, "resource.enc"), file!.bytes);
    expect(loadResources(fileEnv, dir, realFs).A).toEqual({ type: "t" });
    expect(loadResources({ ...fileEnv, SST_KEY_FILE: join(dir, "resource.enc") }, "/elsewhere", realFs).A).toEqual({ type: "t" });
  });

  it("reads every target the encoder writes back to the same links", () => {
    const links = { A: { name: "a", type: "t" }, Ü: { nested: { x: [1, null] }, type: "t" } };
    for (const target of ["env", "env-json", "file"] as const) {
      const { env: out, file } = encodeLinks({ app, links, target, secret });
      const dir = mkdtempSync(join(tmpdir(), "sst-sdk-"));
      if (file) writeFileSync(join(dir, file.name), file.bytes);
      expect({ ...loadResources(out, dir, realFs) }, target).toEqual({ ...links, App: app });
    }
  });

  function env() {
    return { SST_RESOURCE_App: JSON.stringify(app) };
  }
});

describe("the built package in a real node process", () => {
  const sdkDist = fileURLToPath(new URL("../dist/index.js", import.meta.url));
  const run = (code: string, env: Record<string, string>) =>
    execFileSync(process.execPath, ["--input-type=module", "-e", code], { env: { ...cleanEnv(), ...env }, encoding: "utf8" });

  beforeAll(buildSdk, 60_000);

  it("does no work at import: a broken env only fails when a link is read, then the same way every time", () => {
    const code = `import { Resource } from ${JSON.stringify(sdkDist)};
      console.log("imported");
      let first, second;
      try { Resource.App } catch (e) { first = e }
      try { Resource.Other } catch (e) { second = e }
      console.log(first.kind, first === second);`;
    expect(run(code, { SST_RESOURCE_Bad: "{" }).trim().split("\n")).toEqual(["imported", "json true"]);
  });

  it("names AWS_LAMBDA_FUNCTION_NAME in the not-linked message", () => {
    const code = `import { Resource } from ${JSON.stringify(sdkDist)};
      try { Resource.Nope } catch (e) { console.log(e.message) }`;
    const out = run(code, { SST_RESOURCE_App: JSON.stringify(app), AWS_LAMBDA_FUNCTION_NAME: "myapp-dev-Fn" });
    expect(out.trim()).toBe('"Nope" is not linked in your sst.config.ts to myapp-dev-Fn');
  });
});
