/**
 * The command table. Each core command is listed with its one-line description, so `sst --help` renders
 * without importing a single command file; a command file holds its flags, help and examples, and the work
 * lives in `../actions/*`, imported when the command runs. Plugin commands come from the app's dependencies
 * (`./plugins.ts`).
 */
import type { CommandDef } from "citty";

type Loaded = { default: CommandDef<any>; examples?: string[] };

interface CoreCommand {
  /** One line for `sst --help` (and the command's own help). */
  description: string;
  load: () => Promise<Loaded>;
}

export const coreCommands: Record<string, CoreCommand> = {
  version: { description: "Print the version of the CLI", load: () => import("./version.js") },
  deploy: { description: "Deploy your application", load: () => import("./deploy.js") },
  diff: { description: "See what changes will be made to your app", load: () => import("./diff.js") },
  remove: { description: "Remove your application (refused if the stage is protected)", load: () => import("./remove.js") },
  refresh: {
    description: "Compare your local state with the state of the resources in the cloud provider",
    load: () => import("./refresh.js"),
  },
  shell: { description: "Run a command with the linked resources of the stage in its environment", load: () => import("./shell.js") },
  state: { description: "Manage the state of your app", load: () => import("./state.js") },
  init: {
    description: "Initialize a new project in the current directory (drop-in mode in a Next.js, Remix, Astro or SvelteKit app)",
    load: () => import("./init.js"),
  },
  add: { description: "Add a provider (its latest version) or a plugin to sst.config.ts and install it", load: () => import("./add.js") },
  install: { description: "Install the providers in sst.config.ts and the Pulumi engine", load: () => import("./install.js") },
  secret: { description: "Manage the secrets of your app (values of sst.Secret)", load: () => import("./secret.js") },
  unlock: { description: "Release the lock on a stage's state, left by a command that was killed", load: () => import("./unlock.js") },
  types: { description: "Generate sst-env.d.ts from sst.config.ts, offline (no engine, no credentials)", load: () => import("./typegen.js") },
  upgrade: { description: "Upgrade the project's sst package to the latest version, or the one given", load: () => import("./upgrade.js") },
  telemetry: { description: "Manage telemetry settings (a local setting: nothing is ever sent)", load: () => import("./telemetry.js") },
  diagnostic: {
    description: "Write a zip of the logs and versions into .sst/ for a bug report, with secrets redacted",
    load: () => import("./diagnostic.js"),
  },
  cert: { description: "Generate a locally-trusted certificate for localhost and 127.0.0.1", load: () => import("./cert.js") },
};

/** A core command's definition, its description taken from the table. */
async function loadCore(name: string): Promise<CommandDef<any>> {
  const { description, load } = coreCommands[name]!;
  const command = (await load()).default;
  return { ...command, meta: { ...(command.meta as object), description } };
}

export const commands: Record<string, () => Promise<CommandDef<any>>> = Object.fromEntries(
  Object.keys(coreCommands).map((name) => [name, () => loadCore(name)]),
);

/** Examples shown under a core command's `--help`. */
export async function examplesFor(name: string): Promise<string[]> {
  return (await coreCommands[name]?.load())?.examples ?? [];
}
