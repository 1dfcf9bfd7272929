/** The telemetry setting: `<config dir>/telemetry.json` = `{ "enabled": boolean }`; the environment overrides it. */
import { configDir } from "@sst/core/home";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { logger } from "../ui/logger.js";

const truthy = (v: string | undefined) => v === "1" || v === "true";

export function telemetryFile(env: NodeJS.ProcessEnv = process.env): string {
  return join(configDir(env), "telemetry.json");
}

/** Whether telemetry is on, and what decided it. Nothing is ever sent either way. */
export function telemetryStatus(env: NodeJS.ProcessEnv = process.env): { enabled: boolean; reason: string } {
  for (const name of ["SST_TELEMETRY_DISABLED", "DO_NOT_TRACK"]) {
    if (truthy(env[name])) return { enabled: false, reason: `${name} is set` };
  }
  try {
    const saved = JSON.parse(readFileSync(telemetryFile(env), "utf8"));
    if (typeof saved?.enabled === "boolean") return { enabled: saved.enabled, reason: `set in ${telemetryFile(env)}` };
  } catch {
    // No setting yet (or an unreadable one): the default applies.
  }
  return { enabled: true, reason: "the default" };
}

export async function telemetry(action: "enable" | "disable" | "status"): Promise<void> {
  if (action !== "status") {
    const file = telemetryFile();
    mkdirSync(join(file, ".."), { recursive: true });
    writeFileSync(file, JSON.stringify({ enabled: action === "enable" }, null, 2) + "\n");
    logger.success(`Telemetry ${action}d (${file}).`);
  }
  const status = telemetryStatus();
  if (action === "status" || (action === "enable" && !status.enabled)) {
    logger.log(`Telemetry is ${status.enabled ? "enabled" : "disabled"} (${status.reason}).`);
  }
  logger.log("This CLI never sends telemetry: the setting is stored locally only.");
}
