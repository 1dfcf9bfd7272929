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
import { findAddable } from "../util/providers.js";
import { installProviders } from "./install.js";

export async function add(args: ProjectArgs & { provider: string }): Promise<void> {
  const configPath = await findConfig({ config: args.config });
  const file = basename(configPath);
  const { plugin, provider } = await findAddable(args.provider);
  const pluginSpec = plugin ? [`${plugin.name}@${plugin.version}`] : [];
  if (plugin) process.stdout.write(`✓ Found the plugin ${plugin.name}@${plugin.version}\n`);
  if (!provider) {
    await npmInstall(dirname(configPath), pluginSpec);
    process.stdout.write(`  ${plugin!.name} has no provider package: add it to \`plugins: [...]\` in ${file}.\n`);
    return;
  }
  const source = await readFile(configPath, "utf8");
  const entry = { version: provider.version, package: provider.package === `@pulumi/${args.provider}` ? undefined : provider.package };
  const updated = setProvider(source, configPath, args.provider, entry);
  if (updated !== source) await writeFile(configPath, updated);
  process.stdout.write(`✓ Added ${args.provider} (${provider.package}@${provider.version}) to providers in ${file}\n`);
  await installProviders(await openProject({ ...args, config: configPath }, "add"), pluginSpec);
}
