/** `toSeconds` checked against the range an AWS setting allows. */
import { SSTError } from "@sst/core";
import { toSeconds } from "./duration.js";

/**
 * Seconds in `duration`, between `min` and `max` inclusive.
 * @param range The allowed range as the user reads it, e.g. `"0 seconds to 15 minutes"`.
 * @example toSecondsInRange("2 minutes", 'Queue "Jobs": delay', 0, 900, "0 seconds to 15 minutes") // 120
 */
export function toSecondsInRange(duration: string, where: string, min: number, max: number, range: string): number {
  const seconds = toSeconds(duration, where);
  if (seconds < min || seconds > max) {
    throw new SSTError({
      code: "E_DURATION_RANGE",
      message: `${where}: "${duration}" is out of range.`,
      hint: `Use a value from ${range}.`,
    });
  }
  return seconds;
}
