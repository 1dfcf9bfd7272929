/**
 * Runs the built `sst` binary as a user would: a child process, optionally with the network unplugged
 * (a fresh network namespace with `unshare -rn`) and a PATH that holds only node (so no Pulumi CLI).
 */
import { spawnSync } from "node:child_process";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

export const BIN = join(dirname(fileURLToPath(import.meta.url)), "..", "bin", "sst.js");

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

export function canUnplugNetwork(): boolean {
  return spawnSync("unshare", ["-rn", "true"]).status === 0;
}

export function sst(args: string[], options: { cwd: string; offline?: boolean; env?: Record<string, string> } ): CliResult {
  const env = {
    HOME: process.env.HOME ?? "/tmp",
    // Only node's own directory: no pulumi, no package managers.
    PATH: dirname(process.execPath),
    ...options.env,
  };
  const command = options.offline ? "unshare" : process.execPath;
  const argv = options.offline ? ["-rn", process.execPath, BIN, ...args] : [BIN, ...args];
  const result = spawnSync(command, argv, { cwd: options.cwd, env, encoding: "utf8", timeout: 60_000 });
  return { code: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}
