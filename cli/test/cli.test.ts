import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { canUnplugNetwork, sst } from "./run-cli.js";

const repo = join(import.meta.dirname, "..", "..");
const example = join(repo, "examples", "app-hello");
// Fixtures live inside the repo so their imports resolve against its node_modules.
const scratch = mkdtempSync(join(repo, "cli", "test", ".tmp-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function app(name: string, config: string): string {
  const dir = join(scratch, name);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, "sst.config.ts"), config);
  return dir;
}

const offline = canUnplugNetwork();
if (!offline) console.warn("unshare -rn is not available here: the network-unplugged runs use the normal network");

describe("sst --help and version", () => {
  it("prints the command list and exits 0 with the network unplugged and no Pulumi on PATH", () => {
    const r = sst(["--help"], { cwd: scratch, offline });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("USAGE");
    expect(r.stdout).toMatch(/diff/);
    expect(r.stdout).toMatch(/version/);
  });

  it("prints a command's flags and examples under `<command> --help`", () => {
    const r = sst(["diff", "--help"], { cwd: scratch });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("--offline");
    expect(r.stdout).toContain("EXAMPLES");
  });

  it("prints the CLI version", () => {
    const r = sst(["version"], { cwd: scratch });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^sst \d+\.\d+\.\d+/);
  });
});

describe("usage errors", () => {
  it("rejects an unknown command with one line and exit 1", () => {
    const r = sst(["deplyo"], { cwd: scratch });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('Unknown command "deplyo"');
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it("rejects an unknown flag, naming it and the command", () => {
    const r = sst(["diff", "--offlin"], { cwd: scratch });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('Unknown flag "--offlin" for `sst diff`');
  });
});

describe("sst diff --offline", () => {
  it("prints the resource tree of the example with the network unplugged and no Pulumi CLI", () => {
    const r = sst(["diff", "--offline", "--stage", "cli-test"], { cwd: example, offline });
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("app-hello (stage: cli-test)");
    expect(r.stdout).toMatch(/├─ Greeting sst:hello:Greeting\n│  └─ GreetingMessage pulumi-nodejs:dynamic\/hello:Message/);
    expect(r.stdout).toContain("greeting: Hello, world!");
    // The secret's value never reaches the output.
    expect(r.stdout).toContain("apiKey: [secret]");
    expect(r.stdout).not.toContain("placeholder-key");
  });

  it("prints JSON: one {urn, type, name, parent, inputs} per resource", () => {
    const r = sst(["diff", "--offline", "--json", "--stage", "cli-test"], { cwd: example, offline });
    expect(r.code).toBe(0);
    const rows = JSON.parse(r.stdout) as Record<string, unknown>[];
    const message = rows.find((row) => row.name === "GreetingMessage")!;
    expect(Object.keys(message).sort()).toEqual(["inputs", "name", "parent", "type", "urn"]);
    expect(message.urn).toBe(
      "urn:pulumi:cli-test::app-hello::sst:hello:Greeting$pulumi-nodejs:dynamic/hello:Message::GreetingMessage",
    );
    expect(message.parent).toBe("urn:pulumi:cli-test::app-hello::sst:hello:Greeting::Greeting");
    expect(message.inputs).toMatchObject({ greeting: "Hello", to: "world" });
    expect(JSON.stringify(rows)).not.toContain("placeholder-key");
  });

  it("keeps only the named components under --target", () => {
    const r = sst(["diff", "--offline", "--target", "Settings", "--stage", "cli-test"], { cwd: example });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("Settings sst:sst:Linkable");
    expect(r.stdout).not.toContain("Greeting sst:hello:Greeting");
  });

  it("reports a syntax error as file:line:column, exit 1, no stack trace", () => {
    const dir = app("syntax", `export default $config({\n  app() { return { name: "x", home: "local" } },\n  async run() { const = 1 }\n});\n`);
    const r = sst(["diff", "--offline", "--stage", "t"], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/sst\.config\.ts:3:\d+: /);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(r.stdout).toBe("");
  });

  it("reports an error thrown in run() at its line in sst.config.ts", () => {
    const dir = app("throws", `export default $config({\n  app() { return { name: "x", home: "local" } },\n  async run() {\n    throw new Error("boom");\n  },\n});\n`);
    const r = sst(["diff", "--offline", "--stage", "t"], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/sst\.config\.ts:4:\d+: boom/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it("shows the stack of an error only with --verbose", () => {
    const dir = app("verbose", `export default $config({\n  app() { return { name: "x", home: "local" } },\n  async run() {\n    throw new Error("boom");\n  },\n});\n`);
    const r = sst(["diff", "--offline", "--stage", "t", "--verbose"], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/\n\s+at /);
  });

  it("reports every config problem at once", () => {
    const dir = app("invalid", `export default $config({\n  app() { return { name: "1bad", removal: "keep" } as any },\n  async run() {},\n});\n`);
    const r = sst(["diff", "--offline", "--stage", "t"], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('App name "1bad" is not valid');
    expect(r.stderr).toContain("must return a `home`");
    expect(r.stderr).toContain('removal "keep" is not valid');
  });

  it("explains that diff without --offline needs the engine, and what works without one", () => {
    const r = sst(["diff", "--stage", "t"], { cwd: example });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("needs the Pulumi engine");
    expect(r.stderr).toContain("sst diff --offline");
  });
});
