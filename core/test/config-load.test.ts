import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { Kernel, findConfig, loadApp, type LoadOptions } from "@sst/core";
import { fixture, removeFixture, sstError } from "./_helpers.js";

const dirs: string[] = [];
afterAll(() => dirs.forEach(removeFixture));

/** A project under core/test/.tmp (so `@pulumi/pulumi` resolves against the repo's node_modules). */
function project(files: Record<string, string>): string {
  const dir = fixture("load", files);
  dirs.push(dir);
  return dir;
}

const VALID = `export default $config({
  app(input) {
    return { name: "loaded", home: "local", removal: input.stage === "production" ? "retain" : "remove" };
  },
  async run() {
    return { ok: true };
  },
  console: { autodeploy: { target: "x" } },
});
`;

const load = (cwd: string, options: Partial<LoadOptions> = {}) =>
  loadApp({ kernel: new Kernel(), stage: "dev", cliVersion: "0.1.0", cwd, ...options });

describe("finding sst.config.ts", () => {
  it("walks up from a nested working directory", async () => {
    const root = project({ "sst.config.ts": VALID, "packages/web/src/index.ts": "" });
    const loaded = await load(join(root, "packages/web/src"));
    expect(loaded.configPath).toBe(join(root, "sst.config.ts"));
    expect(loaded.root).toBe(root);
    expect(loaded.app.name).toBe("loaded");
  });

  it("uses --config, relative to the working directory, over what the walk would find", async () => {
    const root = project({ "sst.config.ts": VALID.replace('"loaded"', '"outer"'), "infra/sst.config.ts": VALID });
    const loaded = await load(root, { config: "infra/sst.config.ts" });
    expect(loaded.configPath).toBe(join(root, "infra/sst.config.ts"));
    expect(loaded.root).toBe(join(root, "infra"));
    expect(loaded.app.name).toBe("loaded");
  });

  it("reports a --config that does not exist or is a directory", async () => {
    const root = project({ "infra/.keep": "" });
    for (const config of ["missing.ts", "infra"]) {
      const error = await sstError(() => findConfig({ cwd: root, config }));
      expect(error.code).toBe("E_CONFIG_NOT_FOUND");
      expect(error.message).toBe(`--config ${config}: no such file (${join(root, config)}).`);
    }
  });

  it("reports a missing config, naming the directory searched and how to create one", async () => {
    const root = project({ "src/index.ts": "" });
    const error = await sstError(() => findConfig({ cwd: join(root, "src") }));
    expect(error.code).toBe("E_CONFIG_NOT_FOUND");
    expect(error.message).toBe(`Could not find sst.config.ts in ${join(root, "src")} or any parent directory.`);
    expect(error.hint).toBe("Run `sst init` to create one, or pass --config <path>.");
  });

  it.each([
    ["config.ts", VALID],
    ["config.json", "{ not json"],
    ["config.cjs", "globalThis.__sstGlobalConfigRan = true;"],
  ])("neither uses nor reads a %s in the user's global config directory", async (file, content) => {
    const globalDir = project({ [`sst/${file}`]: content });
    const root = project({ "src/index.ts": "" });
    const before = process.env.XDG_CONFIG_HOME;
    process.env.XDG_CONFIG_HOME = globalDir;
    try {
      expect((await sstError(() => findConfig({ cwd: root }))).code).toBe("E_CONFIG_NOT_FOUND");
    } finally {
      if (before === undefined) delete process.env.XDG_CONFIG_HOME;
      else process.env.XDG_CONFIG_HOME = before;
    }
    expect((globalThis as Record<string, unknown>).__sstGlobalConfigRan).toBeUndefined();
  });
});

describe("compiling and evaluating", () => {
  it("calls app() with the stage and returns the validated app, run and console", async () => {
    const loaded = await load(project({ "sst.config.ts": VALID }), { stage: "production" });
    expect(loaded.app).toEqual({ name: "loaded", stage: "production", home: "local", removal: "retain", protect: false, providers: {}, version: undefined });
    expect(await loaded.run()).toEqual({ ok: true });
    expect(loaded.console).toEqual({ autodeploy: { target: "x" } });
  });

  it("allows top-level imports: local files are bundled, packages stay external", async () => {
    const root = project({
      "sst.config.ts": `import * as pulumi from "@pulumi/pulumi";
import { appName } from "./infra/names";
export default $config({
  app() {
    return { name: appName(typeof pulumi.interpolate), home: "local" };
  },
  async run() {},
});
`,
      "infra/names.ts": `export function appName(kind: string): string {\n  return "from-local-" + kind;\n}\n`,
    });
    const before = process.env.SST_NO_CLEANUP;
    process.env.SST_NO_CLEANUP = "1";
    let compiled: string;
    try {
      expect((await load(root)).app.name).toBe("from-local-function");
      const platform = join(root, ".sst", "platform");
      const [file] = readdirSync(platform).filter((f) => f.endsWith(".mjs"));
      compiled = readFileSync(join(platform, file!), "utf8");
    } finally {
      if (before === undefined) delete process.env.SST_NO_CLEANUP;
      else process.env.SST_NO_CLEANUP = before;
    }
    expect(compiled).toContain('"from-local-" + kind');
    expect(compiled).toMatch(/from "@pulumi\/pulumi"/);
    expect(compiled).not.toContain("registerStackTransformation");
  });

  it("removes the compiled file after loading", async () => {
    const root = project({ "sst.config.ts": VALID });
    await load(root);
    expect(readdirSync(join(root, ".sst", "platform")).filter((f) => f.endsWith(".mjs"))).toEqual([]);
  });

  it("reports a syntax error as E_CONFIG_COMPILE at sst.config.ts:<line>:<column>", async () => {
    const root = project({
      "sst.config.ts": `export default $config({\n  app() { return { name: "x", home: "local" } },\n  async run() { const = 1 }\n});\n`,
    });
    const error = await sstError(() => load(root));
    expect(error.code).toBe("E_CONFIG_COMPILE");
    expect(error.location).toBe("sst.config.ts:3:23");
    expect(error.message).toBe('sst.config.ts:3:23: Expected identifier but found "="');
    expect(error.message).not.toContain(root);
  });

  it("points a syntax error in an imported local file at that file", async () => {
    const root = project({
      "sst.config.ts": `import { x } from "./lib/x";\nexport default $config({ app() { return { name: x, home: "local" } }, async run() {} });\n`,
      "lib/x.ts": `export const x = ;\n`,
    });
    const error = await sstError(() => load(root));
    expect(error.code).toBe("E_CONFIG_COMPILE");
    expect(error.location).toMatch(/^lib\/x\.ts:1:\d+$/);
  });

  it("reports an error thrown in app() as E_CONFIG_RUNTIME at its line in sst.config.ts", async () => {
    const root = project({
      "sst.config.ts": `export default $config({\n  app() {\n    throw new Error("no app for you");\n  },\n  async run() {},\n});\n`,
    });
    const error = await sstError(() => load(root));
    expect(error.code).toBe("E_CONFIG_RUNTIME");
    expect(error.location).toMatch(/^sst\.config\.ts:3:\d+$/);
    expect(error.message).toBe(`${error.location}: no app for you`);
    expect((error.cause as Error).message).toBe("no app for you");
  });

  it("reports an error thrown while the module loads at its line", async () => {
    const root = project({
      "sst.config.ts": `const settings: any = undefined;\nconst region = settings.region;\nexport default $config({ app() { return { name: region, home: "local" } }, async run() {} });\n`,
    });
    const error = await sstError(() => load(root));
    expect(error.code).toBe("E_CONFIG_RUNTIME");
    expect(error.location).toMatch(/^sst\.config\.ts:2:\d+$/);
  });

  it("reports an error thrown in run() as E_RUN_FAILED at its line", async () => {
    const root = project({
      "sst.config.ts": `// a comment, so lines differ from the compiled file\nexport default $config({\n  app() { return { name: "x", home: "local" } },\n  async run() {\n    throw new Error("boom");\n  },\n});\n`,
    });
    const loaded = await load(root);
    const error = await sstError(() => loaded.run());
    expect(error.code).toBe("E_RUN_FAILED");
    expect(error.location).toMatch(/^sst\.config\.ts:5:\d+$/);
    expect(error.message).toMatch(/^sst\.config\.ts:5:\d+: boom$/);
  });

  it("rejects an SST v2 config", async () => {
    for (const source of [
      `export const config = () => ({ name: "x" });\nexport const stacks = () => {};\n`,
      `export default { config() { return { name: "x" } }, stacks() {} };\n`,
    ]) {
      const error = await sstError(() => load(project({ "sst.config.ts": source })));
      expect(error.code).toBe("E_CONFIG_V2");
      expect(error.message).toBe("sst.config.ts looks like an SST v2 config (it exports `config`/`stacks`).");
      expect(error.hint).toContain("export default $config(");
    }
  });

  it.each([
    ["no default export", `export const x = 1;\n`],
    ["no run()", `export default $config({ app() { return { name: "x", home: "local" } } } as any);\n`],
    ["no app()", `export default $config({ async run() {} } as any);\n`],
  ])("rejects a config with %s", async (_what, source) => {
    const error = await sstError(() => load(project({ "sst.config.ts": source })));
    expect(error.code).toBe("E_CONFIG_SHAPE");
    expect(error.message).toBe("sst.config.ts must `export default $config({ app(input) { ... }, async run() { ... } })`.");
    expect(error.hint).toBe("Both app() and run() are required.");
  });

  it("validates what app() returned, reporting every problem", async () => {
    const root = project({ "sst.config.ts": `export default $config({ app() { return { name: "1x", home: "G C P" } as any }, async run() {} });\n` });
    const error = await sstError(() => load(root));
    expect(error.problems.map((p) => p.code)).toEqual(["E_CONFIG_NAME_INVALID", "E_CONFIG_HOME_INVALID"]);
  });

  it("checks the app's version range against the running CLI", async () => {
    const root = project({ "sst.config.ts": `export default $config({ app() { return { name: "x", home: "local", version: ">= 2.0.0" } }, async run() {} });\n` });
    expect((await sstError(() => load(root, { cliVersion: "1.5.0" }))).code).toBe("E_CONFIG_VERSION_MISMATCH");
    expect((await load(root, { cliVersion: "2.1.0" })).app.version).toBe(">= 2.0.0");
  });
});

describe("plugins and the config hook", () => {
  it("applies the plugins listed in the config before app() runs", async () => {
    const root = project({
      "sst.config.ts": `const seen: string[] = [];
export default $config({
  plugins: [{ name: "from-config", apply(kernel: any) {
    seen.push("applied");
    kernel.hooks.config.tap("from-config", (app: any) => ({ ...app, removal: "retain-all" }));
  } }],
  app() { return { name: seen.join("-") || "not-applied", home: "local" }; },
  async run() {},
});
`,
    });
    const kernel = new Kernel();
    const loaded = await load(root, { kernel });
    expect(loaded.app.name).toBe("applied");
    expect(loaded.app.removal).toBe("retain-all");
    expect(kernel.plugin("from-config")).toBeDefined();
  });

  it("does not apply a config plugin the kernel already has", async () => {
    const root = project({
      "sst.config.ts": `export default $config({ plugins: [{ name: "dup", apply() { throw new Error("applied twice"); } }], app() { return { name: "x", home: "local" } }, async run() {} });\n`,
    });
    const kernel = new Kernel({ plugins: [{ name: "dup", apply() {} }] });
    expect((await load(root, { kernel })).app.name).toBe("x");
  });

  it("lets the config hook change the app, with the config's path and the command", async () => {
    const root = project({ "sst.config.ts": VALID });
    const kernel = new Kernel();
    let context: unknown;
    kernel.hooks.config.tap("p", (app, ctx) => {
      context = ctx;
      return { ...app, protect: true, providers: { ...app.providers, random: { version: "4.0.0" } } };
    });
    const loaded = await load(root, { kernel, command: "deploy" });
    expect(loaded.app.protect).toBe(true);
    expect(loaded.app.providers).toEqual({ random: { version: "4.0.0" } });
    expect(context).toEqual({ configPath: join(root, "sst.config.ts"), command: "deploy" });
  });

  it("validates again what the config hook returned", async () => {
    const root = project({ "sst.config.ts": VALID });
    const kernel = new Kernel();
    kernel.hooks.config.tap("breaks-it", (app) => ({ ...app, name: "not valid!", removal: "sometimes" as never }));
    const error = await sstError(() => load(root, { kernel }));
    expect(error.problems.map((p) => p.code)).toEqual(["E_CONFIG_NAME_INVALID", "E_CONFIG_REMOVAL_INVALID"]);
  });

  it("keeps the resolved stage even if a config tap changes it", async () => {
    const root = project({ "sst.config.ts": VALID });
    const kernel = new Kernel();
    kernel.hooks.config.tap("stage", (app) => ({ ...app, stage: "production" }));
    expect((await load(root, { kernel, stage: "dev" })).app.stage).toBe("dev");
  });

  it("leaves no compiled file behind when loading fails", async () => {
    const root = project({ "sst.config.ts": `export default $config({ app() { throw new Error("x"); }, async run() {} });\n` });
    await sstError(() => load(root));
    const platform = join(root, ".sst", "platform");
    expect(existsSync(platform) ? readdirSync(platform).filter((f) => f.endsWith(".mjs")) : []).toEqual([]);
  });
});
