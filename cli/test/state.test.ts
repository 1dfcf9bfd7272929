import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { LocalHome, newPassphrase } from "@sst/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { APP, helloSandbox, lockFile, names, readState, stateFile, writeState } from "./app-hello.js";
import { ENGINE, sst, type Sandbox } from "./engine.js";

const suite = ENGINE ? describe : describe.skip;
const STAGE = "st";

suite("sst state on a deployed stage", () => {
  let box: Sandbox;
  const run = (...args: string[]) => sst(box, [...args, "--stage", STAGE]);

  beforeAll(async () => {
    box = helloSandbox();
    const r = await run("deploy");
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
  });
  afterAll(() => box.cleanup());

  it("exports the checkpoint as the home stores it, secrets still sealed", async () => {
    const r = await run("state", "export");
    expect(r.code).toBe(0);
    const exported = JSON.parse(r.stdout);
    expect(exported).toEqual(JSON.parse(readFileSync(stateFile(box, STAGE), "utf8")));
    expect(r.stdout).toContain("ciphertext");
    expect(r.stdout).not.toContain("placeholder-key");
  });

  it("exports with --decrypt through the engine: secrets in plaintext, same shape, state untouched", async () => {
    const before = readFileSync(stateFile(box, STAGE), "utf8");
    const r = await run("state", "export", "--decrypt");
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("placeholder-key");
    const exported = JSON.parse(r.stdout);
    expect(exported.checkpoint.latest.resources.map((x: { urn: string }) => x.urn)).toEqual(
      readState(box, STAGE).checkpoint.latest.resources.map((x) => x.urn),
    );
    expect(readFileSync(stateFile(box, STAGE), "utf8")).toBe(before);
  });

  it("lists the resources by name and type, children under their parent", async () => {
    const r = await run("state", "list");
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`${APP} (stage: ${STAGE})`);
    expect(r.stdout).toMatch(/[├└]─ Greeting sst:hello:Greeting\n[│ ]  └─ GreetingMessage pulumi-nodejs:dynamic\/hello:Message\n/);
    expect(r.stdout).toMatch(/[├└]─ ApiKey sst:sst:Secret\n/);
    expect(r.stdout).toMatch(/[├└]─ SettingsLinkRef sst:sst:LinkRef\n/);
    expect(r.stdout).not.toContain("pulumi:pulumi:Stack");
  });

  it("lists the app's stages that have state with --stages, the current one marked", async () => {
    const r = await run("state", "list", "--stages");
    expect(r.code).toBe(0);
    expect(r.stdout.split("\n")).toContain(`${STAGE}  (current)`);
    expect(r.stdout).not.toContain("Greeting");
  });

  it("rejects an unknown name with the close ones, leaving the state and no lock", async () => {
    const before = readFileSync(stateFile(box, STAGE), "utf8");
    const r = await run("state", "remove", "Gretting");
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('No resource named "Gretting" in the state; close names: Greeting');
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(readFileSync(stateFile(box, STAGE), "utf8")).toBe(before);
    expect(existsSync(lockFile(box, STAGE))).toBe(false);
  });

  it("refuses to edit the state while another command holds the lock", async () => {
    const home = new LocalHome({ dir: join(box.home, "state") });
    await home.lock({ app: APP, stage: STAGE }, { created: new Date().toISOString(), updateID: "x", command: "deploy" });
    try {
      const r = await run("state", "remove", "Greeting");
      expect(r.code).toBe(1);
      expect(r.stderr).toContain("Concurrent update detected");
      expect(names(readState(box, STAGE))).toContain("Greeting");
    } finally {
      await home.unlock({ app: APP, stage: STAGE });
    }
  });

  it("removes a resource and what it parents; the next deploy creates them again", async () => {
    const r = await run("state", "remove", "Greeting");
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("Removed Greeting (sst:hello:Greeting)");
    expect(r.stdout).toContain("GreetingMessage");
    expect(names(readState(box, STAGE))).not.toContain("Greeting");
    expect(names(readState(box, STAGE))).not.toContain("GreetingMessage");
    expect(existsSync(lockFile(box, STAGE))).toBe(false);

    const again = await run("deploy");
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/Created +GreetingMessage /);
    expect(again.stdout).toMatch(/Created +Greeting /);
    expect(names(readState(box, STAGE))).toEqual(expect.arrayContaining(["Greeting", "GreetingMessage"]));
  });

  it("repairs a damaged state (child before its parent and provider, a dangling dependency); deploy is then a no-op", async () => {
    const state = readState(box, STAGE);
    const resources = state.checkpoint.latest.resources;
    const message = resources.find((x) => x.urn.endsWith("::GreetingMessage"))!;
    resources.splice(resources.indexOf(message), 1);
    resources.unshift(message);
    const ghost = `urn:pulumi:${STAGE}::${APP}::sst:sst:Linkable::Ghost`;
    resources.find((x) => x.urn.endsWith("::Settings"))!.dependencies = [ghost];
    writeState(box, STAGE, state);

    const broken = await run("deploy");
    expect(broken.code).toBe(1);

    const r = await run("state", "repair");
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("Moved GreetingMessage after Greeting (parent)");
    expect(r.stdout).toContain("Dropped Settings's dependency on Ghost");
    const fixed = readState(box, STAGE);
    const order = names(fixed);
    expect(order.indexOf("GreetingMessage")).toBeGreaterThan(order.indexOf("Greeting"));
    expect(order.indexOf("GreetingMessage")).toBeGreaterThan(order.indexOf("default"));
    expect(fixed.checkpoint.latest.resources.find((x) => x.urn.endsWith("::Settings"))!.dependencies).toEqual([]);
    expect(existsSync(lockFile(box, STAGE))).toBe(false);

    const second = await run("state", "repair");
    expect(second.code).toBe(0);
    expect(second.stdout).toContain("Nothing to repair");

    const deploy = await run("deploy");
    expect(deploy.code).toBe(0);
    expect(deploy.stdout).toContain("✓ Complete (no changes)");
  });
});

// These need no engine: they fail before it would start.
describe("sst state errors", () => {
  let box: Sandbox;
  beforeAll(() => void (box = helloSandbox()));
  afterAll(() => box.cleanup());

  it("names an unknown stage in one line and exits 1", async () => {
    const commands = [["state", "list"], ["state", "export"], ["state", "repair"], ["state", "remove", "Greeting"]];
    for (const r of await Promise.all(commands.map((args) => sst(box, [...args, "--stage", "nope"])))) {
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(/^✕ Stage "nope" of "app-hello" has no state/);
      expect(r.stderr).not.toMatch(/\n\s+at /);
    }
    expect(existsSync(join(box.home, "state", "lock"))).toBe(false);
  });

  it("says to deploy first when a stage has a passphrase but no state", async () => {
    await new LocalHome({ dir: join(box.home, "state") }).createPassphrase({ app: APP, stage: "fresh" }, newPassphrase());
    const r = await sst(box, ["state", "export", "--decrypt", "--stage", "fresh"]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('Stage "fresh" of "app-hello" has no state');
    expect(r.stderr).toContain("sst deploy --stage fresh");
  });

  it("requires the name for state remove", async () => {
    const r = await sst(box, ["state", "remove", "--stage", "nope"]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^✕ .*`sst state remove`/);
  });
});
