import { existsSync, readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ENGINE, sandbox, settledSurvivors, sst, type Run, type Sandbox } from "./engine.js";

const suite = ENGINE ? describe : describe.skip;

function state(box: Sandbox, stage: string): { urn: string; type: string; outputs?: Record<string, unknown> }[] {
  const file = join(box.home, "state", "app", "engine-app", `${stage}.json`);
  return JSON.parse(readFileSync(file, "utf8")).checkpoint.latest?.resources ?? [];
}

async function setSecret(box: Sandbox, stage: string, name: string, value: string, fallback = false) {
  const r = await sst(box, ["secret", "set", name, value, "--stage", stage, ...(fallback ? ["--fallback"] : [])]);
  expect(r.stderr).toBe("");
  expect(r.code).toBe(0);
}

/** Starts a slow deploy of `stage`; resolves once the engine is creating resources (the run has pushed state). */
async function deployUnderway(box: Sandbox, stage: string): Promise<{ pid: number; run: Promise<Run> }> {
  let pid = 0;
  const run = sst(box, ["deploy", "--stage", stage], { SLOW_MS: "4000" }, (p) => (pid = p));
  const stateFile = join(box.home, "state", "app", "engine-app", `${stage}.json`);
  for (let i = 0; i < 200 && !existsSync(stateFile); i++) await new Promise((r) => setTimeout(r, 100));
  return { pid, run };
}

suite("the deploy engine", () => {
  let box: Sandbox;
  beforeAll(() => void (box = sandbox()));
  afterAll(() => box.cleanup());

  it("deploys, prints each resource by name and the outputs, and writes .sst/outputs.json", async () => {
    const r = await sst(box, ["deploy", "--stage", "one"]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/\|  Created +Alpha pulumi-nodejs:dynamic\/test:Store/);
    expect(r.stdout).toMatch(/\|  Created +Info sst:sst:Linkable/);
    expect(r.stdout).toContain("✓ Complete");
    expect(r.stdout).toContain("   alpha: a1");
    expect(r.stdout).toContain("   token: [secret]");
    expect(r.stdout).not.toMatch(/urn:pulumi/);
    expect(JSON.parse(readFileSync(join(box.dir, ".sst", "outputs.json"), "utf8"))).toEqual({
      alpha: "a1",
      beta: "b1",
      token: "[secret]",
      tokenPlain: "placeholder",
    });
    expect(state(box, "one").map((r) => r.urn.split("::").at(-1))).toEqual(expect.arrayContaining(["Alpha", "Beta", "Info", "InfoLinkRef", "Token"]));
  });

  it("keeps secret values out of the state file in plaintext", () => {
    const raw = readFileSync(join(box.home, "state", "app", "engine-app", "one.json"), "utf8");
    const token = state(box, "one").find((r) => r.urn.endsWith("::TokenLinkRef"))!;
    expect(JSON.stringify(token.outputs)).not.toContain("placeholder");
    // The only plaintext copy is the output the fixture unsecrets on purpose.
    expect(raw.split("placeholder").length - 1).toBe(1);
  });

  it("does nothing on a second deploy, the encoded link file included, under the stage's one link secret", async () => {
    const secretFile = join(box.home, "state", "linksecret", "engine-app", "one.json");
    const linkSecret = readFileSync(secretFile, "utf8");
    expect(Buffer.from(linkSecret, "base64")).toHaveLength(32);
    const r = await sst(box, ["deploy", "--stage", "one"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("✓ Complete (no changes)");
    expect(r.stdout).not.toContain("|  ");
    expect(readFileSync(secretFile, "utf8")).toBe(linkSecret);
  });

  it("shows a change in diff without applying it (diff holds no lock, so it never writes the state)", async () => {
    const stored = readFileSync(join(box.home, "state", "app", "engine-app", "one.json"));
    const r = await sst(box, ["diff", "--stage", "one"], { ALPHA: "a2" });
    expect(r.code).toBe(0);
    expect(readFileSync(join(box.home, "state", "app", "engine-app", "one.json")).equals(stored)).toBe(true);
    expect(r.stdout).toMatch(/~ update +Alpha pulumi-nodejs:dynamic\/test:Store/);
    // Info links alpha: its encoded link file, and so the key, change with it.
    expect(r.stdout).toMatch(/~ update +Bundle pulumi-nodejs:dynamic\/test:Store/);
    const again = await sst(box, ["diff", "--stage", "one"]);
    expect(again.stdout).toContain("(no changes)");
  });

  it("deploys only the targets (and what depends on them) with --target", async () => {
    const r = await sst(box, ["deploy", "--stage", "one", "--target", "Beta"], { ALPHA: "a3", BETA: "b3" });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Updated +Beta/);
    expect(r.stdout).not.toMatch(/Alpha/);
    const outputs = state(box, "one");
    expect(outputs.find((x) => x.urn.endsWith("::Beta"))!.outputs).toMatchObject({ value: "b3" });
    expect(outputs.find((x) => x.urn.endsWith("::Alpha"))!.outputs).toMatchObject({ value: "a1" });
  });

  it("names an unknown --target and lists the components", async () => {
    const r = await sst(box, ["deploy", "--stage", "one", "--target", "Gamma"]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("--target Gamma: no such component");
    expect(r.stderr).toContain("Alpha");
  });

  it("changes the program's secret value after the secret is set and the stage redeployed", async () => {
    await setSecret(box, "one", "Token", "s3cr3t");
    const r = await sst(box, ["deploy", "--stage", "one", "--target", "Token"]);
    expect(r.code).toBe(0);
    expect(JSON.parse(readFileSync(join(box.dir, ".sst", "outputs.json"), "utf8")).tokenPlain).toBe("s3cr3t");
    // The secret itself is never printed (only the output the fixture unsecrets on purpose shows it).
    expect(r.stdout).toContain("   token: [secret]");
    expect(r.stdout.replace("tokenPlain: s3cr3t", "")).not.toContain("s3cr3t");
  });

  it("names the failed component and the provider's own message when a resource fails", async () => {
    const r = await sst(box, ["deploy", "--stage", "one"], { BETA: "b4", FAIL_BETA: "beta exploded" });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^✕ Beta \(pulumi-nodejs:dynamic\/test:Store\): .*beta exploded/m);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    // The lock is released after a failure.
    expect(existsSync(join(box.home, "state", "lock", "engine-app", "one.json"))).toBe(false);
  });

  it("keeps going past a failed resource with --continue", async () => {
    const r = await sst(box, ["deploy", "--stage", "one", "--continue"], { ALPHA: "a5", BETA: "b5", FAIL_BETA: "beta exploded" });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("beta exploded");
    const resources = state(box, "one");
    expect(resources.find((x) => x.urn.endsWith("::Alpha"))!.outputs).toMatchObject({ value: "a5" });
    expect(resources.find((x) => x.urn.endsWith("::Beta"))!.outputs).toMatchObject({ value: "b3" });
  });

  it("logs the engine's output to .sst/log and echoes it only with --print-logs", async () => {
    const quiet = await sst(box, ["deploy", "--stage", "one"]);
    expect(quiet.stderr).toBe("");
    const loud = await sst(box, ["deploy", "--stage", "one", "--print-logs"]);
    expect(loud.code).toBe(0);
    expect(loud.stderr).toContain("Resources:");
    const log = readFileSync(join(box.dir, ".sst", "log", "pulumi.log"), "utf8");
    expect(log).toContain("Resources:");
    expect(log).toContain("token     : [secret]");
    expect(readFileSync(join(box.dir, ".sst", "log", "sst.log"), "utf8")).toMatch(/deploy engine-app\/one update [0-9a-f]{24}/);
  });

  it("refreshes the state from the resources", async () => {
    const r = await sst(box, ["refresh", "--stage", "one"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("✓ Refreshed");
  });

  it("removes every resource and the stage's state", async () => {
    const r = await sst(box, ["remove", "--stage", "one"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Deleted +Alpha/);
    expect(existsSync(join(box.home, "state", "app", "engine-app", "one.json"))).toBe(false);
  });

  it("records each run as an update in the home", () => {
    const updates = readdirSync(join(box.home, "state", "update", "engine-app", "one"));
    expect(updates.length).toBeGreaterThanOrEqual(5);
    const record = JSON.parse(readFileSync(join(box.home, "state", "update", "engine-app", "one", updates[0]!), "utf8"));
    expect(record).toMatchObject({ command: expect.any(String), timeStarted: expect.any(String), timeCompleted: expect.any(String) });
  });
});

suite("secrets, protection and unknown stages", () => {
  let box: Sandbox;
  beforeAll(() => void (box = sandbox()));
  afterAll(() => box.cleanup());

  it("uses a fallback secret when the stage has none, and the stage's own over it", async () => {
    await setSecret(box, "fb", "Token", "from-fallback", true);
    const first = await sst(box, ["deploy", "--stage", "fb"]);
    expect(first.code).toBe(0);
    expect(JSON.parse(readFileSync(join(box.dir, ".sst", "outputs.json"), "utf8")).tokenPlain).toBe("from-fallback");
    await setSecret(box, "fb", "Token", "own");
    await sst(box, ["deploy", "--stage", "fb"]);
    expect(JSON.parse(readFileSync(join(box.dir, ".sst", "outputs.json"), "utf8")).tokenPlain).toBe("own");
  });

  it("refuses to remove a protected stage and leaves it deployed", async () => {
    expect((await sst(box, ["deploy", "--stage", "prot-1"])).code).toBe(0);
    const r = await sst(box, ["remove", "--stage", "prot-1"]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('Stage "prot-1" is protected');
    expect(state(box, "prot-1").length).toBeGreaterThan(0);
  });

  it("says a stage that was never deployed has no state, for remove and refresh", async () => {
    for (const command of ["remove", "refresh"]) {
      const r = await sst(box, [command, "--stage", "never"]);
      expect(r.code).toBe(1);
      expect(r.stderr).toContain('Stage "never" of "engine-app" has no state');
    }
  });
});

// Runs that are stopped mid-deploy, then run again: the slowest tests (≈ 50 s on a loaded 2-core machine).
suite("locking", { timeout: 180_000 }, () => {
  let box: Sandbox;
  beforeAll(() => void (box = sandbox()));
  afterAll(() => box.cleanup());

  it("lets exactly one of several concurrent deploys proceed; the rest fail fast naming sst unlock", async () => {
    const runs = await Promise.all([1, 2, 3, 4].map(() => sst(box, ["deploy", "--stage", "race"], { SLOW_MS: "1500" })));
    const ok = runs.filter((r) => r.code === 0);
    const locked = runs.filter((r) => r.code === 1);
    expect(ok).toHaveLength(1);
    expect(locked).toHaveLength(3);
    for (const r of locked) {
      expect(r.stderr).toContain("Concurrent update detected");
      expect(r.stderr).toContain("sst unlock --stage race");
    }
    // State intact: a plain deploy afterwards changes nothing.
    const after = await sst(box, ["deploy", "--stage", "race"], { SLOW_MS: "1500" });
    expect(after.stdout).toContain("(no changes)");
  });

  it("stops on Ctrl-C (SIGINT to the run's process group): says so, saves state, releases the lock", async () => {
    const { pid, run } = await deployUnderway(box, "ctrl-c");
    process.kill(-pid, "SIGINT");
    const r = await run;
    expect(r.code).toBe(1);
    expect(r.stdout).toContain("Cancelling…");
    expect(r.stderr).toContain("Cancelled. State was saved");
    expect(existsSync(join(box.home, "state", "lock", "engine-app", "ctrl-c.json"))).toBe(false);
    expect(await settledSurvivors([box])).toEqual([]);
    const again = await sst(box, ["deploy", "--stage", "ctrl-c"]);
    expect(again.code).toBe(0);
    expect((await sst(box, ["deploy", "--stage", "ctrl-c"])).stdout).toContain("(no changes)");
  });

  it("recovers from kill -9 mid-deploy: the lock stays, unlock releases it, the next deploy converges", async () => {
    const lockFile = join(box.home, "state", "lock", "engine-app", "killed.json");
    const { pid, run } = await deployUnderway(box, "killed");
    process.kill(-pid, "SIGKILL");
    await run;
    // The engine and its provider (in process groups of their own) do not outlive the run.
    expect(await settledSurvivors([box])).toEqual([]);
    expect(existsSync(lockFile)).toBe(true);
    expect(readdirSync(join(box.dir, ".sst", "pulumi"))).toHaveLength(1); // the killed run's workspace
    const blocked = await sst(box, ["deploy", "--stage", "killed"]);
    expect(blocked.code).toBe(1);
    expect(blocked.stderr).toContain("sst unlock");
    const unlock = await sst(box, ["unlock", "--stage", "killed"]);
    expect(unlock.code).toBe(0);
    const again = await sst(box, ["deploy", "--stage", "killed"]);
    // The only thing it may say on stderr: that it cleared an operation the killed run left pending.
    expect(again.stderr.split("\n").filter((l) => l && !l.startsWith("! Cleared an operation a stopped run left pending: "))).toEqual([]);
    expect(again.code).toBe(0);
    // It swept the killed run's workspace, and removed its own.
    expect(readdirSync(join(box.dir, ".sst", "pulumi"))).toEqual([]);
    const third = await sst(box, ["deploy", "--stage", "killed"]);
    expect(third.stdout).toContain("(no changes)");
    expect(state(box, "killed").map((r) => r.urn.split("::").at(-1))).toEqual(expect.arrayContaining(["Alpha", "Beta", "Info"]));
  });

  it("stops on SIGTERM to the CLI alone: cancels the engine, releases the lock, leaves no process running", async () => {
    const { pid, run } = await deployUnderway(box, "term");
    process.kill(pid, "SIGTERM");
    const r = await run;
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("Cancelled. State was saved");
    expect(existsSync(join(box.home, "state", "lock", "engine-app", "term.json"))).toBe(false);
    expect(await settledSurvivors([box])).toEqual([]);
  });

  it("leaves no engine or provider running when only the CLI is killed with kill -9", async () => {
    const { pid, run } = await deployUnderway(box, "cli-killed");
    process.kill(pid, "SIGKILL");
    await run;
    expect(await settledSurvivors([box])).toEqual([]);
    expect((await sst(box, ["unlock", "--stage", "cli-killed"])).code).toBe(0);
    expect((await sst(box, ["deploy", "--stage", "cli-killed"])).code).toBe(0);
  });
});
