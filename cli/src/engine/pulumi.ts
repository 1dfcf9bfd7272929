/**
 * Finds the Pulumi CLI the engine drives: `SST_PULUMI_PATH` (a binary or a directory holding it), then
 * `pulumi` on PATH, then the managed install that `sst install` fills (`<config dir>/bin/pulumi/v<version>`).
 * The version is pinned to the @pulumi/pulumi SDK this CLI ships with.
 */
import { configDir, SSTError } from "@sst/core";
import { spawnSync } from "node:child_process";
import { readFileSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import { delimiter, dirname, join } from "node:path";

const require = createRequire(import.meta.url);

/** The @pulumi/pulumi version this CLI runs programs with. */
export const PULUMI_VERSION: string = JSON.parse(
  readFileSync(require.resolve("@pulumi/pulumi/package.json"), "utf8"),
).version;

export function managedPulumiDir(env: NodeJS.ProcessEnv = process.env): string {
  return join(configDir(env), "bin", "pulumi", `v${PULUMI_VERSION}`);
}

function executable(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

/** The directory holding `pulumi` (and its language host), or undefined when there is none. */
export function findPulumi(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const override = env.SST_PULUMI_PATH;
  if (override) {
    if (executable(override)) return dirname(override);
    if (executable(join(override, "pulumi"))) return override;
    throw new SSTError({
      code: "E_PULUMI_PATH",
      message: `SST_PULUMI_PATH=${override} is neither the pulumi binary nor a directory holding it.`,
    });
  }
  for (const dir of (env.PATH ?? "").split(delimiter).filter(Boolean)) {
    if (executable(join(dir, "pulumi"))) return dir;
  }
  const managed = managedPulumiDir(env);
  if (executable(join(managed, "bin", "pulumi"))) return join(managed, "bin");
  return undefined;
}

/** Like `findPulumi`, but a missing engine is a user error that says how to get one. */
export function requirePulumi(env: NodeJS.ProcessEnv = process.env): string {
  const dir = findPulumi(env);
  if (dir) return dir;
  throw new SSTError({
    code: "E_PULUMI_MISSING",
    message: `This command needs the Pulumi engine (v${PULUMI_VERSION}), and none was found.`,
    hint: [
      "Run `sst install` to download it (needs internet), or point SST_PULUMI_PATH at a pulumi binary,",
      "or build it offline with scripts/pulumi/build.sh. Commands that need no engine still work: sst diff --offline, sst types, sst secret.",
    ].join("\n"),
  });
}

/** `pulumi version` of a directory's binary, or undefined when it does not run. */
export function pulumiVersion(dir: string): string | undefined {
  const result = spawnSync(join(dir, "pulumi"), ["version"], { encoding: "utf8", timeout: 30_000 });
  return result.status === 0 ? result.stdout.trim().replace(/^v/, "") : undefined;
}

