/**
 * Durations as SST args write them (`"20 seconds"`, `"5 minutes"`, `"1 day"`), turned into seconds. One
 * parser for every component that takes a duration (authorizer TTLs, CORS max age, timeouts).
 */
import { SSTError } from "@sst/core";

/** A duration: a whole number and a unit, e.g. `"300 seconds"`, `"1 hour"`, `"1 day"`. */
export type Duration = `${number} ${"second" | "seconds" | "minute" | "minutes" | "hour" | "hours" | "day" | "days"}`;

const UNIT_SECONDS: Record<string, number> = { second: 1, minute: 60, hour: 3600, day: 86400 };

/**
 * Seconds in `duration`. `where` names the argument for the error (`"MyApi: cors.maxAge"`).
 * @example toSeconds("5 minutes", "MyApi: cors.maxAge") // 300
 */
export function toSeconds(duration: string, where: string): number {
  const match = /^(\d+)\s+(second|minute|hour|day)s?$/.exec(String(duration).trim());
  if (!match) {
    throw new SSTError({
      code: "E_DURATION_INVALID",
      message: `${where}: "${duration}" is not a duration.`,
      hint: `Write a whole number and a unit, e.g. "300 seconds", "5 minutes", "1 hour" or "1 day".`,
    });
  }
  return Number(match[1]) * UNIT_SECONDS[match[2]!]!;
}
