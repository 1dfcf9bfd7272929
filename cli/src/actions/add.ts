/**
 * The work behind `sst add`: find the plugin and provider (this build's packs first, then the registry), then
 * either set `providers.<name>` in sst.config.ts and install like `sst install` (the provider packages and
 * their globals), or, for a plugin with no provider, install it and add it to `plugins: [...]`.
 */
import { findConfig } from "@sst/core";
import { readFile, writeFile } from "node:fs/promises";
import { basename, dirname } from "node:path";
import { findAppObject, setProvider } from "../edit/set-provider.js";
import { addPlugin } from "../edit/plugins.js";
import { parseConfig } from "../edit/config.js";
import { openProject, type ProjectArgs } from "../project.js";
import { npmInstall } from "../util/npm.js";
import { checkProviderName, findAddable, type FoundPlugin } from "../util/addable.js";
import { installProviders } from "./install.js";
import { logger } from "../ui/logger.js";

const camel = (name: string) => name.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());

export async function add(args: ProjectArgs & { provider: string }): Promise<void> {
  checkProviderName(args.provider);
  const configPath = await findConfig({ config: args.config });
  const file = basename(configPath);
  const source = await readFile(configPath, "utf8");
  // A config this command cannot edit fails before any look-up (a short name may become a provider).
  if (args.provider.startsWith("@")) findAppObject(parseConfig(source, configPath, "Fix the config, then run sst add again."), file);
  else setProvider(source, configPath, args.provider, { version: "0.0.0" });
  const { name, plugin, provider } = await findAddable(args.provider);
  const pluginSpec = plugin ? [plugin.spec] : [];
  if (plugin) logger.success(`Found the plugin ${plugin.name}@${plugin.version}${plugin.spec.startsWith("file:") ? ` (${plugin.spec.slice(5)})` : ""}`);
  if (!provider) return addToPlugins(configPath, source, plugin!, name);
  const entry = { version: provider.version, package: provider.package === `@pulumi/${name}` ? undefined : provider.package };
  const updated = setProvider(source, configPath, name, entry);
  if (updated !== source) await writeFile(configPath, updated);
  logger.success(`Added ${name} (${provider.package}@${provider.version}) to providers in ${file}`);
  await installProviders(await openProject({ ...args, config: configPath }, "add", { requireHome: false }), pluginSpec);
}

/** A plugin without a provider: installed, then imported and listed in `plugins: [...]` (its factory is the camel-cased name). */
async function addToPlugins(configPath: string, source: string, plugin: FoundPlugin, name: string): Promise<void> {
  const file = basename(configPath);
  const factory = camel(name);
  // Edited before the install (so a config it cannot edit fails first), written after it.
  const updated = addPlugin(source, configPath, { package: plugin.name, factory });
  await npmInstall(dirname(configPath), [plugin.spec]);
  if (updated === source) {
    logger.log(`  ${plugin.name} is already in \`plugins\` in ${file}.`);
    return;
  }
  await writeFile(configPath, updated);
  logger.success(`Added ${factory}() from ${plugin.name} to plugins in ${file}`);
}
