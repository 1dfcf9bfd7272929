/** `sst init`: start an SST app in the current directory (drop-in mode in a Next.js, Remix, Astro or SvelteKit app). */
import { defineCommand } from "citty";
import { globalArgs } from "../args.js";

export const examples = [
  "sst init                       asks where to deploy, then writes sst.config.ts and installs",
  "sst init --yes                 no questions: the detected framework, or home aws",
  "sst init --yes --home local    state on this machine; no cloud account needed",
  "SST_SKIP_INSTALL=1 sst init --yes   write the files only (no npm install)",
];

export default defineCommand({
  meta: {
    name: "init",
    description:
      "Initialize a new project in the current directory: writes sst.config.ts (never over an existing one), adds .sst to .gitignore and sst to package.json, and installs. In a Next.js, Remix, Astro or SvelteKit project, inits SST in drop-in mode. Without a terminal, pass --yes to install",
  },
  args: {
    ...globalArgs,
    yes: { type: "boolean", description: "Skip the interactive confirmation (and accept the detected framework)" },
    home: { type: "string", description: "Where state is kept: aws (default), cloudflare or local", valueHint: "aws|cloudflare|local" },
  },
  run: async ({ args }) => (await import("../actions/init.js")).init(args),
});
