/** `sst remove`: remove every resource of the stage (refused when the stage is protected). */
import { defineCommand } from "citty";
import { engineArgs } from "./engine-args.js";

export const examples = [
  "sst remove --stage pr-42           remove a stage",
  "sst remove --target Queue          remove only these components",
];

export default defineCommand({
  meta: { name: "remove" },
  args: {
    ...engineArgs,
    continue: { type: "boolean", description: "Continue past resource errors" },
  },
  run: async ({ args }) => (await import("../actions/engine.js")).engine("remove", args),
});
