/** `sst upgrade [version]`: move the project to another version of the CLI, through npm. */
import { defineCommand } from "citty";
import { globalArgs } from "../args.js";

export const examples = [
  "sst upgrade                     npm install sst@latest in the project",
  "sst upgrade 0.2.0               a given version (or a dist-tag like next)",
  "SST_SKIP_INSTALL=1 sst upgrade  only say what would change",
  "# with this build's packs (SST_PACKAGES, or a CLI installed from one): reinstall sst and the app's packed packages",
];

export default defineCommand({
  meta: { name: "upgrade" },
  args: { ...globalArgs, version: { type: "positional", required: false, description: "A version or dist-tag (default: latest)", valueHint: "version" } },
  run: async ({ args }) => (await import("../actions/upgrade.js")).upgrade(args),
});
