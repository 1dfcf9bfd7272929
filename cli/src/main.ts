/**
 * CLI entry: resolves the command, prints help, checks flags strictly, runs, and renders errors.
 * Returns the exit code instead of exiting, so tests can call it.
 */
import { defineCommand, runCommand, showUsage, type ArgsDef, type CommandDef, type SubCommandsDef } from "citty";
import type { DiscoveredCommand } from "@sst/core/command";
import { SSTError } from "@sst/core/errors";
import { globalArgs } from "./args.js";
import { commands, coreCommands, examplesFor } from "./commands/index.js";
import { findPluginCommands, helpListing, missingPlugin, pluginCommandDef } from "./commands/plugins.js";
import { renderError } from "./ui/error.js";
import { VERSION } from "./version.js";
import { logger, printData, setVerbose } from "./ui/logger.js";

const rootWith = (subCommands: SubCommandsDef) =>
  defineCommand({
    meta: { name: "sst", version: VERSION, description: "Deploy anything: SST, rebuilt as a plugin kernel." },
    args: { ...globalArgs },
    subCommands,
  });

const resolve = async <T>(v: T | (() => T | Promise<T>) | Promise<T>): Promise<T> =>
  typeof v === "function" ? await (v as () => T | Promise<T>)() : await v;

/** The value of `--config` in argv, if any: plugin commands are found from that app. */
function configFlag(argv: string[]): string | undefined {
  const i = argv.findIndex((a) => a === "--config" || a.startsWith("--config="));
  return i < 0 ? undefined : argv[i]!.includes("=") ? argv[i]!.slice("--config=".length) : argv[i + 1];
}

/** Examples shown under `sst <name> --help`: from a core command's file, or from a plugin's manifest. */
async function examplesOf(name: string, plugins: () => DiscoveredCommand[]): Promise<string[]> {
  return name in coreCommands ? examplesFor(name) : (plugins().find((c) => c.name === name)?.examples ?? []);
}

/** Walks argv's leading words down the sub-command tree: `["secret", "set", ...]` → the `set` command. */
async function resolveCommand(root: CommandDef<any>, argv: string[]): Promise<{ cmd: CommandDef<any>; parent?: CommandDef<any>; path: string[] }> {
  let cmd: CommandDef<any> = root;
  let parent: CommandDef<any> | undefined;
  const path: string[] = [];
  for (const word of argv) {
    if (word.startsWith("-")) continue;
    const subs = cmd.subCommands ? await resolve(cmd.subCommands) : undefined;
    if (!subs) break;
    if (!(word in subs)) {
      if (cmd === root) {
        throw missingPlugin(word) ?? new SSTError({ code: "E_UNKNOWN_COMMAND", message: `Unknown command "${word}".`, hint: "Run `sst --help` for the list of commands." });
      }
      break;
    }
    parent = cmd;
    cmd = await resolve(subs[word]!);
    path.push(word);
  }
  return { cmd, parent, path };
}

/** Every `--flag` must be one the command declares. */
async function checkFlags(cmd: CommandDef<any>, argv: string[], path: string[]): Promise<void> {
  const defs: ArgsDef = (cmd.args ? await resolve(cmd.args) : {}) as ArgsDef;
  const known = new Set<string>(["help", "h"]);
  for (const [name, def] of Object.entries(defs)) {
    known.add(name);
    for (const a of [(def as { alias?: string | string[] }).alias ?? []].flat()) known.add(a);
    if (def.type === "boolean") known.add(`no-${name}`);
  }
  for (const token of argv) {
    if (token === "--") break;
    const match = /^--?([^=]+)/.exec(token);
    if (!match || /^-\d/.test(token)) continue;
    const name = match[1]!;
    const camel = name.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());
    if (!known.has(name) && !known.has(camel)) {
      throw new SSTError({
        code: "E_UNKNOWN_FLAG",
        message: `Unknown flag "${token.split("=")[0]}" for \`${["sst", ...path].join(" ")}\`.`,
        hint: `Run \`sst ${path.join(" ")}${path.length ? " " : ""}--help\` to see its flags.`,
      });
    }
  }
}

/** citty's own argument errors (a missing positional, ...) are user errors too: one line and a hint. */
function usageError(error: unknown, path: string[]): unknown {
  if (!(error instanceof Error) || error.name !== "CLIError") return error;
  const message = error.message.replace(/\x1b\[[0-9;]*m/g, "").replace(/\.$/, "");
  return new SSTError({
    code: "E_USAGE",
    message: `${message} for \`${["sst", ...path].join(" ")}\`.`,
    hint: `Run \`sst ${path.join(" ")}${path.length ? " " : ""}--help\` for its arguments.`,
  }, { cause: error });
}

export async function main(argv: string[]): Promise<number> {
  // What follows `--` belongs to the command `sst shell` runs, never to sst (`sst shell -- node --help`).
  const own = argv.includes("--") ? argv.slice(0, argv.indexOf("--")) : argv;
  const verbose = own.includes("--verbose");
  if (verbose) process.env.SST_VERBOSE = "1";
  setVerbose(verbose);
  try {
    // Plugin commands are looked for only when the command is not a core one, or for the command list.
    let found: DiscoveredCommand[] | undefined;
    const plugins = () => (found ??= findPluginCommands(process.cwd(), configFlag(own)));
    const first = own.find((a) => !a.startsWith("-"));
    const pluginDefs = first !== undefined && !(first in coreCommands) ? Object.fromEntries(plugins().map((c) => [c.name, pluginCommandDef(c)])) : {};
    const root = rootWith({ ...commands, ...pluginDefs });
    const { cmd, parent, path } = await resolveCommand(root, argv);
    if (argv.length === 0 || own.includes("--help") || own.includes("-h") || (cmd === root && path.length === 0 && !own.includes("--version"))) {
      await showUsage(cmd === root ? rootWith(helpListing(plugins())) : cmd, parent);
      const examples = path.length ? await examplesOf(path[0]!, plugins) : [];
      if (examples.length) logger.log(`EXAMPLES\n\n${examples.map((e) => `  ${e}`).join("\n")}\n`);
      return 0;
    }
    if (cmd === root && own.includes("--version")) {
      printData(`sst ${VERSION}\n`);
      return 0;
    }
    await checkFlags(cmd, argv, path);
    const subs = cmd.subCommands ? await resolve(cmd.subCommands) : undefined;
    if (subs && !cmd.run) {
      const word = argv.filter((a) => !a.startsWith("-"))[path.length];
      throw new SSTError({
        code: word ? "E_UNKNOWN_COMMAND" : "E_SUBCOMMAND_MISSING",
        message: word
          ? `Unknown sub-command "${word}" for \`sst ${path.join(" ")}\`; use one of: ${Object.keys(subs).join(", ")}.`
          : `\`sst ${path.join(" ")}\` needs a sub-command: ${Object.keys(subs).join(", ")}.`,
        hint: `Run \`sst ${path.join(" ")} --help\` for what each does.`,
      });
    }
    try {
      await runCommand(root, { rawArgs: argv });
    } catch (error) {
      throw usageError(error, path);
    }
    // A command that passes on a child's status (`sst shell`) sets it as process.exitCode.
    return typeof process.exitCode === "number" ? process.exitCode : 0;
  } catch (error) {
    return renderError(error, verbose);
  }
}
