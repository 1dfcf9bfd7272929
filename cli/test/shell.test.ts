import { chmodSync, mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { LocalHome, newPassphrase } from "@sst/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { APP, helloSandbox, stateFile } from "./app-hello.js";
import { ENGINE, sst, type Sandbox } from "./engine.js";

const suite = ENGINE ? describe : describe.skip;
const STAGE = "sh";

/** A child that prints its SST_RESOURCE_* and SETTINGS_STAGE variables as JSON, then exits with `code`. */
const printEnv = (code: number) => [
  "node",
  "-e",
  `const e = Object.fromEntries(Object.entries(process.env).filter(([k]) => k.startsWith("SST_RESOURCE") || k === "SETTINGS_STAGE"));
   console.log(JSON.stringify(e)); process.exit(${code});`,
];

suite("sst shell", () => {
  let box: Sandbox;
  const run = (args: string[], env: Record<string, string> = {}) => sst(box, ["shell", "--stage", STAGE, ...args], env);

  beforeAll(async () => {
    box = helloSandbox();
    const r = await sst(box, ["deploy", "--stage", STAGE]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
  });
  afterAll(() => box.cleanup());

  it("runs the command with every link as SST_RESOURCE_<Name>, secrets opened, and exits with its code", async () => {
    const r = await run(["--", ...printEnv(5)]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(5);
    const env = JSON.parse(r.stdout);
    expect(Object.keys(env).sort()).toEqual(["SST_RESOURCE_ApiKey", "SST_RESOURCE_App", "SST_RESOURCE_Greeting", "SST_RESOURCE_Settings"]);
    expect(JSON.parse(env.SST_RESOURCE_App)).toEqual({ name: APP, stage: STAGE });
    expect(JSON.parse(env.SST_RESOURCE_ApiKey)).toEqual({ type: "sst.sst.Secret", value: "placeholder-key" });
    expect(JSON.parse(env.SST_RESOURCE_Settings)).toEqual({ type: "sst.sst.Linkable", greeting: "Hello, world!", retries: 3, verbose: true });
    expect(JSON.parse(env.SST_RESOURCE_Greeting)).toEqual({ type: "sst.hello.Greeting", text: "Hello, world!" });
  });

  it("with --target gives only that component's link and its environment includes, without the engine", async () => {
    // No engine reachable: Settings holds no secret, so the state is enough.
    const r = await run(["--target", "Settings", "--", ...printEnv(0)], { SST_PULUMI_PATH: "", PATH: dirname(process.execPath) });
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    const env = JSON.parse(r.stdout);
    expect(Object.keys(env).sort()).toEqual(["SETTINGS_STAGE", "SST_RESOURCE_App", "SST_RESOURCE_Settings"]);
    expect(env.SETTINGS_STAGE).toBe(STAGE);
  });

  it("takes the command without -- and passes the child's arguments through untouched", async () => {
    writeFileSync(join(box.dir, "script.js"), 'console.log(process.env.SST_RESOURCE_Greeting + "|" + process.argv[2]);');
    const r = await run(["--target", "Greeting", "node", "script.js", "arg"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('{"text":"Hello, world!","type":"sst.hello.Greeting"}|arg\n');
    // A flag before `--` is sst's, so the child's flags go after it.
    const flagged = await run(["node", "-e", "1"]);
    expect(flagged.code).toBe(1);
    expect(flagged.stderr).toContain('Unknown flag "-e" for `sst shell`');
    const dashed = await run(["--target", "Greeting", "--", "sh", "-c", 'echo "$@"', "x", "--help", "--verbose"]);
    expect(dashed.code).toBe(0);
    expect(dashed.stdout).toBe("--help --verbose\n");
  });

  it("opens $SHELL when no command is given", async () => {
    const fake = join(box.dir, "fake-shell.sh");
    writeFileSync(fake, '#!/bin/sh\necho "shell sees $SST_RESOURCE_Settings"\nexit 4\n');
    chmodSync(fake, 0o755);
    const r = await run(["--target", "Settings"], { SHELL: fake });
    expect(r.code).toBe(4);
    expect(r.stdout).toContain('shell sees {"greeting":"Hello, world!"');
  });

  it("rejects an unknown --target with the close names", async () => {
    const r = await run(["--target", "Setings", "--", "true"]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("--target Setings: no linkable component by that name in the state; close names: Settings");
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it("reports a command that does not exist in one line", async () => {
    const r = await run(["--target", "Settings", "--", "no-such-command-xyz"]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^✕ Could not run "no-such-command-xyz": command not found\./);
  });
});

// These need no engine: they fail before it would start.
describe("sst shell errors", () => {
  let box: Sandbox;
  beforeAll(() => void (box = helloSandbox()));
  afterAll(() => box.cleanup());

  it("names an unknown stage and exits 1", async () => {
    const r = await sst(box, ["shell", "--stage", "nope", "--", "true"]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^✕ Stage "nope" of "app-hello" has no state/);
  });

  it("says to deploy first when the state holds no links", async () => {
    const home = new LocalHome({ dir: join(box.home, "state") });
    await home.createPassphrase({ app: APP, stage: "bare" }, newPassphrase());
    const stack = { urn: `urn:pulumi:bare::${APP}::pulumi:pulumi:Stack::${APP}-bare`, custom: false, type: "pulumi:pulumi:Stack" };
    mkdirSync(dirname(stateFile(box, "bare")), { recursive: true });
    writeFileSync(stateFile(box, "bare"), JSON.stringify({ version: 3, checkpoint: { stack: `organization/${APP}/bare`, latest: { resources: [stack] } } }));
    const r = await sst(box, ["shell", "--stage", "bare", "--", "true"]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('Stage "bare" has no linkable resources in its state');
    expect(r.stderr).toContain("sst deploy --stage bare");
  });
});
