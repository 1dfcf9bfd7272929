/**
 * `@sst/core/command`: plugin commands (the contract is documented in `./command.ts`). A light entry: it
 * loads neither the kernel nor Pulumi, so the CLI's help can use it.
 */
export {
  commandManifest,
  commandProblems,
  readCommandManifest,
  type Command,
  type CommandArg,
  type CommandArgs,
  type CommandArgValues,
  type CommandContext,
  type CommandServices,
  type CommandEngineOutcome,
  type CommandManifest,
  type CommandManifestEntry,
  type RegisteredCommand,
} from "./command.js";
export { appDirectory, discoverCommands, type DiscoveredCommand } from "./discover.js";
