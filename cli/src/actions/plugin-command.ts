/**
 * The work behind a plugin command (`sst hello`): loads the app, so every plugin is applied, takes the command
 * the plugin registered and runs it. The manifest that help was rendered from must match the registration.
 */
import { basename } from "node:path";
import { isDeepStrictEqual } from "node:util";
import { commandManifest, SSTError, type CommandArgValues, type CommandServices, type DiscoveredCommand } from "@sst/core";
import { openProject, type ProjectArgs } from "../project.js";

export async function runPluginCommand(found: DiscoveredCommand, args: ProjectArgs & Record<string, unknown>): Promise<void> {
  const { name, package: pkg, ...described } = found;
  const project = await openProject(args, name);
  const command = project.kernel.registry.commands.get(name);
  const file = basename(project.configPath);
  if (!command) {
    throw new SSTError({
      code: "E_COMMAND_PLUGIN_UNUSED",
      message: `\`sst ${name}\` comes from the plugin in ${pkg}, which ${file} does not use.`,
      hint: `Add it to \`plugins: [...]\` in ${file} (see the ${pkg} README).`,
    });
  }
  if (!isDeepStrictEqual(commandManifest([command])[name], described)) {
    throw new SSTError({
      code: "E_COMMAND_MANIFEST",
      message: `${pkg}: its package.json describes \`sst ${name}\` differently from the command plugin "${command.plugin}" registers.`,
      hint: "A plugin's `sst.commands` must equal commandManifest() of the commands it registers: update or reinstall the package.",
    });
  }
  const cli: CommandServices = {
    async engine(operation, options = {}) {
      const { runOperation } = await import("./engine.js");
      const outcome = await runOperation(project, operation, { ...args, dev: options.dev, target: options.targets?.join(",") }, options.write);
      return { ok: outcome.ok, outputs: outcome.outputs, summary: outcome.summary };
    },
    async linkEnvironment() {
      const { stageLinkEnvironment } = await import("./shell.js");
      return stageLinkEnvironment(args, name);
    },
  };
  await command.run({ ...project, args: args as CommandArgValues<any>, cli });
}
