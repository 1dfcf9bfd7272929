/**
 * The Pulumi provider plugins an app needs (`pulumi-resource-aws` for `providers.aws`), checked before an
 * engine command takes the stage's lock and installed by `sst install`. The plugins needed for sure are
 * those of the default providers plugins register (`sst:aws`, created in every run of an app that uses
 * aws): a missing one stops the command with one line naming it, its version and `sst install`, instead of
 * the engine failing half-way with the lock held. Other providers' plugins are fetched by the engine when a
 * resource first needs them, as Pulumi does.
 *
 * Where the engine finds a plugin: `<PULUMI_HOME>/plugins/resource-<name>-v<version>/` (PULUMI_HOME is
 * `<config dir>/pulumi` for sst's engine runs), or `pulumi-resource-<name>` beside the engine or on PATH
 * (Pulumi's "ambient" plugins, used whatever their version).
 */
import { configDir, defaultProviders, providerPackage, SSTError } from "@sst/core";
import { spawn } from "node:child_process";
import { existsSync, readFileSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import { delimiter, dirname, join } from "node:path";
import type { Project } from "../project.js";
import { logger } from "../ui/logger.js";
import { installSkipped } from "../util/npm.js";

/** A resource plugin the engine will load. */
export interface ProviderPlugin {
  /** The provider's name in `providers` (`aws`). */
  provider: string;
  /** The plugin's name (`aws` for `pulumi-resource-aws`): the package's `pulumi.name`. */
  name: string;
  version: string;
  /** Where the plugin is downloaded from, for third-party packages (`pulumi.server`). */
  server?: string;
}

/** The `pulumi` section of an installed provider package's package.json. */
function packageInfo(root: string, pkg: string): { name?: string; version?: string; server?: string; packageVersion?: string } | undefined {
  let entry: string;
  try {
    entry = createRequire(join(root, "package.json")).resolve(`${pkg}/package.json`);
  } catch {
    return undefined;
  }
  const json = JSON.parse(readFileSync(entry, "utf8")) as { version?: string; pulumi?: { name?: string; version?: string; server?: string } };
  return { ...json.pulumi, packageVersion: json.version };
}

/** The plugins of the app's default providers, at the version the engine will ask for. */
export function requiredPlugins(project: Pick<Project, "kernel" | "app" | "root">): ProviderPlugin[] {
  const out: ProviderPlugin[] = [];
  for (const spec of defaultProviders(project.kernel, project.app)) {
    const pkg = providerPackage(spec.name, project.app.providers[spec.name] ?? {}, project.kernel.registry);
    const info = packageInfo(project.root, pkg);
    // Not installed: the program's own check (E_PROVIDER_NOT_INSTALLED) says to install the package.
    const version = spec.version ?? info?.version ?? info?.packageVersion;
    if (!version) continue;
    out.push({ provider: spec.name, name: info?.name ?? spec.name, version, server: info?.server });
  }
  return out;
}

const isFile = (path: string) => {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
};

/** The directory the engine keeps plugins in (PULUMI_HOME as `engineEnv` sets it). */
export function pluginsDir(env: NodeJS.ProcessEnv = process.env): string {
  return join(configDir(env), "pulumi", "plugins");
}

/** True when the engine will find the plugin: installed at its version, or ambient beside the engine or on PATH. */
export function pluginInstalled(plugin: ProviderPlugin, pulumiDir: string, env: NodeJS.ProcessEnv = process.env): boolean {
  const dir = join(pluginsDir(env), `resource-${plugin.name}-v${plugin.version}`);
  if (existsSync(dir) && !existsSync(`${dir}.partial`)) return true;
  const binary = `pulumi-resource-${plugin.name}`;
  return [pulumiDir, ...(env.PATH ?? "").split(delimiter).filter(Boolean)].some((d) => isFile(join(d, binary)));
}

/** The `pulumi plugin install` arguments for a plugin. */
export function installArgs(plugin: ProviderPlugin): string[] {
  return ["plugin", "install", "resource", plugin.name, plugin.version, ...(plugin.server ? ["--server", plugin.server] : [])];
}

/** Throws one line per missing plugin (`E_PROVIDER_PLUGIN_MISSING`) naming it, its version and `sst install`. */
export function requireProviderPlugins(project: Pick<Project, "kernel" | "app" | "root">, pulumiDir: string): void {
  const missing = requiredPlugins(project).filter((p) => !pluginInstalled(p, pulumiDir));
  if (!missing.length) return;
  throw new SSTError(
    missing.map((p) => ({
      code: "E_PROVIDER_PLUGIN_MISSING",
      message: `providers.${p.provider}: the Pulumi provider plugin "${p.name}" v${p.version} is not installed (looked in ${pluginsDir()}).`,
      hint: `Run: sst install   (it runs pulumi ${installArgs(p).join(" ")}; needs internet)`,
    })),
  );
}

/** `sst install`'s last step: `pulumi plugin install` for every plugin not installed yet. */
export async function installProviderPlugins(project: Pick<Project, "kernel" | "app" | "root">, pulumiDir: string): Promise<void> {
  for (const plugin of requiredPlugins(project)) {
    const shown = `pulumi ${installArgs(plugin).join(" ")}`;
    if (pluginInstalled(plugin, pulumiDir)) {
      logger.success(`Pulumi provider plugin ${plugin.name} v${plugin.version}`);
      continue;
    }
    if (installSkipped()) {
      logger.log(`  skipped: ${shown} (SST_SKIP_INSTALL is set)`);
      continue;
    }
    logger.log(`  $ ${shown}`);
    const env = { ...process.env, PULUMI_HOME: dirname(pluginsDir()), PULUMI_SKIP_UPDATE_CHECK: "true" };
    const { code, output } = await new Promise<{ code: number; output: string }>((resolve) => {
      const child = spawn(join(pulumiDir, "pulumi"), installArgs(plugin), { env, stdio: ["ignore", "pipe", "pipe"] });
      let text = "";
      child.stdout!.on("data", (d) => (text += d));
      child.stderr!.on("data", (d) => (text += d));
      child.on("error", (e) => resolve({ code: 1, output: e.message }));
      child.on("exit", (status) => resolve({ code: status ?? 1, output: text }));
    });
    if (code !== 0) {
      const reason = output.split("\n").find((l) => /error/i.test(l))?.trim() ?? output.trim().split("\n")[0] ?? `exit code ${code}`;
      throw new SSTError({
        code: "E_PROVIDER_PLUGIN_INSTALL",
        message: `Could not install the Pulumi provider plugin "${plugin.name}" v${plugin.version}: ${reason.slice(0, 200)}`,
        hint: `It downloads from the internet. Elsewhere, run ${shown} with PULUMI_HOME=${dirname(pluginsDir())}.`,
      });
    }
    logger.success(`Pulumi provider plugin ${plugin.name} v${plugin.version} installed`);
  }
}
