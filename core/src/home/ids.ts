/**
 * Update IDs: 24 hex characters, 6 bytes of inverted millisecond time then 6 random bytes, so the newest
 * sorts first (the format SST uses for its update records).
 */
import { randomBytes } from "node:crypto";

export function descendingId(now = Date.now()): string {
  const time = (0xffffffffffff - now).toString(16).padStart(12, "0");
  return time + randomBytes(6).toString("hex");
}
