import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { expectUserError, LOCAL_APP, sandbox } from "./_app.js";

const box = sandbox();
afterAll(() => box.cleanup());
const app = box.dir("unlock", LOCAL_APP);
const lockFile = join(box.configDir, "state", "lock", "cli-test", "dev.json");
const updates = join(box.configDir, "state", "update", "cli-test", "dev");

describe("sst unlock", () => {
  it("says there is nothing to unlock when the stage has no lock, and writes nothing", async () => {
    const r = await box.run(["unlock"], { cwd: app });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('No lock on stage "dev" of "cli-test": nothing to unlock.');
    expect(existsSync(updates)).toBe(false);
  });

  it("releases a held lock, names who held it, and closes that update with an error", async () => {
    mkdirSync(join(lockFile, ".."), { recursive: true });
    const created = "2026-01-02T03:04:05.000Z";
    writeFileSync(lockFile, JSON.stringify({ created, updateID: "ffffaaaabbbb000011112222", command: "deploy", pid: 4242 }));
    const r = await box.run(["unlock"], { cwd: app });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`Unlocked stage "dev" of "cli-test": the lock was held by \`sst deploy\`, started ${created} (pid 4242).`);
    expect(existsSync(lockFile)).toBe(false);
    const record = JSON.parse(readFileSync(join(updates, "ffffaaaabbbb000011112222.json"), "utf8"));
    expect(record).toMatchObject({ id: "ffffaaaabbbb000011112222", command: "deploy", timeStarted: created });
    expect(record.timeCompleted).toBeTruthy();
    expect(record.errors[0].message).toContain("released by `sst unlock`");
  });

  it("releases a lock whose writer died before writing it (an empty file)", async () => {
    writeFileSync(lockFile, "");
    const r = await box.run(["unlock", "--stage", "dev"], { cwd: app });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("the lock was held by an unknown command");
    expect(existsSync(lockFile)).toBe(false);
    expect(readdirSync(updates)).toHaveLength(2);
  });

  it("releases a lock file that does not parse", async () => {
    writeFileSync(lockFile, "{ not json");
    const r = await box.run(["unlock"], { cwd: app });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("the lock was held by an unreadable lock file");
    expect(existsSync(lockFile)).toBe(false);
  });

  it("rejects arguments it does not take", async () => {
    expect(expectUserError(await box.run(["unlock", "--force"], { cwd: app }))).toContain('Unknown flag "--force" for `sst unlock`');
  });
});
