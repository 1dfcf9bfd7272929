/**
 * The work behind `sst add`: look the name up on the registry, set `providers.<name>` in sst.config.ts, then
 * install like `sst install` (the provider packages and their globals).
 */
import { findConfig } from "@sst/core";
import { readFile, writeFile } from "node:fs/promises";
import { basename, dirname } from "node:path";
import { setProvider } from "../edit/providers.js";
import { openProject, type ProjectArgs } from "../project.js";
import { npmInstall } from "../util/npm.js";
import { checkProviderName, findAddable } from "../util/providers.js";
import { installProviders } from "./install.js";

export async function add(args: ProjectArgs & { provider: string }): Promise<void> {
  checkProviderName(args.provider);
  const configPath = await findConfig({ config: args.config });
  const file = basename(configPath);
  const source = await readFile(configPath, "utf8");
  // A config this command cannot edit fails before any registry look-up.
  setProvider(source, configPath, args.provider, { version: "0.0.0" });
  const { plugin, provider } = await findAddable(args.provider);
  const pluginSpec = plugin ? [`${plugin.name}@${plugin.version}`] : [];
  if (plugin) process.stdout.write(`✓ Found the plugin ${plugin.name}@${plugin.version}\n`);
  if (!provider) {
    await npmInstall(dirname(configPath), pluginSpec);
    process.stdout.write(`  ${plugin!.name} has no provider package: add it to \`plugins: [...]\` in ${file}.\n`);
    return;
  }
  const entry = { version: provider.version, package: provider.package === `@pulumi/${args.provider}` ? undefined : provider.package };
  const updated = setProvider(source, configPath, args.provider, entry);
  if (updated !== source) await writeFile(configPath, updated);
  process.stdout.write(`✓ Added ${args.provider} (${provider.package}@${provider.version}) to providers in ${file}\n`);
  await installProviders(await openProject({ ...args, config: configPath }, "add", { requireHome: false }), pluginSpec);
}
