/**
 * SST's own published package (npm `sst`, pinned) for the compatibility tests. It is not a dependency of any
 * workspace: its bin is also called `sst` and would take `node_modules/.bin/sst` from our CLI. The first run
 * installs it with npm into a folder outside the repo (`$SST_COMPAT_CACHE`, default
 * `~/.cache/sst-rebuild/compat`); later runs, offline ones included, reuse that folder.
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { homedir } from "node:os";
import { join } from "node:path";

/** The published version the compatibility tests pin. */
export const PUBLISHED_SST_VERSION = "4.17.1";

/** The cache folder for one pinned version (an npm prefix holding `node_modules/sst`). */
export function publishedSstPrefix(env: NodeJS.ProcessEnv = process.env): string {
  const root = env.SST_COMPAT_CACHE || join(homedir(), ".cache", "sst-rebuild", "compat");
  return join(root, `sst-${PUBLISHED_SST_VERSION}`);
}

function installedVersion(prefix: string): string | undefined {
  const manifest = join(prefix, "node_modules", "sst", "package.json");
  return existsSync(manifest) ? JSON.parse(readFileSync(manifest, "utf8")).version : undefined;
}

/**
 * The npm prefix holding `node_modules/sst` at PUBLISHED_SST_VERSION, installed on first use (exactly that
 * version, no install scripts, no platform binaries). Concurrent first runs each install into their own
 * folder and the first to finish wins the rename.
 */
export function publishedSst(env: NodeJS.ProcessEnv = process.env): string {
  const prefix = publishedSstPrefix(env);
  if (installedVersion(prefix) === PUBLISHED_SST_VERSION) return prefix;
  const staging = `${prefix}.tmp-${process.pid}`;
  rmSync(staging, { recursive: true, force: true });
  mkdirSync(staging, { recursive: true });
  // A package.json of its own, so npm never looks for a project above the cache folder.
  writeFileSync(join(staging, "package.json"), JSON.stringify({ name: "sst-compat-cache", private: true }) + "\n");
  const args = ["install", "--no-save", "--prefix", staging, `sst@${PUBLISHED_SST_VERSION}`];
  args.push("--save-exact", "--ignore-scripts", "--omit=optional", "--no-audit", "--no-fund", "--loglevel=error");
  try {
    execFileSync("npm", args, { stdio: ["ignore", "pipe", "pipe"], timeout: 300_000, env: { ...process.env, npm_config_prefer_offline: "true" } });
  } catch (cause) {
    rmSync(staging, { recursive: true, force: true });
    const stderr = String((cause as { stderr?: Buffer }).stderr ?? "").trim();
    throw new Error(
      `Could not install sst@${PUBLISHED_SST_VERSION} for the compatibility test into ${staging} (npm ${args.join(" ")}): ${stderr || (cause as Error).message}\n` +
        "The first run needs the npm registry (later runs reuse the cache); set SST_COMPAT_CACHE to use another cache folder.",
      { cause },
    );
  }
  if (installedVersion(staging) !== PUBLISHED_SST_VERSION) throw new Error(`npm did not install sst@${PUBLISHED_SST_VERSION} into ${staging}.`);
  // A broken or partial folder from an earlier run is replaced.
  if (existsSync(prefix) && installedVersion(prefix) !== PUBLISHED_SST_VERSION) rmSync(prefix, { recursive: true, force: true });
  try {
    renameSync(staging, prefix);
  } catch (cause) {
    rmSync(staging, { recursive: true, force: true });
    // Another run installed it meanwhile: use theirs.
    if (installedVersion(prefix) !== PUBLISHED_SST_VERSION) throw cause;
  }
  return prefix;
}
