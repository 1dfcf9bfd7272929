/**
 * Plugin commands: `sst <name>` contributed by a plugin (`sst dev` by `@sst/live`, `sst tunnel` by
 * `@sst/tunnel`, `sst hello` by plugin-hello).
 *
 * The contract has two halves that must agree:
 *
 * 1. **At apply time**, the plugin registers the command on the kernel:
 *
 *    ```ts
 *    apply(kernel) {
 *      kernel.registry.command({
 *        name: "hello",
 *        description: "Print a greeting",
 *        args: { to: { type: "string", description: "Who to greet", default: "world" } },
 *        examples: ["sst hello --to you"],
 *        run: ({ args }) => console.log(`${options.greeting}, ${args.to}!`),
 *      });
 *    }
 *    ```
 *
 * 2. **Statically**, the plugin's `package.json` describes the same commands, without `run`, under
 *    `sst.commands` (exactly `commandManifest(...)` of what it registers):
 *
 *    ```json
 *    { "sst": { "commands": { "hello": { "description": "Print a greeting", "args": { "to": { ... } }, "examples": [...] } } } }
 *    ```
 *
 * `sst --help` and `sst <name> --help` read only these manifests, from the app's direct dependencies
 * (`dependencies` and `devDependencies` of the app's `package.json`), so help never loads the kernel, the
 * config or Pulumi. Running `sst <name>` loads the app (its config, every plugin applied), takes the command
 * from the kernel's registry and calls `run` with the loaded app (loading the app imports the plugin, so the
 * manifest needs no entry module, and `run` sees the plugin's options). The CLI refuses to run a command whose
 * manifest and registration differ, and a plugin's own test should compare them
 * (`expect(pkg.sst.commands).toEqual(commandManifest(kernel.registry.commands.values()))`).
 *
 * Command names are lower-case words (`hello`, `dev`, `tunnel-install`); a name a core command has, or two
 * plugins both declare, is an error naming the plugin.
 */
import { SSTError } from "../errors.js";
import type { LoadedApp } from "../config/load.js";
import type { Kernel } from "../kernel.js";

interface ArgBase {
  /** One line for `sst <command> --help`. */
  description?: string;
  /** The placeholder shown in help: `--to <name>`. */
  valueHint?: string;
  /** The command fails when the argument is missing. */
  required?: boolean;
}

/**
 * One argument of a command, in citty's `ArgDef` shape (the CLI parses with citty), JSON only: it is
 * written in `package.json` too.
 */
export type CommandArg =
  | (ArgBase & { type: "string"; alias?: string | string[]; default?: string })
  | (ArgBase & { type: "boolean"; alias?: string | string[]; default?: boolean; negativeDescription?: string })
  | (ArgBase & { type: "enum"; options: string[]; alias?: string | string[]; default?: string })
  | (ArgBase & { type: "positional"; default?: string });

export type CommandArgs = Record<string, CommandArg>;

type ArgValue<A extends CommandArg> = A extends { type: "boolean" }
  ? boolean
  : A extends { type: "enum"; options: readonly (infer O)[] }
    ? O
    : string;

/** The parsed values `run` receives: an argument with a `default` or `required: true` is always set. */
export type CommandArgValues<A extends CommandArgs> = {
  [K in keyof A]: A[K] extends { default: unknown } | { required: true } ? ArgValue<A[K]> : ArgValue<A[K]> | undefined;
} & {
  /** Words after the command that no positional argument took. */
  _: string[];
  /** The global flags every command accepts. */
  stage?: string;
  verbose?: boolean;
};

/** The outcome of an engine operation a command ran through `cli.engine`. */
export interface CommandEngineOutcome {
  ok: boolean;
  /** What `run()` returned, resolved. */
  outputs: Record<string, unknown>;
  /** `3 created, 1 updated`, as the CLI prints it. */
  summary: string;
}

/** What the CLI lends a plugin command, so that `sst dev` needs nothing of the CLI but this. */
export interface CommandServices {
  /**
   * Runs an engine operation on the loaded app exactly as `sst deploy` (`diff`, `remove`, `refresh`) does: the
   * home's lock for its duration, state pulled and pushed, progress printed, outputs written. `dev: true` runs
   * the program with `$dev` true. Rejects with the operation's user error.
   */
  engine(
    operation: import("../hooks.js").EngineOperation,
    options?: {
      dev?: boolean;
      targets?: string[];
      /** Where the operation's lines go instead of the terminal (no in-place status line then). */
      write?: (line: string) => void;
    },
  ): Promise<CommandEngineOutcome>;
  /**
   * The stage's links as environment variables, from its state (what `sst shell` gives its child): for a
   * process the command starts, such as `sst dev <command>`. Values may be secret: pass them to a child only.
   */
  linkEnvironment(): Promise<Record<string, string>>;
}

/** What a command's `run` receives: its arguments and the loaded app, with every plugin applied. */
export interface CommandContext<A extends CommandArgs = CommandArgs> extends LoadedApp {
  args: CommandArgValues<A>;
  kernel: Kernel;
  /** The CLI's services. */
  cli: CommandServices;
}

/** A command a plugin adds to the CLI: `sst <name>`. */
export interface Command<A extends CommandArgs = CommandArgs> {
  /** The word after `sst`: lower-case letters, digits and dashes, starting with a letter. */
  name: string;
  /** One line for `sst --help`. */
  description: string;
  /** Its flags and positionals (besides the global `--stage`, `--config`, `--verbose`, `--print-logs`). */
  args?: A;
  /** Lines shown under `sst <name> --help`, e.g. `"sst hello --to you   greet someone"`. */
  examples?: string[];
  /** The work. Errors the user can fix should be `SSTError`s (one line, exit 1). */
  run(context: CommandContext<A>): unknown;
}

/** A registered command, with the plugin that registered it. */
export interface RegisteredCommand extends Command<any> {
  plugin: string;
}

/** A command as `package.json` describes it: the command without `name` (the key) and `run`. */
export interface CommandManifestEntry {
  description: string;
  args?: CommandArgs;
  examples?: string[];
}

/** `package.json` → `sst.commands`: command name → its description. */
export type CommandManifest = Record<string, CommandManifestEntry>;

const NAME = /^[a-z][a-z0-9-]*$/;
const ARG_TYPES = new Set(["string", "boolean", "enum", "positional"]);
/** The flags every command has; a command cannot declare them again. */
const GLOBAL_FLAGS = new Set(["stage", "verbose", "print-logs", "printLogs", "config", "help", "h"]);

/** The `sst.commands` object that describes `commands`: what a plugin's `package.json` must hold. */
export function commandManifest(commands: Iterable<Command<any>>): CommandManifest {
  const out: CommandManifest = {};
  for (const { name, description, args, examples } of [...commands].sort((a, b) => (a.name < b.name ? -1 : 1))) {
    // Through JSON, so the result is exactly what reading package.json gives back.
    out[name] = JSON.parse(JSON.stringify({ description, args, examples })) as CommandManifestEntry;
  }
  return out;
}

/** The problems of one command description (manifest entry or registration); empty when it is valid. */
export function commandProblems(name: string, entry: Partial<CommandManifestEntry>): string[] {
  const problems: string[] = [];
  if (!NAME.test(name)) problems.push(`the name "${name}" must be lower-case letters, digits and dashes, starting with a letter`);
  if (typeof entry.description !== "string" || !entry.description.trim()) problems.push(`\`${name}\` needs a one-line description`);
  if (entry.args !== undefined) {
    if (!isRecord(entry.args)) problems.push(`the args of \`${name}\` must be an object`);
    else {
      for (const [arg, def] of Object.entries(entry.args)) {
        if (GLOBAL_FLAGS.has(arg)) problems.push(`the argument "${arg}" of \`${name}\` is a global flag every command already has`);
        else if (!isRecord(def) || !ARG_TYPES.has(def.type as string)) {
          problems.push(`the argument "${arg}" of \`${name}\` needs a type: string, boolean, enum or positional`);
        } else if (def.type === "enum" && !(Array.isArray(def.options) && def.options.every((o) => typeof o === "string"))) {
          problems.push(`the enum argument "${arg}" of \`${name}\` needs its options as strings`);
        }
      }
    }
  }
  if (entry.examples !== undefined && !(Array.isArray(entry.examples) && entry.examples.every((e) => typeof e === "string"))) {
    problems.push(`the examples of \`${name}\` must be strings`);
  }
  return problems;
}

/**
 * Reads `sst.commands` from a parsed `package.json`; `{}` when there is none. A malformed manifest is a
 * user error naming the package.
 */
export function readCommandManifest(pkg: unknown, file: string): CommandManifest {
  const sst = isRecord(pkg) ? pkg.sst : undefined;
  if (!isRecord(sst) || sst.commands === undefined) return {};
  const name = isRecord(pkg) && typeof pkg.name === "string" ? pkg.name : file;
  const problems = isRecord(sst.commands)
    ? Object.entries(sst.commands).flatMap(([command, entry]) =>
        isRecord(entry) ? commandProblems(command, entry) : [`\`${command}\` must be an object with a description`],
      )
    : ["`sst.commands` must be an object: command name → { description, args, examples }"];
  if (problems.length) {
    throw new SSTError(
      problems.map((problem) => ({
        code: "E_COMMAND_MANIFEST",
        message: `${name} (${file}): ${problem}.`,
        hint: "See `Command` in @sst/core for the shape of `sst.commands`; `commandManifest()` writes it.",
      })),
    );
  }
  return sst.commands as CommandManifest;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
