/** `sst install`: install the providers of sst.config.ts and the Pulumi engine. */
import { defineCommand } from "citty";
import { globalArgs } from "../args.js";

export const examples = [
  "sst install                     after changing `providers`, or pulling a teammate's change",
  "SST_SKIP_INSTALL=1 sst install  skip npm; write the provider types and check the engine only",
  "SST_PULUMI_PATH=/opt/pulumi/bin sst install   use an engine of your own (offline: scripts/pulumi/build.sh)",
];

export default defineCommand({
  meta: { name: "install" },
  args: { ...globalArgs },
  run: async ({ args }) => (await import("../actions/install.js")).install(args),
});
