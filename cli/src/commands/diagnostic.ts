/** `sst diagnostic`: a zip of the logs and versions to attach to a bug report, with secrets redacted. */
import { defineCommand } from "citty";
import { globalArgs } from "../args.js";

export const examples = [
  "sst diagnostic                  writes .sst/diagnostic-<time>.zip (.sst/log/* and versions.json) and prints its path",
  "sst diagnostic --stage prod     redacts the secrets of that stage",
  "# the stage's and the fallback secrets, passphrases and SST_SECRET_* values become [secret]",
];

export default defineCommand({
  meta: { name: "diagnostic" },
  args: { ...globalArgs },
  run: async ({ args }) => (await import("../actions/diagnostic.js")).diagnostic(args),
});
