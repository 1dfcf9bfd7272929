/** `sst version`: the CLI's version. */
import { defineCommand } from "citty";
import { globalArgs } from "../args.js";
import { VERSION } from "../version.js";
import { printData } from "../ui/logger.js";

export const examples = ["sst version"];

export default defineCommand({
  meta: { name: "version" },
  args: { ...globalArgs },
  run() {
    printData(`sst ${VERSION}\n`);
  },
});
