/**
 * The command table. Command files hold only their flags and help; the work lives in `../actions/*`,
 * imported when the command runs, so `sst --help` stays fast and never loads the kernel.
 */
import type { CommandDef } from "citty";

type Loaded = { default: CommandDef<any>; examples?: string[] };

const table: Record<string, () => Promise<Loaded>> = {
  version: () => import("./version.js"),
  deploy: () => import("./deploy.js"),
  diff: () => import("./diff.js"),
  remove: () => import("./remove.js"),
  refresh: () => import("./refresh.js"),
  shell: () => import("./shell.js"),
  state: () => import("./state.js"),
  init: () => import("./init.js"),
  add: () => import("./add.js"),
  install: () => import("./install.js"),
  secret: () => import("./secret.js"),
  unlock: () => import("./unlock.js"),
  types: () => import("./types.js"),
  upgrade: () => import("./upgrade.js"),
  telemetry: () => import("./telemetry.js"),
  diagnostic: () => import("./diagnostic.js"),
  cert: () => import("./cert.js"),
};

export const commands: Record<string, () => Promise<CommandDef<any>>> = Object.fromEntries(
  Object.entries(table).map(([name, load]) => [name, () => load().then((m) => m.default)]),
);

/** Examples shown under a command's `--help`. */
export async function examplesFor(name: string): Promise<string[]> {
  return (await table[name]?.())?.examples ?? [];
}
