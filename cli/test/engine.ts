/**
 * Test support for suites that need a real Pulumi engine: finds it, gives each suite its own copy of an app
 * and its own local home, and runs the CLI against them. Without an engine the suites are skipped with a
 * printed reason, unless SST_REQUIRE_ENGINE=1 (CI), where a missing engine fails the run.
 */
import { spawn, spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { homedir } from "node:os";
import { dirname, isAbsolute, join } from "node:path";
import { BIN } from "./run-cli.js";

const here = dirname(new URL(import.meta.url).pathname);

export function findEngine(): string | undefined {
  if (process.env.SST_PULUMI_PATH) return process.env.SST_PULUMI_PATH;
  const cache = join(process.env.SST_PULUMI_CACHE ?? join(homedir(), ".cache", "sst-rebuild", "pulumi"));
  const versions = existsSync(cache) ? readdirSync(cache).sort().reverse() : [];
  for (const v of versions) if (existsSync(join(cache, v, "bin", "pulumi"))) return join(cache, v, "bin");
  const which = spawnSync("sh", ["-c", "command -v pulumi"], { encoding: "utf8" });
  return which.status === 0 ? dirname(which.stdout.trim()) : undefined;
}

export const ENGINE = findEngine();
if (!ENGINE) {
  const reason = "no Pulumi engine found (set SST_PULUMI_PATH or run scripts/pulumi/build.sh)";
  if (process.env.SST_REQUIRE_ENGINE === "1") throw new Error(`SST_REQUIRE_ENGINE=1 but ${reason}`);
  console.warn(`\n!!! SKIPPING engine tests: ${reason} !!!\n`);
}

export interface Sandbox {
  dir: string;
  home: string;
  env: Record<string, string>;
  cleanup(): void;
}

/**
 * A copy of an app inside the repo (so its imports resolve) and an empty local home. `source` is a fixture
 * name under ./fixtures or an app directory; `files` limits the copy to those files.
 */
export function sandbox(source = "engine-app", files?: string[]): Sandbox {
  const dir = mkdtempSync(join(here, ".tmp-engine-"));
  const from = isAbsolute(source) ? source : join(here, "fixtures", source);
  if (files) for (const file of files) cpSync(join(from, file), join(dir, file));
  else cpSync(from, dir, { recursive: true });
  const home = join(dir, ".home");
  return {
    dir,
    home,
    env: { SST_CONFIG_DIR: home, SST_PULUMI_PATH: ENGINE ?? "", HOME: process.env.HOME ?? "/tmp", PATH: process.env.PATH ?? "" },
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  };
}

export interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * Runs `sst <args>` in the sandbox; resolves when it exits. Each run leads its own process group, so
 * `onSpawn`'s pid can kill the whole run (`process.kill(-pid, "SIGKILL")`): the CLI, the engine and the
 * provider processes, as a terminal's kill would.
 */
export function sst(box: Sandbox, args: string[], env: Record<string, string> = {}, onSpawn?: (pid: number) => void): Promise<Run> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd: box.dir, env: { ...box.env, ...env }, detached: true });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d) => (stdout += d));
    child.stderr.on("data", (d) => (stderr += d));
    if (onSpawn && child.pid) onSpawn(child.pid);
    child.on("close", (code, signal) => resolve({ code: code ?? (signal ? 128 : -1), stdout, stderr }));
  });
}
