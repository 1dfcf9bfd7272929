/**
 * The work behind `sst install`: the app's provider packages (npm), the provider globals of `run()`
 * (`.sst/platform/config.d.ts`), and a Pulumi engine of the version this CLI drives.
 */
import { configTypesOf, providerAlias, providerPackage, SSTError, writeConfigTypes } from "@sst/core";
import { findPulumi, managedPulumiDir, PULUMI_VERSION, pulumiVersion, requirePulumi } from "../engine/pulumi.js";
import { installProviderPlugins } from "../engine/provider-plugins.js";
import { openProject, type Project, type ProjectArgs } from "../project.js";
import { npmInstall } from "../util/npm.js";
import { logger } from "../ui/logger.js";

/** npm-installs every provider (plus `extra` specs) and rewrites the provider globals. */
export async function installProviders(project: Project, extra: string[] = []): Promise<void> {
  const providers = Object.entries(project.app.providers).map(([name, config]) => ({
    name,
    alias: providerAlias(name),
    pkg: providerPackage(name, config, project.kernel.registry),
    version: config.version,
  }));
  const specs = [...extra, ...providers.map((p) => (p.version ? `${p.pkg}@${p.version}` : p.pkg))];
  if (specs.length) {
    logger.log(`Installing ${providers.map((p) => p.name).join(", ") || "packages"}`);
    await npmInstall(project.root, specs);
  } else {
    logger.log("No providers to install.");
  }
  // After the install: the provider plugins just installed bring their types too.
  writeConfigTypes(project.root, providers, configTypesOf(project.app, project.root, project.kernel.registry).pluginPackages);
}

/** Finds a Pulumi engine of the right version, or installs one into the managed directory. */
export async function installEngine(): Promise<void> {
  const found = findPulumi();
  const version = found && pulumiVersion(found);
  if (found && version === PULUMI_VERSION) {
    logger.success(`Pulumi engine v${version} at ${found}`);
    return;
  }
  if (found) logger.log(`  The Pulumi engine at ${found} is ${version ? `v${version}` : "not runnable"}; this CLI needs v${PULUMI_VERSION}.`);
  const root = managedPulumiDir();
  logger.log(`Installing the Pulumi engine v${PULUMI_VERSION} into ${root}`);
  try {
    const { PulumiCommand } = await import("@pulumi/pulumi/automation/index.js");
    // The installer's default version is the SDK's own, which is PULUMI_VERSION.
    await PulumiCommand.install({ root });
  } catch (cause) {
    throw new SSTError(
      {
        code: "E_PULUMI_INSTALL_FAILED",
        message: `Could not install the Pulumi engine v${PULUMI_VERSION}: ${firstLine(cause)}`,
        hint: [
          "The installer needs internet access (get.pulumi.com). Offline, build the engine with scripts/pulumi/build.sh",
          "and point SST_PULUMI_PATH at the pulumi binary (or the directory holding it).",
        ].join("\n"),
      },
      { cause },
    );
  }
  logger.success(`Pulumi engine v${PULUMI_VERSION} installed`);
}

function firstLine(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.split("\n").find((l) => l.trim())?.trim().slice(0, 200) ?? "unknown error";
}

export async function install(args: ProjectArgs): Promise<void> {
  const project = await openProject(args, "install", { requireHome: false });
  await installProviders(project);
  await installEngine();
  await installProviderPlugins(project, requirePulumi());
}
