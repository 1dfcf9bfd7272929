/** `sst diff`: what a deploy would change. `--offline` synthesises the program locally, with no engine. */
import { defineCommand } from "citty";
import { engineArgs } from "./engine-args.js";

export const examples = [
  "sst diff                           what a deploy would change (needs the engine)",
  "sst diff --offline                 resource tree, no credentials or engine needed",
  "sst diff --offline --json          the same as JSON: [{urn, type, name, parent, inputs}]",
  "sst diff --offline --stage prod    for another stage",
  "sst diff --offline --build         build every function too (into .sst/artifacts/)",
];

export default defineCommand({
  meta: { name: "diff" },
  args: {
    ...engineArgs,
    offline: { type: "boolean", description: "Synthesise locally under Pulumi's mocks: no network, no credentials, no Pulumi CLI" },
    json: { type: "boolean", description: "Print the offline result as JSON" },
    build: { type: "boolean", description: "With --offline: build the functions too (skipped by default; placeholders in the output)" },
    dev: { type: "boolean", description: "Diff as `sst dev` would deploy" },
  },
  run: async ({ args }) =>
    args.offline ? (await import("../actions/diff.js")).diff(args) : (await import("../actions/engine.js")).engine("diff", args),
});
