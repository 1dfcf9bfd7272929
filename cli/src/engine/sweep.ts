/**
 * Engine workspaces (`.sst/pulumi/<updateID>/`) a killed run left behind. Each workspace names its run in
 * `sst.owner.json` (pid and host); an engine command removes, before it opens its own, every workspace
 * whose run is not running: its pid is gone on this host, or it has no owner file and is older than a
 * minute (an owner file is written right after its directory, so a younger one may be starting).
 * A workspace owned by another host is left alone. Nothing is swept with SST_NO_CLEANUP.
 */
import { processAlive } from "@sst/core";
import { readFileSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { hostname } from "node:os";
import { join } from "node:path";

const OWNER = "sst.owner.json";
const YOUNG_MS = 60_000;

interface Owner {
  pid: number;
  host: string;
}

/** Marks `dir` as the workspace of this process. */
export function claimWorkspace(dir: string): void {
  writeFileSync(join(dir, OWNER), JSON.stringify({ pid: process.pid, host: hostname() } satisfies Owner));
}

function running(dir: string): boolean {
  let owner: Partial<Owner> | undefined;
  try {
    owner = JSON.parse(readFileSync(join(dir, OWNER), "utf8")) as Partial<Owner>;
  } catch {
    owner = undefined;
  }
  if (typeof owner?.pid !== "number" || typeof owner.host !== "string") {
    try {
      return Date.now() - statSync(dir).mtimeMs < YOUNG_MS;
    } catch {
      return false;
    }
  }
  return owner.host !== hostname() || processAlive(owner.pid);
}

/**
 * Removes the workspaces of runs that are not running under `<root>/.sst/pulumi`; returns their names.
 * Never throws: a workspace that cannot be removed now is tried again by the next command.
 */
export function sweepWorkspaces(root: string, env: NodeJS.ProcessEnv = process.env): string[] {
  if (env.SST_NO_CLEANUP) return [];
  const base = join(root, ".sst", "pulumi");
  let names: string[];
  try {
    names = readdirSync(base, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name);
  } catch {
    return [];
  }
  return names.filter((name) => {
    if (running(join(base, name))) return false;
    try {
      rmSync(join(base, name), { recursive: true, force: true });
      return true;
    } catch {
      return false;
    }
  });
}
