/** `sst init`: start an SST app in the current directory (drop-in mode in a Next.js, Remix, Astro or SvelteKit app). */
import { defineCommand } from "citty";
import { globalArgs } from "../args.js";

export const examples = [
  "sst init                        asks where to keep state, then writes sst.config.ts and installs",
  "sst init --yes                  no questions: the detected framework, or home aws",
  "sst init --yes --home local     state on this machine; no cloud account needed",
  "SST_SKIP_INSTALL=1 sst init --yes   write the files only (no npm install)",
  "# never overwrites sst.config.ts; adds .sst to .gitignore and sst to package.json's devDependencies",
  "# without a terminal and without --yes, the files are written but npm install is skipped",
];

export default defineCommand({
  meta: { name: "init" },
  args: {
    ...globalArgs,
    yes: { type: "boolean", description: "Skip the interactive confirmation (and accept the detected framework)" },
    home: { type: "string", description: "Where state is kept: aws (default), cloudflare or local", valueHint: "aws|cloudflare|local" },
  },
  run: async ({ args }) => (await import("../actions/init.js")).init(args),
});
