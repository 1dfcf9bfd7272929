/**
 * `sst telemetry enable|disable|status`: a local setting in `<config dir>/telemetry.json`. This CLI never
 * sends telemetry; the setting exists for parity with SST and for tools that read it.
 */
import { defineCommand } from "citty";
import { globalArgs } from "../args.js";

export const examples = [
  "sst telemetry disable",
  "sst telemetry enable",
  "sst telemetry status            SST_TELEMETRY_DISABLED=1 or DO_NOT_TRACK=1 also turn it off",
  "# the setting is <config dir>/telemetry.json; this CLI never sends telemetry",
];

const note = "This CLI never sends telemetry: the setting is stored locally only.";

const sub = (name: "enable" | "disable" | "status", description: string) =>
  defineCommand({
    meta: { name, description: `${description}. ${note}` },
    args: { ...globalArgs },
    run: async () => (await import("../actions/telemetry.js")).telemetry(name),
  });

export default defineCommand({
  meta: { name: "telemetry" },
  args: { ...globalArgs },
  subCommands: {
    enable: sub("enable", "Enable telemetry"),
    disable: sub("disable", "Disable telemetry"),
    status: sub("status", "Show whether telemetry is enabled and why"),
  },
});
