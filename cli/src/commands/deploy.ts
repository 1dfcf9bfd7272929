/** `sst deploy`: create or update the stage's resources. */
import { defineCommand } from "citty";
import { engineArgs } from "./engine-args.js";

export const examples = [
  "sst deploy                          deploy your personal stage",
  "sst deploy --stage production      deploy a stage",
  "sst deploy --target Api,Web        only these components (and what depends on them)",
  "sst deploy --continue              keep going past resource errors",
];

export default defineCommand({
  meta: { name: "deploy" },
  args: {
    ...engineArgs,
    continue: { type: "boolean", description: "Continue past resource errors, deploying what can be deployed" },
    dev: { type: "boolean", description: "Deploy as `sst dev` would (functions run locally)" },
  },
  run: async ({ args }) => (await import("../actions/engine.js")).engine("deploy", args),
});
