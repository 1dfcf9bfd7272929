/**
 * The work behind `sst upgrade`: resolve the version on the registry, then `npm install sst@<version>`. With
 * this build's packs (util/packs.ts), reinstall the app's packed packages from their tarballs instead: a new
 * `npm run pack` of the same version is not picked up by a plain `npm install`.
 */
import { findConfig, SSTError } from "@sst/core";
import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { readPackageJson } from "../init/detect.js";
import { npmInstall } from "../util/npm.js";
import { findPacks, packedSpec, type Packs } from "../util/packs.js";
import { fetchManifest, registryUrl } from "../util/registry.js";
import { VERSION } from "../version.js";

/** The sst version installed in the project (node_modules), else the CLI's own. */
function installedVersion(root: string): string {
  const path = join(root, "node_modules", "sst", "package.json");
  if (existsSync(path)) {
    try {
      return JSON.parse(readFileSync(path, "utf8")).version;
    } catch {
      // A broken install: report the running CLI's version instead.
    }
  }
  return VERSION;
}

export async function upgrade(args: { version?: string; config?: string }): Promise<void> {
  const wanted = args.version ?? "latest";
  if (!/^[0-9A-Za-z.^~<>=*|_ -]+$/.test(wanted)) {
    throw new SSTError({ code: "E_UPGRADE_VERSION_INVALID", message: `"${wanted}" is not a version, range or dist-tag (e.g. 0.2.0, ^0.2, latest).` });
  }
  const root = dirname(await findConfig({ config: args.config }));
  const packs = findPacks();
  if (packs) return upgradeFromPacks(root, packs, args.version);
  const manifest = await fetchManifest("sst", wanted.trim());
  if (!manifest) {
    throw new SSTError({
      code: "E_UPGRADE_VERSION_NOT_FOUND",
      message: `sst@${wanted} was not found on ${registryUrl()}.`,
      hint: "Run `npm view sst versions` for the published versions.",
    });
  }
  const from = installedVersion(root);
  const to = manifest.version;
  if (from === to) {
    process.stdout.write(`sst ${to} is already installed.\n`);
    return;
  }
  const pkg = readPackageJson(root);
  const dev = !pkg?.dependencies?.sst;
  await npmInstall(root, [`sst@${to}`], { dev });
  process.stdout.write(`✓ sst ${from} → ${to}\n`);
}

/** Reinstalls sst and every other packed package the app depends on from the pack folder. */
async function upgradeFromPacks(root: string, packs: Packs, version: string | undefined): Promise<void> {
  const to = packs.packages.find((p) => p.name === "sst")?.version;
  if (version !== undefined && version !== to) {
    throw new SSTError({
      code: "E_UPGRADE_PACKS_VERSION",
      message: `This sst uses the packs in ${packs.dir}, which hold sst ${to ?? "(none)"}, not "${version}".`,
      hint: "Run `sst upgrade` without a version to reinstall the packs, or unset SST_PACKAGES to use the npm registry.",
    });
  }
  const pkg = readPackageJson(root);
  const used = packs.packages.filter((p) => p.name !== "sst" && (pkg?.dependencies?.[p.name] || pkg?.devDependencies?.[p.name]));
  const from = installedVersion(root);
  // No --save-dev: npm keeps each package where package.json already has it.
  await npmInstall(root, [packedSpec(packs, "sst"), ...used.map((p) => packedSpec(packs, p.name))]);
  process.stdout.write(`✓ sst ${from} → ${to} (this build, from ${packs.dir})${used.length ? `; also ${used.map((p) => p.name).join(", ")}` : ""}\n`);
}
