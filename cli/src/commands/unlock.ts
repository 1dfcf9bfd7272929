/** `sst unlock`: release a stage's lock left behind by a command that was killed. */
import { defineCommand } from "citty";
import { globalArgs } from "../args.js";

export const examples = [
  "sst unlock                      your personal stage",
  "sst unlock --stage production",
  "# the interrupted update is recorded as failed in the stage's update history",
];

export default defineCommand({
  meta: { name: "unlock" },
  args: { ...globalArgs },
  run: async ({ args }) => (await import("../actions/unlock.js")).unlock(args),
});
