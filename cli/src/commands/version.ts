/** `sst version`: the CLI's version. */
import { defineCommand } from "citty";
import { globalArgs } from "../args.js";
import { VERSION } from "../version.js";

export const examples = ["sst version"];

export default defineCommand({
  meta: { name: "version", description: "Print the version of the CLI" },
  args: { ...globalArgs },
  run() {
    process.stdout.write(`sst ${VERSION}\n`);
  },
});
