import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { canUnplugNetwork, sst, type CliResult } from "./run-cli.js";

const repo = join(import.meta.dirname, "..", "..");
const example = join(repo, "examples", "app-hello");
// Inside the repo, so a fixture's imports (plugin-hello, @sst/core) resolve against its node_modules.
const scratch = mkdtempSync(join(repo, "cli", "test", ".tmp-plugin-commands-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
const offline = canUnplugNetwork();

function app(name: string, files: Record<string, string>): string {
  const dir = join(scratch, name);
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

const config = (body: { imports?: string; plugins?: string; name?: string }) => `${body.imports ?? ""}
export default $config({
  plugins: [${body.plugins ?? ""}],
  app() { return { name: "${body.name ?? "cmd-test"}", home: "local" }; },
  async run() { return {}; },
});
`;

const dependsOn = (...names: string[]) => JSON.stringify({ name: "app", private: true, dependencies: Object.fromEntries(names.map((n) => [n, "*"])) });

/** A plugin package in the fixture's node_modules: its manifest and its code. */
const pluginPackage = (name: string, commands: Record<string, unknown>, registered: string) => ({
  [`node_modules/${name}/package.json`]: JSON.stringify({ name, type: "module", main: "index.js", sst: { commands } }),
  [`node_modules/${name}/index.js`]: `export default () => ({ name: ${JSON.stringify(name)}, apply(kernel) { ${registered} } });\n`,
});

/** Exit 1 with exactly one `✕` line and no stack trace; returns that line. */
function oneLineError(r: CliResult): string {
  expect(r.code, r.stderr).toBe(1);
  expect(r.stderr.trimEnd().split("\n")[0]).toMatch(/^✕ /);
  expect(r.stderr).not.toMatch(/\n\s+at /);
  return r.stderr.trimEnd();
}

describe("sst --help with plugins", () => {
  it("lists core commands, plugin-hello's command and the first-party ones, offline and without loading the kernel or Pulumi", () => {
    const r = sst(["--help"], {
      cwd: example,
      offline,
      env: { NODE_OPTIONS: `--import=${join(import.meta.dirname, "fixtures", "light-only", "preload.mjs")}`, NO_COLOR: "1" },
    });
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^\s+deploy\s+Deploy your application/m);
    expect(r.stdout).toMatch(/^\s+types\s+Generate sst-env\.d\.ts/m);
    expect(r.stdout).toMatch(/^\s+hello\s+Print a greeting with the hello plugin's greeting word \(@sst-examples\/plugin-hello\)/m);
    expect(r.stdout).toMatch(/^\s+dev\s+Run your app in dev mode \(needs its plugin: sst add live\)/m);
    expect(r.stdout).toMatch(/^\s+tunnel\s+.*\(needs its plugin: sst add tunnel\)/m);
  });

  it("the light-only guard does catch a command that loads the kernel", () => {
    const r = sst(["types", "--stage", "t"], {
      cwd: example,
      env: { NODE_OPTIONS: `--import=${join(import.meta.dirname, "fixtures", "light-only", "preload.mjs")}` },
    });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("light-only:");
  });

  it("prints a plugin command's flags and examples from its manifest", () => {
    const r = sst(["hello", "--help"], { cwd: example, env: { NO_COLOR: "1" } });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("--to=<name>");
    expect(r.stdout).toContain("Who to greet");
    expect(r.stdout).toContain("--loud");
    expect(r.stdout).toContain("--stage=<name>");
    expect(r.stdout).toContain("EXAMPLES\n\n  sst hello ");
  });

  it("refuses a package whose command has a core command's name, naming the package", () => {
    const dir = app("clash-core", {
      "package.json": dependsOn("evil-plugin"),
      "sst.config.ts": config({}),
      ...pluginPackage("evil-plugin", { deploy: { description: "Not the real deploy" } }, ""),
    });
    expect(oneLineError(sst(["--help"], { cwd: dir }))).toContain("✕ Plugin evil-plugin adds the command `sst deploy`, which is a core command.");
  });

  it("refuses a third-party `sst dev`: the name belongs to @sst/live", () => {
    const dir = app("clash-dev", {
      "package.json": dependsOn("fake-live"),
      "sst.config.ts": config({}),
      ...pluginPackage("fake-live", { dev: { description: "Not live" } }, ""),
    });
    expect(oneLineError(sst(["--help"], { cwd: dir }))).toContain("✕ Plugin fake-live adds the command `sst dev`, which belongs to @sst/live.");
  });
});

describe("running a plugin command", () => {
  const greet = app("greet", {
    "package.json": dependsOn("@sst-examples/plugin-hello"),
    "sst.config.ts": config({ name: "greet", imports: 'import { hello } from "@sst-examples/plugin-hello";', plugins: 'hello({ greeting: "Hi" })' }),
  });

  it("runs `sst hello` with the app loaded: the plugin's option, the flags, the app and the stage", () => {
    const r = sst(["hello", "--to", "Ada", "--stage", "t1"], { cwd: greet, offline });
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(r.stdout).toBe("Hi, Ada! (from greet, stage t1)\n");
    expect(sst(["hello", "--loud", "--stage", "t1"], { cwd: greet }).stdout).toBe("HI, WORLD! (from greet, stage t1)\n");
  });

  it("checks a plugin command's flags before loading the app", () => {
    expect(oneLineError(sst(["hello", "--too", "Ada", "--stage", "t1"], { cwd: greet }))).toContain('Unknown flag "--too" for `sst hello`');
  });

  it.each([
    ["dev", "@sst/live", "sst add live"],
    ["tunnel", "@sst/tunnel", "sst add tunnel"],
  ])("`sst %s` without its plugin names the package and the command that adds it, in one line", (command, pkg, add) => {
    const r = sst([command, "--stage", "t1"], { cwd: greet });
    // The message is one line; the stable error code follows it, indented, as for every user error.
    expect(oneLineError(r)).toBe(
      `✕ \`sst ${command}\` comes from the ${pkg} plugin, which this app does not have: run \`${add}\`.\n  error code E_COMMAND_PLUGIN_MISSING`,
    );
  });

  it("says so when the app depends on the plugin's package but its config does not use the plugin", () => {
    const dir = app("unused", { "package.json": dependsOn("@sst-examples/plugin-hello"), "sst.config.ts": config({}) });
    const error = oneLineError(sst(["hello", "--stage", "t1"], { cwd: dir }));
    expect(error).toContain("✕ `sst hello` comes from the plugin in @sst-examples/plugin-hello, which sst.config.ts does not use.");
    expect(error).toContain("plugins: [...]");
  });

  it("refuses to run a command whose package.json describes it differently from what the plugin registers", () => {
    const dir = app("drift", {
      "package.json": dependsOn("drifty"),
      "sst.config.ts": config({ imports: 'import drifty from "drifty";', plugins: "drifty()" }),
      ...pluginPackage("drifty", { drifty: { description: "Old words" } }, 'kernel.registry.command({ name: "drifty", description: "New words", run() {} });'),
    });
    expect(oneLineError(sst(["drifty", "--stage", "t1"], { cwd: dir }))).toContain(
      '✕ drifty: its package.json describes `sst drifty` differently from the command plugin "drifty" registers.',
    );
  });

  it("refuses a plugin that registers a core command's name, naming the plugin, whatever command runs", () => {
    const dir = app("registers-deploy", {
      "package.json": dependsOn(),
      "sst.config.ts": config({ plugins: '{ name: "sneaky", apply(kernel) { kernel.registry.command({ name: "deploy", description: "x", run() {} }); } }' }),
    });
    expect(oneLineError(sst(["types", "--stage", "t1"], { cwd: dir }))).toContain(
      '✕ Plugin "sneaky" adds the command `sst deploy`, which is a core command.',
    );
  });
});
