/**
 * The work behind `sst init`. Everything is checked before anything is written: an existing config, a
 * broken package.json or a bad `--home` fail without touching the directory.
 */
import { CONFIG_FILES, SSTError, writeConfigTypes } from "@sst/core";
import { existsSync, writeFileSync } from "node:fs";
import { basename, join } from "node:path";
import { detectFramework, type Framework } from "../init/detect.js";
import { addDevDependency, addGitignore, readManifest } from "../init/files.js";
import { appName, HOMES, renderConfig, type HomeName } from "../init/templates.js";
import { npmInstall } from "../util/npm.js";
import { findPacks, packedSpec } from "../util/packs.js";
import { VERSION } from "../version.js";
import { logger } from "../ui/logger.js";

export async function init(args: { yes?: boolean; home?: string }): Promise<void> {
  const dir = process.cwd();
  const existing = CONFIG_FILES.find((f) => existsSync(join(dir, f)));
  if (existing) {
    throw new SSTError({
      code: "E_INIT_EXISTS",
      message: `${existing} already exists in ${dir}; sst init does not overwrite it.`,
      hint: "Remove it first to start over, or run `sst install` to install its providers.",
    });
  }
  if (args.home !== undefined && !HOMES.includes(args.home as HomeName)) {
    throw new SSTError({ code: "E_INIT_HOME_INVALID", message: `--home "${args.home}" is not valid; use aws, cloudflare or local.` });
  }
  const manifest = readManifest(dir);
  const framework = detectFramework(dir);
  if (framework && args.home && args.home !== "aws") {
    throw new SSTError({
      code: "E_INIT_HOME_FRAMEWORK",
      message: `This is a ${framework.name} app: drop-in mode deploys it with sst.aws.${framework.component}, which needs --home aws.`,
    });
  }
  // This build's packed CLI when there are packs (util/packs.ts), else the registry range.
  const packs = findPacks();
  const sstSpec = packs ? packedSpec(packs, "sst") : `^${VERSION}`;
  const interactive = !args.yes && Boolean(process.stdin.isTTY && process.stdout.isTTY);
  if (framework) logger.log(`${framework.name} detected: SST will be added in drop-in mode (sst.aws.${framework.component}).`);
  const home = (framework ? "aws" : (args.home as HomeName | undefined) ?? (interactive ? await askHome() : "aws")) as HomeName;
  if (interactive && !(await confirm(framework))) {
    logger.log("Cancelled: nothing was written.");
    return;
  }

  const name = appName(manifest.data?.name, basename(dir));
  writeFileSync(join(dir, "sst.config.ts"), renderConfig({ name, home, framework }), { flag: "wx" });
  logger.success(`Created sst.config.ts (app "${name}", home "${home}")`);
  if (addGitignore(dir)) logger.success("Added .sst to .gitignore");
  if (addDevDependency(dir, manifest, name, sstSpec)) {
    logger.success(`Added sst to devDependencies in package.json${packs ? ` (this build: ${sstSpec})` : ""}`);
  }

  const providers = home === "local" ? [] : [{ alias: home, pkg: `@pulumi/${home}` }];
  writeConfigTypes(dir, providers);
  if (args.yes || interactive) await npmInstall(dir, providers.map((p) => p.pkg));
  else logger.log("  skipped: npm install (no terminal to confirm it; run `npm install`, or pass --yes next time)");
  if (framework?.next) logger.log(`Next: ${framework.next}`);
  logger.log(home === "local" ? "Next: sst deploy" : `Next: set up your ${home} credentials, then sst deploy`);
}

async function askHome(): Promise<HomeName> {
  const answer = await logger.prompt("Where do you want to keep your app's state? You can change this later.", {
    type: "select",
    options: HOMES,
    initial: "aws",
    cancel: "reject",
  });
  return answer as HomeName;
}

async function confirm(framework: Framework | undefined): Promise<boolean> {
  const what = framework ? `Add SST to this ${framework.name} app` : "Create sst.config.ts";
  return (await logger.prompt(`${what}, update .gitignore and package.json, and run npm install?`, {
    type: "confirm",
    initial: true,
    cancel: "reject",
  })) === true;
}
