/**
 * Opens the app a command runs on: finds the config, loads `.env`, resolves the stage, builds the kernel
 * with the plugins, and evaluates `app()`.
 */
import { Kernel, findConfig, loadApp, readDotenv, resolveStage, type LoadedApp } from "@sst/core";
import { dirname } from "node:path";
import { checkCommandName } from "./commands/plugins.js";
import { VERSION } from "./version.js";

export interface ProjectArgs {
  stage?: string;
  config?: string;
}

export interface Project extends LoadedApp {
  kernel: Kernel;
}

/** `requireHome: false` for the commands that install the home's plugin (see `LoadOptions.requireHome`). */
export async function openProject(args: ProjectArgs, command: string, options: { requireHome?: boolean } = {}): Promise<Project> {
  const configPath = await findConfig({ config: args.config });
  const root = dirname(configPath);
  // The stage first (it reads `.env` itself, so an error names `.env` as the source), then `.env` fills in
  // what the environment does not set.
  const { stage } = resolveStage({ root, flag: args.stage });
  for (const [key, value] of Object.entries(readDotenv(root))) process.env[key] ??= value;
  const kernel = new Kernel();
  const loaded = await loadApp({ kernel, stage, cliVersion: VERSION, config: configPath, command, requireHome: options.requireHome });
  for (const { name, plugin } of kernel.registry.commands.values()) checkCommandName(name, `Plugin "${plugin}"`);
  return { ...loaded, kernel };
}
