/** `sst upgrade [version]`: move the project to another version of the CLI, through npm. */
import { defineCommand } from "citty";
import { globalArgs } from "../args.js";

export const examples = [
  "sst upgrade            the latest version",
  "sst upgrade 0.2.0      a given version (or a dist-tag like next)",
];

export default defineCommand({
  meta: {
    name: "upgrade",
    description: "Upgrade the project's sst package (npm install sst@<version>, latest by default); SST_SKIP_INSTALL=1 only reports",
  },
  args: { ...globalArgs, version: { type: "positional", required: false, description: "A version or dist-tag (default: latest)", valueHint: "version" } },
  run: async ({ args }) => (await import("../actions/upgrade.js")).upgrade(args),
});
