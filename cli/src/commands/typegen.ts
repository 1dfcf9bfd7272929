/** `sst types`: regenerate `sst-env.d.ts` (and `.sst/platform/config.d.ts`) without deploying. */
import { defineCommand } from "citty";
import { globalArgs } from "../args.js";

export const examples = [
  "sst types                      after editing sst.config.ts, refresh the Resource types your code sees",
  "sst types --stage production   for another stage (links can differ per stage)",
];

export default defineCommand({
  meta: { name: "types" },
  args: { ...globalArgs },
  run: async ({ args }) => (await import("../actions/typegen.js")).types(args),
});
