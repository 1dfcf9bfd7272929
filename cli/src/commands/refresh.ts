/** `sst refresh`: bring the state in line with what exists in the cloud. */
import { defineCommand } from "citty";
import { engineArgs } from "./engine-args.js";

export const examples = [
  "sst refresh                        refresh your personal stage",
  "sst refresh --target Database      only these components",
];

export default defineCommand({
  meta: { name: "refresh" },
  args: { ...engineArgs, dev: { type: "boolean", description: "Refresh as `sst dev` would deploy" } },
  run: async ({ args }) => (await import("../actions/engine.js")).engine("refresh", args),
});
