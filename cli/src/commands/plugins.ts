/**
 * Plugin commands in the CLI. Listed from the `sst.commands` manifests of the app's dependencies (JSON only:
 * no kernel, no config, no Pulumi), run with the app loaded (`../actions/plugin-command.ts`). The contract is
 * documented on `Command` in @sst/core.
 */
import type { ArgsDef, CommandDef } from "citty";
import { appDirectory, discoverCommands, type DiscoveredCommand } from "@sst/core/command";
import { SSTError } from "@sst/core/errors";
import { globalArgs } from "../args.js";
import { coreCommands } from "./index.js";

/** Commands that come with our own plugins: help lists them, and running one without its plugin says what to add. */
export const FIRST_PARTY: Record<string, { package: string; add: string; description: string }> = {
  dev: { package: "@sst/live", add: "sst add live", description: "Run your app in dev mode" },
  tunnel: { package: "@sst/tunnel", add: "sst add tunnel", description: "Start a tunnel to the VPC of your app" },
};

/** The plugin commands of the app around `cwd` (or of `--config`'s app). Clashing names are user errors. */
export function findPluginCommands(cwd: string, config?: string): DiscoveredCommand[] {
  const dir = appDirectory(cwd, config);
  const found = dir ? discoverCommands(dir) : [];
  for (const command of found) checkCommandName(command.name, `Plugin ${command.package}`, command.package);
  return found;
}

/** A plugin command may not take a core command's name, nor one of our plugins' names unless it is that plugin. */
export function checkCommandName(name: string, owner: string, pkg?: string): void {
  if (name in coreCommands) {
    throw new SSTError({
      code: "E_COMMAND_CLASH",
      message: `${owner} adds the command \`sst ${name}\`, which is a core command.`,
      hint: "Plugin commands need names of their own: ask the plugin's author, or remove the plugin.",
    });
  }
  const firstParty = FIRST_PARTY[name];
  if (firstParty && pkg !== undefined && pkg !== firstParty.package) {
    throw new SSTError({
      code: "E_COMMAND_CLASH",
      message: `${owner} adds the command \`sst ${name}\`, which belongs to ${firstParty.package}.`,
      hint: "Plugin commands need names of their own: ask the plugin's author, or remove the plugin.",
    });
  }
}

/** The error for `sst dev` / `sst tunnel` when the plugin that brings it is not installed. */
export function missingPlugin(name: string): SSTError | undefined {
  const firstParty = FIRST_PARTY[name];
  if (!firstParty) return undefined;
  return new SSTError({
    code: "E_COMMAND_PLUGIN_MISSING",
    message: `\`sst ${name}\` comes from the ${firstParty.package} plugin, which this app does not have: run \`${firstParty.add}\`.`,
  });
}

/** The citty command for a plugin command: its help from the manifest, its work behind an import. */
export function pluginCommandDef(command: DiscoveredCommand): CommandDef<any> {
  return {
    meta: { name: command.name, description: `${command.description} (${command.package})` },
    args: { ...(command.args as ArgsDef | undefined), ...globalArgs },
    run: async ({ args }) => (await import("../actions/plugin-command.js")).runPluginCommand(command, args),
  };
}

/** What `sst --help` lists: core commands, then plugin commands, then first-party commands not installed. */
export function helpListing(plugins: DiscoveredCommand[]): Record<string, CommandDef<any>> {
  const listed: Record<string, CommandDef<any>> = {};
  for (const [name, { description }] of Object.entries(coreCommands)) listed[name] = { meta: { name, description } };
  for (const command of plugins) listed[command.name] = pluginCommandDef(command);
  for (const [name, { description, add }] of Object.entries(FIRST_PARTY)) {
    listed[name] ??= { meta: { name, description: `${description} (needs its plugin: ${add})` } };
  }
  return listed;
}
