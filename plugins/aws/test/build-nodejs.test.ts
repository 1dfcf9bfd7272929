/**
 * The Node.js builder, for real: the fixture app built through the kernel's build owner with the aws plugin, its
 * package zipped, unzipped in a directory of its own and its handler invoked in a child Node process.
 */
import { existsSync, lstatSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { SourceMap } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { SSTError, type Artifact, type BuildEvent } from "@sst/core";
import { zipDirectory } from "@sst/aws";
import { buildFunctions, invoke, nodeApp, unzip } from "./_node.js";

const TEXT = { loader: { ".txt": "text" } };

let app: ReturnType<typeof nodeApp>;
beforeEach(() => {
  app = nodeApp();
});
afterEach(() => app.remove());

/** Zips the artifact, unzips it into a fresh directory (as Lambda's /var/task) and invokes its handler there. */
async function deployAndInvoke(artifact: Artifact, event: unknown = {}, nodeOptions: string[] = []) {
  const zip = await zipDirectory(artifact.dir, join(app.base, `${artifact.hash}.zip`));
  const task = mkdtempSync(join(tmpdir(), "sst-task-"));
  try {
    await unzip(zip.path, task);
    return invoke(task, artifact.handler, event, nodeOptions);
  } finally {
    rmSync(task, { recursive: true, force: true });
  }
}

async function buildError(requests: Parameters<typeof buildFunctions>[1]): Promise<SSTError> {
  const error = await buildFunctions(app.root, requests).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(SSTError);
  return error as SSTError;
}

describe("bundling a Node.js handler with esbuild", () => {
  it("bundles the handler with its local module and a CommonJS package into an ESM .mjs that runs on its own", async () => {
    const { Api } = await buildFunctions(app.root, { Api: { handler: "src/api.handler", properties: { nodejs: TEXT } } });
    expect(Api!.handler).toBe("src/api.handler");
    expect(Api!.dir).toBe(join(app.root, ".sst", "artifacts", "Api", "bundle"));
    const bundle = readFileSync(join(Api!.dir, "src", "api.mjs"), "utf8");
    expect(bundle).toMatch(/^import \{ createRequire as __sst_createRequire \} from "node:module";/);
    expect(bundle).not.toContain("TREE_SHAKEN_AWAY_MARKER");
    const { result, stderr } = await deployAndInvoke(Api!, { name: "Ada" });
    expect(stderr).toBe("");
    expect(result).toEqual({
      greeting: "Hello, Ada!",
      joined: "a/b",
      depDirname: "string",
      message: "hello from a text file",
      flavor: "plain",
      banner: false,
      requestId: "req-1",
    });
  });

  it('builds CommonJS with nodejs.format "cjs": a .js file, no ESM banner, loaded with require', async () => {
    const { Api } = await buildFunctions(app.root, { Api: { handler: "src/api.handler", properties: { nodejs: { ...TEXT, format: "cjs" } } } });
    expect(readdirSync(join(Api!.dir, "src"))).toEqual(["api.js"]);
    const bundle = readFileSync(join(Api!.dir, "src", "api.js"), "utf8");
    expect(bundle).not.toContain("__sst_createRequire");
    expect(bundle).not.toMatch(/^export /m);
    const { result } = await deployAndInvoke(Api!, { name: "Bob" });
    expect(result).toMatchObject({ greeting: "Hello, Bob!", joined: "a/b", depDirname: "string" });
  });

  it("applies banner, loader, minify: false and extra esbuild options", async () => {
    const nodejs = { ...TEXT, banner: "globalThis.BANNER_RAN = true;", minify: false, esbuild: { define: { "process.env.BUILD_FLAVOR": '"special"' } } };
    const { Api, Min } = await buildFunctions(app.root, {
      Api: { handler: "src/api.handler", properties: { nodejs } },
      Min: { handler: "src/api.handler", properties: { nodejs: TEXT } },
    });
    const { result } = await deployAndInvoke(Api!);
    expect(result).toMatchObject({ banner: true, flavor: "special", message: "hello from a text file" });
    const plain = readFileSync(join(Api!.dir, "src", "api.mjs"), "utf8");
    const minified = readFileSync(join(Min!.dir, "src", "api.mjs"), "utf8");
    expect(plain).toContain("function greet(name)");
    expect(minified).not.toContain("function greet(name)");
    expect(minified.length).toBeLessThan(plain.length);
  });

  it("puts a dynamically imported module in a chunk of its own with nodejs.splitting", async () => {
    const { Split } = await buildFunctions(app.root, { Split: { handler: "src/split.handler", properties: { nodejs: { splitting: true } } } });
    const chunks = readdirSync(join(Split!.dir, "chunks"));
    expect(chunks.some((c) => c.endsWith(".mjs"))).toBe(true);
    expect((await deployAndInvoke(Split!, { n: 21 })).result).toEqual({ doubled: 42 });
  });

  it("keeps source maps beside the package by default, mapping the bundle back to the source", async () => {
    const { Crash } = await buildFunctions(app.root, { Crash: { handler: "src/crash.handler" } });
    const bundle = readFileSync(join(Crash!.dir, "src", "crash.mjs"), "utf8");
    expect(bundle).not.toContain("sourceMappingURL");
    expect(readdirSync(join(Crash!.dir, "src"))).toEqual(["crash.mjs"]);
    const mapFile = join(Crash!.dir, "..", "sourcemaps", "src", "crash.mjs.map");
    const map = new SourceMap(JSON.parse(readFileSync(mapFile, "utf8")));
    const lines = bundle.split("\n");
    const line = lines.findIndex((l) => l.includes("CRASH_MARKER"));
    const entry = map.findEntry(line, lines[line]!.indexOf("CRASH_MARKER"));
    expect("originalSource" in entry && entry.originalSource).toMatch(/src\/crash\.ts$/);
    expect("originalLine" in entry && entry.originalLine).toBe(2); // 0-based: line 3 of crash.ts
  });

  it("puts linked source maps in the package with nodejs.sourcemap: true, so stack traces name the source file", async () => {
    const { Crash } = await buildFunctions(app.root, { Crash: { handler: "src/crash.handler", properties: { nodejs: { sourcemap: true } } } });
    expect(readdirSync(join(Crash!.dir, "src")).sort()).toEqual(["crash.mjs", "crash.mjs.map"]);
    const { result, stderr } = await deployAndInvoke(Crash!, {}, ["--enable-source-maps"]);
    expect(result).toBeUndefined();
    expect(stderr).toContain("crashed: CRASH_MARKER");
    expect(stderr).toMatch(/src\/crash\.ts:4:\d+/);
  });

  it("targets the runtime's Node.js version", async () => {
    writeFileSync(join(app.root, "src", "attrs.ts"), 'import config from "./config.json" with { type: "json" };\nexport const handler = async () => config;\n');
    const nodejs = { minify: false, esbuild: { external: ["*.json"] } };
    const { Old, New } = await buildFunctions(app.root, {
      Old: { handler: "src/attrs.handler", properties: { runtime: "nodejs18.x", nodejs } },
      New: { handler: "src/attrs.handler", properties: { runtime: "nodejs22.x", nodejs } },
    });
    // Import attributes are native in Node 22, not in Node 18: esbuild keeps them for node22 only.
    expect(readFileSync(join(New!.dir, "src", "attrs.mjs"), "utf8")).toContain('from "./config.json" with { type: "json" }');
    expect(readFileSync(join(Old!.dir, "src", "attrs.mjs"), "utf8")).toMatch(/from "\.\/config\.json";/);
  });
});

describe("what the package holds besides the bundle", () => {
  it("installs nodejs.install packages into node_modules/ (copied, not linked) instead of bundling them", async () => {
    const { Install } = await buildFunctions(app.root, { Install: { handler: "src/install.handler", properties: { nodejs: { install: ["tiny-install-pkg"] } } } });
    const installed = join(Install!.dir, "node_modules", "tiny-install-pkg");
    expect(lstatSync(installed).isSymbolicLink()).toBe(false);
    expect(JSON.parse(readFileSync(join(installed, "package.json"), "utf8")).version).toBe("1.2.3");
    expect(readFileSync(join(Install!.dir, "src", "install.mjs"), "utf8")).toMatch(/from\s*"tiny-install-pkg"/);
    expect(existsSync(join(Install!.dir, "node_modules", ".package-lock.json"))).toBe(false);
    expect((await deployAndInvoke(Install!, { word: "hey" })).result).toEqual({ shouted: "HEY!" });
  });

  it("fails nodejs.install of a package no package.json depends on, naming it", async () => {
    const error = await buildError({ Install: { handler: "src/install.handler", properties: { nodejs: { install: ["tiny-install-pkg", "left-pad"] } } } });
    expect(error.problems).toHaveLength(1);
    expect(error.problems[0]!.message).toMatch(/^Function "Install" \(nodejs\): nodejs\.install lists "left-pad", but no package\.json .* depends on it/);
    expect(existsSync(join(app.root, ".sst", "artifacts", "Install"))).toBe(false);
  });

  it("installs the version found in node_modules (what the lockfile pinned), and reports a failed npm install with npm's words", async () => {
    const name = "sst-fixture-absent-pkg";
    const manifest = JSON.parse(readFileSync(join(app.root, "package.json"), "utf8"));
    manifest.dependencies[name] = "^1.0.0";
    writeFileSync(join(app.root, "package.json"), JSON.stringify(manifest));
    mkdirSync(join(app.root, "node_modules", name), { recursive: true });
    writeFileSync(join(app.root, "node_modules", name, "package.json"), JSON.stringify({ name, version: "1.4.2" }));
    writeFileSync(join(app.root, "src", "pinned.ts"), `import x from "${name}";\nexport const handler = async () => x;\n`);
    // No registry: npm must fail, offline and at once.
    const saved = { registry: process.env.npm_config_registry, retries: process.env.npm_config_fetch_retries };
    process.env.npm_config_registry = "http://127.0.0.1:9/";
    process.env.npm_config_fetch_retries = "0";
    try {
      const error = await buildError({ Pinned: { handler: "src/pinned.handler", properties: { nodejs: { install: [name] } } } });
      expect(error.problems[0]!.message).toMatch(new RegExp(`^Function "Pinned" \\(nodejs\\): nodejs\\.install: npm install of ${name}@1\\.4\\.2 failed \\(exit \\d+\\):\\n.*\\S`, "s"));
    } finally {
      for (const [key, value] of [["npm_config_registry", saved.registry], ["npm_config_fetch_retries", saved.retries]] as const) {
        if (value === undefined) delete process.env[key];
        else process.env[key] = value;
      }
    }
  });

  it("puts linked source maps in the package of a dev build", async () => {
    const { Crash } = await buildFunctions(app.root, { Crash: { handler: "src/crash.handler" } }, [], true);
    expect(readdirSync(join(Crash!.dir, "src")).sort()).toEqual(["crash.mjs", "crash.mjs.map"]);
    expect(readFileSync(join(Crash!.dir, "src", "crash.mjs"), "utf8")).toContain("//# sourceMappingURL=crash.mjs.map");
  });

  it("copies copyFiles entries (files and directories, to their own path or to `to`) into the package", async () => {
    const copyFiles = [{ from: "assets/data.txt" }, { from: "assets", to: "static" }];
    const { Api } = await buildFunctions(app.root, { Api: { handler: "src/api.handler", properties: { nodejs: TEXT, copyFiles } } });
    expect(readFileSync(join(Api!.dir, "assets", "data.txt"), "utf8")).toBe("copied data\n");
    expect(readFileSync(join(Api!.dir, "static", "nested", "more.txt"), "utf8")).toBe("nested data\n");
  });

  it("fails a copyFiles entry whose source does not exist, naming it", async () => {
    const error = await buildError({ Api: { handler: "src/api.handler", properties: { nodejs: TEXT, copyFiles: [{ from: "assets/missing.txt" }] } } });
    expect(error.problems[0]!.message).toContain('copyFiles[0].from "assets/missing.txt" does not exist');
  });

  it("uses a `bundle` directory as the package as is", async () => {
    const { Pre } = await buildFunctions(app.root, { Pre: { handler: "index.handler", properties: { bundle: "prebuilt" } } });
    expect(readdirSync(Pre!.dir)).toEqual(["index.mjs"]);
    expect((await deployAndInvoke(Pre!)).result).toEqual({ prebuilt: true });
  });
});

describe("build errors and the cache", () => {
  it("reports an esbuild error located in the user's file", async () => {
    writeFileSync(join(app.root, "src", "broken.ts"), 'export const handler = async () => {\n  const x = 1;\n  return x +;\n};\n');
    const error = await buildError({ Broken: { handler: "src/broken.handler" } });
    expect(error.problems).toHaveLength(1);
    expect(error.problems[0]!.message).toMatch(/^Function "Broken" \(nodejs\): src\/broken\.ts:3:\d+: Unexpected ";"/);
  });

  it("reports a handler whose file does not exist, naming the extensions tried", async () => {
    const error = await buildError({ Gone: { handler: "src/gone.handler" } });
    expect(error.problems[0]!.message).toContain('handler "src/gone.handler": no file src/gone{.ts,.tsx,.mts,.cts,.js,.jsx,.mjs,.cjs}');
  });

  it("reuses the artifact when nothing it read changed, and rebuilds when an imported module changes", async () => {
    const request = { Api: { handler: "src/api.handler", properties: { nodejs: TEXT } } };
    const first = await buildFunctions(app.root, request);
    const events: BuildEvent[] = [];
    const second = await buildFunctions(app.root, request, events);
    expect(events.filter((e) => e.type === "end").map((e) => (e as { status: string }).status)).toEqual(["cached"]);
    expect(second.Api!.hash).toBe(first.Api!.hash);

    writeFileSync(join(app.root, "src", "lib", "greet.ts"), "export const greet = (name: string) => `Hi ${name}`;\n");
    const rebuilt: BuildEvent[] = [];
    const third = await buildFunctions(app.root, request, rebuilt);
    expect(rebuilt.filter((e) => e.type === "end").map((e) => (e as { status: string }).status)).toEqual(["built"]);
    expect(third.Api!.hash).not.toBe(first.Api!.hash);
    expect((await deployAndInvoke(third.Api!, { name: "Cy" })).result).toMatchObject({ greeting: "Hi Cy" });
  });

  it("gives a byte-identical zip when the function is built again from scratch", async () => {
    const request = {
      Install: { handler: "src/install.handler", properties: { nodejs: { install: ["tiny-install-pkg"] }, copyFiles: [{ from: "assets" }] } },
    };
    const first = await buildFunctions(app.root, request);
    const a = await zipDirectory(first.Install!.dir, join(app.base, "a.zip"));
    rmSync(join(app.root, ".sst"), { recursive: true, force: true });
    await new Promise((resolve) => setTimeout(resolve, 20)); // new files get new mtimes
    const second = await buildFunctions(app.root, request);
    const b = await zipDirectory(second.Install!.dir, join(app.base, "b.zip"));
    expect(b.hash).toBe(a.hash);
    expect(readFileSync(b.path).equals(readFileSync(a.path))).toBe(true);
  });
});
