/**
 * This build's packages outside the registry. `npm run pack` in the checkout writes every package (`sst`,
 * `@sst/core`, `@sst/sdk`, plugins) as a tarball into one folder with an `index.json`; `sst init` and `sst add`
 * then write dependencies on those tarballs (`file:` specs) instead of registry ranges. The folder is, first
 * match wins:
 *  1. `SST_PACKAGES`, when set: a folder `npm run pack` wrote.
 *  2. The folder this CLI was packed into, when it was installed from a pack (`npm install -g <folder>/sst-*.tgz`,
 *     or the app's own `sst` from one): the pack step makes a packed CLI depend on `@sst/core` by `file:<folder>/…`.
 * Otherwise (a CLI from the registry, or run from the checkout) there are no packs and the registry is used.
 */
import { SSTError } from "@sst/core";
import { existsSync, readFileSync } from "node:fs";
import { dirname, isAbsolute, join, resolve } from "node:path";
import { CLI_MANIFEST_PATH } from "../version.js";
import type { Manifest } from "./registry.js";

/** One package of a pack folder's index.json (written by scripts/pack.mjs). */
export interface PackEntry {
  name: string;
  version: string;
  /** The tarball's file name in the pack folder. */
  file: string;
  /** The manifest's `sst.plugin`: the short name `sst add` finds the plugin by. */
  plugin?: string;
  dependencies: Record<string, string>;
  peerDependencies: Record<string, string>;
}

export interface Packs {
  /** The absolute pack folder. */
  dir: string;
  /** Why this folder: `SST_PACKAGES` or the CLI's own install. */
  from: "SST_PACKAGES" | "cli";
  packages: PackEntry[];
}

const INDEX = "index.json";

function invalid(dir: string, why: string, from: Packs["from"]): SSTError {
  return new SSTError({
    code: "E_PACKS_INVALID",
    message: `${from === "SST_PACKAGES" ? `SST_PACKAGES=${dir}` : `This sst was installed from the pack folder ${dir}, which`} ${why}.`,
    hint: "Run `npm run pack` in the SST checkout to write it (again), then point SST_PACKAGES at that folder, or unset SST_PACKAGES to use the npm registry.",
  });
}

/** Reads a pack folder's index.json; a missing or malformed index is a user error. */
export function readPacks(dir: string, from: Packs["from"] = "SST_PACKAGES"): Packs {
  const path = join(dir, INDEX);
  if (!existsSync(path)) throw invalid(dir, `has no ${INDEX}`, from);
  let index: { format?: unknown; packages?: unknown };
  try {
    index = JSON.parse(readFileSync(path, "utf8"));
  } catch (cause) {
    throw invalid(dir, `has an ${INDEX} that is not JSON (${(cause as Error).message})`, from);
  }
  const packages = index.packages;
  const valid = (p: Partial<PackEntry>) => typeof p?.name === "string" && typeof p.version === "string" && typeof p.file === "string";
  if (index.format !== 1 || !Array.isArray(packages) || !packages.every(valid)) {
    throw invalid(dir, `has an ${INDEX} this CLI cannot read (expected { "format": 1, "packages": [{ name, version, file }] })`, from);
  }
  return {
    dir,
    from,
    packages: packages.map((p: PackEntry) => ({ ...p, dependencies: p.dependencies ?? {}, peerDependencies: p.peerDependencies ?? {} })),
  };
}

/** The pack folder a manifest's `@sst/core` dependency points into (`file:<folder>/<tarball>`), if any. */
export function packedFrom(manifest: { dependencies?: Record<string, string> }, manifestDir: string): string | undefined {
  const spec = manifest.dependencies?.["@sst/core"];
  if (!spec?.startsWith("file:") || !spec.endsWith(".tgz")) return undefined;
  const path = spec.slice("file:".length);
  return dirname(isAbsolute(path) ? path : resolve(manifestDir, path));
}

/** This build's packs by the rules above, or undefined when packages come from the registry. */
export function findPacks(env: NodeJS.ProcessEnv = process.env, cliManifestPath: string = CLI_MANIFEST_PATH): Packs | undefined {
  if (env.SST_PACKAGES) return readPacks(resolve(env.SST_PACKAGES), "SST_PACKAGES");
  const dir = packedFrom(JSON.parse(readFileSync(cliManifestPath, "utf8")), dirname(cliManifestPath));
  return dir ? readPacks(dir, "cli") : undefined;
}

/** The npm spec of a packed package: `file:<absolute tarball path>`. */
export function packSpec(packs: Packs, entry: PackEntry): string {
  return `file:${join(packs.dir, entry.file)}`;
}

/** The spec of the packed package `name`; a pack folder without it is an error. */
export function packedSpec(packs: Packs, name: string): string {
  const entry = packs.packages.find((p) => p.name === name);
  if (!entry) throw invalid(packs.dir, `has no ${name} package in its ${INDEX}`, packs.from);
  return packSpec(packs, entry);
}

/** The packed package `sst add <name>` means: a package name (`@scope/pkg`) as is, a short name (`hello`) the one whose `sst.plugin` it is. */
export function findPackedPlugin(packs: Packs, name: string): PackEntry | undefined {
  return packs.packages.find((p) => (name.startsWith("@") ? p.name === name : p.plugin === name));
}

/** A packed package as the registry would describe it (what `sst add` reads). */
export function packManifest(entry: PackEntry): Manifest {
  return {
    name: entry.name,
    version: entry.version,
    dependencies: entry.dependencies,
    peerDependencies: entry.peerDependencies,
    ...(entry.plugin ? { sst: { plugin: entry.plugin } } : {}),
  };
}
