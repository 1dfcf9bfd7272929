/**
 * The kernel's side of bad input (the CLI's is the corpus, cli/test/corpus): values JSON cannot carry in
 * link properties and outputs, a config that is empty, exits the process or imports a missing package,
 * a bad `plugins` list, a plugin rejecting its options, an error thrown in an Output's apply, and bad
 * SST_CONFIG_DIR, SST_PASSPHRASE and .env.
 */
import * as pulumi from "@pulumi/pulumi";
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { Component, Kernel, Linkable, SSTError, loadApp, linkProperties, newPassphrase, readDotenv, strayUserError } from "@sst/core";
import { synthApp } from "@sst/core/testing";
import { configDir } from "../src/home/paths.js";
import { guardUserCode } from "../src/config/guard.js";
import { checkPlugins } from "../src/config/plugins.js";
import { findUnserialisable } from "../src/link/serialisable.js";
import { programOutputs } from "../src/program/outputs.js";
import { fixture, removeFixture, sstError, sstErrorSync } from "./_helpers.js";

const dirs: string[] = [];
afterAll(() => dirs.forEach(removeFixture));
const project = (files: Record<string, string>) => {
  const dir = fixture("bad-input", files);
  dirs.push(dir);
  return dir;
};
const load = (cwd: string) => loadApp({ kernel: new Kernel(), stage: "dev", cwd });
const APP = `export default $config({ app() { return { name: "bad", home: "local" } }, async run() { RUN } });\n`;

describe("values JSON cannot carry", () => {
  const cycle: Record<string, unknown> = { a: 1 };
  cycle.self = cycle;
  it.each([
    ["a cycle", { db: cycle }, "x.db.self", "a cycle (it contains itself)"],
    ["a BigInt", { port: 5432n }, "x.port", "a BigInt"],
    ["a function", { f: () => 1 }, "x.f", "a function"],
    ["a symbol", { s: Symbol("s") }, "x.s", "a symbol"],
    ["NaN", { n: Number.NaN }, "x.n", "NaN, which JSON would turn into null"],
    ["-Infinity", { n: -Infinity }, "x.n", "-Infinity, which JSON would turn into null"],
    ["undefined in an array", { list: [1, undefined] }, "x.list[1]", "undefined inside an array, which JSON would turn into null"],
    ["a Map", { m: new Map() }, "x.m", "a Map"],
    ["a Date", { d: new Date(0) }, "x.d", "a Date"],
    ["an instance of the user's class", { v: new (class Point {})() }, "x.v", "a Point"],
    ["a key that is no identifier", { "a b": [{ c: 1n }] }, 'x["a b"][0].c', "a BigInt"],
  ])("finds %s and its path", (_kind, value, path, what) => {
    expect(findUnserialisable(value, "x")).toEqual({ path, what });
  });

  it("accepts plain JSON, null-prototype objects, shared (not cyclic) objects, undefined properties, Outputs and promises", () => {
    const shared = { z: 1 };
    const bare = Object.assign(Object.create(null), { a: "b" });
    const value = { s: "x", n: 1.5, b: true, z: null, list: [shared, shared], bare, gone: undefined, out: pulumi.output(1), p: Promise.resolve(1) };
    expect(findUnserialisable(value, "x")).toBeUndefined();
  });

  it("accepts a resource only when asked (outputs), never in link properties", async () => {
    const graph = await synthApp({
      run() {
        const other = new Linkable("Other", { properties: {} });
        expect(findUnserialisable({ other }, "x")).toEqual({ path: "x.other", what: "a resource" });
        expect(findUnserialisable({ other }, "x", { resources: true })).toBeUndefined();
      },
    });
    expect(graph.resources.length).toBeGreaterThan(0);
  });

  it("rejects a link whose property cannot be JSON, naming the link, its type and the path", async () => {
    const error = await sstError(() => synthApp({ run: () => void new Linkable("Db", { properties: { port: 5432n } as never }) }));
    expect(error.code).toBe("E_LINK_VALUE");
    expect(error.message).toBe('Link "Db" (sst.sst.Linkable): properties.port is a BigInt; link values reach functions as JSON.');
  });

  it("fails the program when a link property's Output resolves to something JSON cannot carry", async () => {
    const run = () => void new Linkable("Db", { properties: { port: pulumi.output(1).apply(() => 5432n) } as never });
    const error = await sstError(() => synthApp({ run }));
    expect([error.code, error.message]).toEqual(["E_LINK_VALUE", 'Link "Db" (sst.sst.Linkable): properties.port is a BigInt; link values reach functions as JSON.']);
  });

  it("rejects a link property once its Output resolves to something JSON cannot carry (linkProperties)", async () => {
    const resolved = linkProperties([{ name: "Db", type: "sst.sst.Linkable", properties: { port: pulumi.output(1).apply(() => 5432n) }, include: [] }]);
    const error = await sstError(() => (resolved as unknown as { promise(): Promise<unknown> }).promise());
    expect(error.code).toBe("E_LINK_VALUE");
    expect(error.message).toContain("properties.port is a BigInt");
  });
});

describe("what run() returns", () => {
  it("is no outputs when it returns nothing", () => {
    expect(programOutputs(undefined)).toEqual({});
  });

  it.each([
    ["an array", [1]],
    ["a string", "done"],
    ["a number", 5],
    ["null", null],
    ["a Pulumi Output", pulumi.output({ a: 1 })],
    ["a Map", new Map()],
  ])("must be an object: %s is rejected, named", (what, value) => {
    const error = sstErrorSync(() => programOutputs(value));
    expect(error.code).toBe("E_RUN_OUTPUTS");
    expect(error.message).toBe(`run() in sst.config.ts returned ${what}; it must return an object of outputs, or nothing.`);
  });

  it("names the path of an output JSON cannot carry", () => {
    const error = sstErrorSync(() => programOutputs({ api: { routes: [() => 1] } }));
    expect(error.message).toBe("run() in sst.config.ts returned outputs.api.routes[0]: a function; outputs are stored and printed as JSON.");
  });

  it("checks an output's Output once it resolves, in synth as in the engine", async () => {
    const error = await sstError(() => synthApp({ run: () => ({ count: pulumi.output(1).apply(() => 10n) }) }));
    expect(error.code).toBe("E_RUN_OUTPUTS");
    expect(error.message).toContain("outputs.count: a BigInt");
  });

  it("reports an error thrown in an Output's apply after run() returned, instead of crashing", async () => {
    const run = () => ({ n: pulumi.output(1).apply((): number => { throw new Error("apply broke"); }) });
    await expect(synthApp({ run })).rejects.toThrow("apply broke");
  });

  it("reports an error in an apply feeding a child whose outputs its component registers, instead of waiting forever", async () => {
    class Thing extends pulumi.CustomResource {
      declare readonly size: pulumi.Output<string>;
      constructor(name: string, args: { size: pulumi.Input<string> }, opts?: pulumi.CustomResourceOptions) {
        super("test:index:Thing", name, { ...args }, opts);
      }
    }
    class Holder extends Component {
      readonly #thing: Thing;
      constructor(name: string) {
        super("sst:test:Holder", name);
        this.#thing = this.create("thing", Thing, "Thing", { size: pulumi.output("1").apply((): string => { throw new Error("size broke"); }) });
      }
      protected override outputs() {
        return { size: this.#thing.size };
      }
    }
    await expect(synthApp({ run: () => void new Holder("H") })).rejects.toThrow("size broke");
  });

  it("keeps a user error's own message when Pulumi reports it from a resource's inputs", async () => {
    const problem = { code: "E_TEST", message: 'Thing "T": size is not valid.', hint: "Fix it." };
    class Thing extends pulumi.CustomResource {
      constructor(name: string, args: { size: pulumi.Input<string> }) {
        super("test:index:Thing", name, { ...args });
      }
    }
    const run = () => void new Thing("T", { size: pulumi.output("1").apply((): string => { throw new SSTError(problem); }) });
    const error = await synthApp({ run }).catch((e) => e);
    expect(error).toMatchObject({ code: "E_TEST", message: problem.message, hint: "Fix it." });
  });

  it("attributes such an error to sst.config.ts when its stack passes through it, and only then", () => {
    const error = new Error("boom");
    error.stack = "Error: boom\n    at <anonymous> (/app/sst.config.ts:3:9)\n    at applyHelperAsync (/x/output.js:1:1)";
    const reported = strayUserError(error, "/app/sst.config.ts") as Error & { code: string };
    expect([reported.code, reported.message]).toEqual(["E_RUN_FAILED", "sst.config.ts:3:9: boom"]);
    const other = new Error("internal");
    expect(strayUserError(other, "/app/sst.config.ts")).toBe(other);
  });
});

describe("guarding the user's code", () => {
  it("turns process.exit from the guarded code into E_CONFIG_EXIT, and restores process.exit after", async () => {
    const exit = process.exit;
    const error = await sstError(() => guardUserCode("/app/sst.config.ts", "run()", () => process.exit(3)));
    expect(error.code).toBe("E_CONFIG_EXIT");
    expect(error.message).toBe("sst.config.ts: run() called process.exit(3); sst stops only when a command is done.");
    expect(process.exit).toBe(exit);
  });

  it("passes process.exit from other code through while guarding, and restores it after overlapping guards", async () => {
    const real = process.exit;
    const calls: unknown[] = [];
    process.exit = ((code?: number) => void calls.push(code)) as typeof process.exit;
    const spy = process.exit;
    try {
      let release!: () => void;
      const gate = new Promise<void>((r) => (release = r));
      const first = guardUserCode("/a/sst.config.ts", "run()", () => gate);
      const second = guardUserCode("/b/sst.config.ts", "run()", () => 2);
      expect(await second).toBe(2);
      // Outside any guarded code's async context: not the user's, so the real exit runs.
      await new Promise<void>((r) => setImmediate(() => (process.exit(7), r())));
      release();
      await first;
      expect(calls).toEqual([7]);
      expect(process.exit).toBe(spy);
    } finally {
      process.exit = real;
    }
  });

  it("reports an exit from a config's run() with the file and line", async () => {
    const dir = project({ "sst.config.ts": APP.replace("RUN", "process.exit(4)") });
    const loaded = await load(dir);
    const error = await sstError(() => loaded.run());
    expect(error.code).toBe("E_CONFIG_EXIT");
    expect(error.message).toMatch(/^sst\.config\.ts:1:\d+: run\(\) called process\.exit\(4\)/);
  });
});

describe("the config file", () => {
  it.each([["empty", ""], ["only whitespace", " \n\t\n"]])("reports an %s sst.config.ts as empty, not missing", async (_kind, text) => {
    const error = await sstError(() => load(project({ "sst.config.ts": text })));
    expect(error.code).toBe("E_CONFIG_EMPTY");
    expect(error.message).toMatch(/^sst\.config\.ts is empty \(/);
  });

  it("names a package the config imports that is not installed, not the compiled file", async () => {
    const dir = project({ "sst.config.ts": `import x from "no-such-package-abc";\n` + APP.replace("RUN", "x") });
    const error = await sstError(() => load(dir));
    expect(error.code).toBe("E_CONFIG_PACKAGE_MISSING");
    expect(error.message).toBe(`sst.config.ts imports "no-such-package-abc", which is not installed in ${dir}.`);
  });
});

describe("plugins", () => {
  it.each([
    ["not an array", { name: "p", apply() {} }, "sst.config.ts: plugins must be an array of plugins, got a object."],
    ["a factory not called", [function hello() {}], "sst.config.ts: plugins[0] is a function (hello), not a plugin."],
    ["not a plugin", [{ greeting: "Hi" }], "sst.config.ts: plugins[0] is not a plugin: a plugin is an object with a `name` and an `apply(kernel)`."],
  ])("rejects a plugins list that is %s", (_kind, value, message) => {
    const error = sstErrorSync(() => checkPlugins(value, "/app/sst.config.ts"));
    expect(error.code).toBe("E_CONFIG_PLUGINS");
    expect(error.message).toBe(message);
  });

  it("names the plugin whose apply throws (rejecting its options)", () => {
    const error = sstErrorSync(() => new Kernel().use({ name: "hello", apply() { throw new Error("greeting must be a string"); } }));
    expect(error.code).toBe("E_PLUGIN_FAILED");
    expect(error.message).toBe('Plugin "hello" failed in hook "apply": greeting must be a string');
  });
});

describe("environment and .env", () => {
  it("rejects SST_CONFIG_DIR that is a file", () => {
    const dir = project({ file: "x" });
    const error = sstErrorSync(() => configDir({ SST_CONFIG_DIR: join(dir, "file") }));
    expect(error.code).toBe("E_CONFIG_DIR");
    expect(configDir({ SST_CONFIG_DIR: join(dir, "missing") })).toBe(join(dir, "missing"));
  });

  it("rejects SST_PASSPHRASE that is not base64 of 32 bytes before anything stores it", () => {
    const error = sstErrorSync(() => newPassphrase({ SST_PASSPHRASE: "short" }));
    expect(error.code).toBe("E_PASSPHRASE_INVALID");
    expect(error.message).toBe("SST_PASSPHRASE is not base64 of 32 bytes.");
  });

  it("reports a .env that is a directory", () => {
    const dir = project({});
    mkdirSync(join(dir, ".env"));
    const error = sstErrorSync(() => readDotenv(dir));
    expect(error.code).toBe("E_DOTENV_INVALID");
    expect(error.message).toBe(`${join(dir, ".env")} could not be read: it is a directory.`);
  });
});
