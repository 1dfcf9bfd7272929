import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { hostname, tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { claimWorkspace, sweepWorkspaces } from "../src/engine/sweep.js";

const root = mkdtempSync(join(tmpdir(), "sst-sweep-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const base = join(root, ".sst", "pulumi");
const workspace = (name: string, owner?: object) => {
  const dir = join(base, name);
  mkdirSync(join(dir, ".pulumi"), { recursive: true });
  if (owner) writeFileSync(join(dir, "sst.owner.json"), JSON.stringify(owner));
  return dir;
};
// A pid that existed and is gone now: a finished child's.
const deadPid = () => spawnSync(process.execPath, ["-e", "0"]).pid!;

describe("sweeping engine workspaces", () => {
  it("removes the workspaces of runs that are not running and keeps the others", () => {
    claimWorkspace(workspace("live"));
    workspace("dead", { pid: deadPid(), host: hostname() });
    workspace("elsewhere", { pid: deadPid(), host: `not-${hostname()}` });
    workspace("starting"); // no owner yet, just created
    const old = workspace("ownerless");
    utimesSync(old, new Date(Date.now() - 3600_000), new Date(Date.now() - 3600_000));
    writeFileSync(join(base, "stray-file"), "");

    expect(sweepWorkspaces(root, {}).sort()).toEqual(["dead", "ownerless"]);
    expect(readdirSync(base).sort()).toEqual(["elsewhere", "live", "starting", "stray-file"]);
  });

  it("sweeps nothing with SST_NO_CLEANUP, and nothing where there is no .sst/pulumi", () => {
    workspace("dead-kept", { pid: deadPid(), host: hostname() });
    expect(sweepWorkspaces(root, { SST_NO_CLEANUP: "1" })).toEqual([]);
    expect(existsSync(join(base, "dead-kept"))).toBe(true);
    expect(sweepWorkspaces(join(root, "nowhere"), {})).toEqual([]);
  });
});
