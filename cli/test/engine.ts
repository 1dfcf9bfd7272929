/**
 * Test support for suites that need a real Pulumi engine: finds it, gives each suite its own copy of an app
 * and its own local home, and runs the CLI against them. Without an engine the suites are skipped with a
 * printed reason, unless SST_REQUIRE_ENGINE=1 (CI), where a missing engine fails the run.
 *
 * Every test file that imports this checks, after its last test, that no process started for one of its
 * sandboxes (the CLI, the engine, a provider) is still running; survivors fail the file and are killed.
 */
import { spawn, spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, readlinkSync, rmSync } from "node:fs";
import { homedir } from "node:os";
import { dirname, isAbsolute, join } from "node:path";
import { afterAll, expect } from "vitest";
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
  made.push({ dir, home });
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

/** The sandboxes this test file made. */
const made: { dir: string; home: string }[] = [];

/**
 * A process still running (not a zombie) that was started for a sandbox: "<pid> <command line>". Read from
 * /proc (Linux, where CI runs); elsewhere nothing is found.
 */
export function survivors(boxes: { dir: string; home: string }[] = made): string[] {
  const found: string[] = [];
  if (!existsSync("/proc/self")) return found;
  for (const name of readdirSync("/proc")) {
    if (!/^\d+$/.test(name) || Number(name) === process.pid) continue;
    const read = (file: string) => {
      try {
        return readFileSync(`/proc/${name}/${file}`, "utf8");
      } catch {
        return "";
      }
    };
    if (/^\S+ \(.*\) Z/.test(read("stat"))) continue;
    const cmdline = read("cmdline").replaceAll("\0", " ").trim();
    const environ = read("environ").split("\0");
    let cwd = "";
    try {
      cwd = readlinkSync(`/proc/${name}/cwd`);
    } catch {
      // gone meanwhile, or not ours to read
    }
    const ours = boxes.some(
      (box) => environ.includes(`SST_CONFIG_DIR=${box.home}`) || cmdline.includes(box.dir) || cwd === box.dir || cwd.startsWith(`${box.dir}/`),
    );
    if (ours) found.push(`${name} ${cmdline}`);
  }
  return found;
}

/**
 * Waits (up to `waitMs`) for the processes of `boxes` to end, as the engine and its providers do shortly
 * after the CLI is gone; returns those still running then.
 */
export async function settledSurvivors(boxes: { dir: string; home: string }[] = made, waitMs = 30_000): Promise<string[]> {
  const deadline = Date.now() + waitMs;
  let left = survivors(boxes);
  while (left.length && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 250));
    left = survivors(boxes);
  }
  return left;
}

afterAll(async () => {
  const left = await settledSurvivors();
  for (const line of left) {
    try {
      process.kill(Number(line.split(" ")[0]), "SIGKILL");
    } catch {
      // ended meanwhile
    }
  }
  expect(left, "processes the engine tests started are still running").toEqual([]);
}, 60_000);
