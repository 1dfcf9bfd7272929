/** `sst install`: install the providers of sst.config.ts and the Pulumi engine. */
import { defineCommand } from "citty";
import { globalArgs } from "../args.js";

export const examples = [
  "sst install                     after changing `providers` or pulling a teammate's change",
  "SST_SKIP_INSTALL=1 sst install  only write the provider types and check the engine",
];

export default defineCommand({
  meta: {
    name: "install",
    description:
      "Install the providers in sst.config.ts (npm) and the Pulumi engine the CLI needs; SST_SKIP_INSTALL=1 skips the npm step, SST_PULUMI_PATH points at an engine of your own",
  },
  args: { ...globalArgs },
  run: async ({ args }) => (await import("../actions/install.js")).install(args),
});
