/** The work behind `sst upgrade`: resolve the version on the registry, then `npm install sst@<version>`. */
import { findConfig, SSTError } from "@sst/core";
import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { readPackageJson } from "../init/detect.js";
import { npmInstall } from "../util/npm.js";
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
