/** `sst state`: look at and fix the state the engine keeps for a stage (the resources, not the cloud). */
import { defineCommand } from "citty";
import { globalArgs } from "../args.js";

export const examples = [
  "sst state export > state.json             the stage's state as the home stores it (secrets stay encrypted)",
  "sst state export --decrypt --stage prod   with secret values in plaintext (through the engine)",
  "sst state list                            every resource in the state: name and type, children indented",
  "sst state list --stages                   the app's stages that have state in its home",
  "sst state remove MyBucket                 forget a resource (and its children); the cloud resource is untouched",
  "sst state repair                          reorder resources after what they depend on, drop dangling references",
];

const exportCommand = defineCommand({
  meta: { name: "export", description: "Print the state of the stage as JSON (pull it from the home)" },
  args: { ...globalArgs, decrypt: { type: "boolean", description: "Show secret values in plaintext (runs the engine)" } },
  run: async ({ args }) => (await import("../actions/state.js")).stateExport(args),
});

const list = defineCommand({
  meta: { name: "list", description: "List the resources in the state: name and type, children under their parent" },
  args: { ...globalArgs, stages: { type: "boolean", description: "List the app's stages that have state in its home instead" } },
  run: async ({ args }) => (await import("../actions/state.js")).stateList(args),
});

const remove = defineCommand({
  meta: {
    name: "remove",
    description: "Remove a resource, and what it parents, from the state; the resource itself is not deleted",
  },
  args: {
    ...globalArgs,
    name: { type: "positional", required: true, description: "The resource's name, as in sst.config.ts (or its URN)", valueHint: "Name" },
  },
  run: async ({ args }) => (await import("../actions/state.js")).stateRemove(args),
});

const repair = defineCommand({
  meta: {
    name: "repair",
    description: "Fix a damaged state: list resources after what they depend on, drop references to missing resources",
  },
  args: { ...globalArgs },
  run: async ({ args }) => (await import("../actions/state.js")).stateRepair(args),
});

export default defineCommand({
  meta: { name: "state" },
  args: { ...globalArgs },
  subCommands: { export: exportCommand, list, remove, repair },
});
