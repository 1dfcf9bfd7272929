// The README's "Use this build in your own app", end to end and outside the repo: the pack script writes every
// package into a temp folder, the CLI is installed globally from its tarball (into a temp npm prefix), and in a
// fresh folder `sst init`, `sst add hello` and npm install resolve sst and @sst/* to those tarballs only (other
// dependencies from the registry, through the npm cache); `sst diff --offline` then shows the plugin's component.
import { execFileSync, type ExecFileSyncOptions } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sstAsync } from "./_registry.js";
import { canUnplugNetwork, type CliResult } from "./run-cli.js";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const CLI_VERSION: string = JSON.parse(readFileSync(join(ROOT, "cli", "package.json"), "utf8")).version;
const tmp = mkdtempSync(join(tmpdir(), "sst-own-app-"));
const packs = join(tmp, "packs");
const prefix = join(tmp, "global");
const app = join(tmp, "my-app");
const globalSst = join(prefix, "lib", "node_modules", "sst", "bin", "sst.js");
// Installs may use the registry, but prefer the npm cache (the repo's own install filled it).
const env = { SST_CONFIG_DIR: join(tmp, "config"), SST_STAGE: "demo", npm_config_prefer_offline: "true", npm_config_update_notifier: "false" };
const run = (bin: string, args: string[], offline = false) => sstAsync(args, { cwd: app, bin, env, offline });
const ok = (r: CliResult) => {
  if (r.code !== 0) throw new Error(`exit ${r.code}\nstdout: ${r.stdout}\nstderr: ${r.stderr}`);
  return r.stdout;
};

beforeAll(() => {
  const quiet: ExecFileSyncOptions = { cwd: ROOT, stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, ...env } };
  execFileSync(process.execPath, [join(ROOT, "scripts", "pack.mjs"), "--out", packs], quiet);
  execFileSync("npm", ["install", "-g", "--prefix", prefix, join(packs, `sst-${CLI_VERSION}.tgz`), "--no-audit", "--no-fund", "--loglevel=error"], quiet);
  mkdirSync(app);
}, 300_000);
afterAll(() => rmSync(tmp, { recursive: true, force: true }), 300_000);

describe("this build in an app outside the repo", () => {
  it("the pack folder indexes every package, each tarball depending on the others by file: path", () => {
    const index = JSON.parse(readFileSync(join(packs, "index.json"), "utf8"));
    const names = index.packages.map((p: { name: string }) => p.name).sort();
    expect(names).toEqual(["@sst-examples/plugin-hello", "@sst/aws", "@sst/cloudflare", "@sst/core", "@sst/live", "@sst/sdk", "@sst/vercel-dns", "sst"]);
    for (const entry of index.packages) expect(existsSync(join(packs, entry.file))).toBe(true);
    const cli = index.packages.find((p: { name: string }) => p.name === "sst");
    expect(cli.dependencies["@sst/core"]).toBe(`file:${join(packs, `sst-core-${CLI_VERSION}.tgz`)}`);
    expect(index.packages.find((p: { name: string }) => p.name === "@sst-examples/plugin-hello").plugin).toBe("hello");
  });

  it("sst init, sst add hello, then sst diff --offline shows the plugin's component, all from the local tarballs", async () => {
    expect(app.startsWith(ROOT)).toBe(false);
    expect(ok(await run(globalSst, ["--version"])).trim()).toBe(`sst ${CLI_VERSION}`);

    // No SST_PACKAGES: the globally installed CLI knows the pack folder it came from.
    const init = ok(await run(globalSst, ["init", "--yes", "--home", "local"]));
    expect(init).toContain(`Added sst to devDependencies in package.json (this build: file:${join(packs, `sst-${CLI_VERSION}.tgz`)})`);
    const add = ok(await run(globalSst, ["add", "hello"]));
    expect(add).toContain("Added hello() from @sst-examples/plugin-hello to plugins in sst.config.ts");
    const config = readFileSync(join(app, "sst.config.ts"), "utf8");
    expect(config).toContain('import { hello } from "@sst-examples/plugin-hello";');
    expect(config).toContain("plugins: [hello()],");

    // Every sst and @sst package in the app's lock is a local tarball; nothing came from the registry under those names.
    const lock = JSON.parse(readFileSync(join(app, "package-lock.json"), "utf8")).packages as Record<string, { resolved?: string; version?: string }>;
    const ours = Object.entries(lock).filter(([path]) => /node_modules\/(sst|@sst\/[^/]+|@sst-examples\/[^/]+)$/.test(path));
    expect(ours.map(([path]) => path).sort()).toEqual([
      "node_modules/@sst-examples/plugin-hello",
      "node_modules/@sst/core",
      "node_modules/@sst/sdk",
      "node_modules/sst",
    ]);
    for (const [path, entry] of ours) {
      // npm records file: paths relative to the app.
      expect(entry.resolved, path).toMatch(/^file:.*\.tgz$/);
      expect(dirname(resolve(app, entry.resolved!.slice("file:".length))), path).toBe(packs);
      expect(entry.version, path).toBe(CLI_VERSION);
    }

    // The user writes a component of the plugin; both the app's own sst and the global one show it with no network.
    writeFileSync(join(app, "sst.config.ts"), config.replace("    // Your resources go here, for example:\n", '    new sst.hello.Greeting("Hi", { to: "you" });\n'));
    const offline = canUnplugNetwork();
    for (const bin of [join(app, "node_modules", "sst", "bin", "sst.js"), globalSst]) {
      const diff = ok(await run(bin, ["diff", "--offline"], offline));
      expect(diff).toContain("my-app (stage: demo)");
      expect(diff).toMatch(/Hi sst:hello:Greeting\n\s+└─ HiMessage pulumi-nodejs:dynamic\/hello:Message\s+greeting="Hello" to="you"/);
    }

    // A new pack of the same version (here: the plugin's tarball with one more file) reaches the app through sst upgrade.
    const unpacked = join(tmp, "unpacked");
    mkdirSync(unpacked);
    execFileSync("tar", ["-xzf", join(packs, `sst-examples-plugin-hello-${CLI_VERSION}.tgz`), "-C", unpacked]);
    writeFileSync(join(unpacked, "package", "dist", "REPACKED"), "yes\n"); // in a folder its `files` packs
    execFileSync("npm", ["pack", join(unpacked, "package"), "--pack-destination", packs, "--ignore-scripts", "--loglevel=error"], { cwd: tmp, stdio: "pipe" });
    expect(ok(await run(globalSst, ["upgrade"]))).toContain(`sst ${CLI_VERSION} → ${CLI_VERSION} (this build, from ${packs}); also @sst-examples/plugin-hello`);
    expect(existsSync(join(app, "node_modules", "@sst-examples", "plugin-hello", "dist", "REPACKED"))).toBe(true);
  }, 300_000);
});
