/**
 * CloudWatch log retention as SST args write it (`"1 month"`, `"forever"`) and the days CloudWatch takes
 * (`retentionInDays`; `0` keeps logs forever).
 */
import { SSTError } from "@sst/core";

export const RETENTION = {
  "1 day": 1,
  "3 days": 3,
  "5 days": 5,
  "1 week": 7,
  "2 weeks": 14,
  "1 month": 30,
  "2 months": 60,
  "3 months": 90,
  "4 months": 120,
  "5 months": 150,
  "6 months": 180,
  "1 year": 365,
  "13 months": 400,
  "18 months": 545,
  "2 years": 731,
  "3 years": 1096,
  "5 years": 1827,
  "6 years": 2192,
  "7 years": 2557,
  "8 years": 2922,
  "9 years": 3288,
  "10 years": 3653,
  forever: 0,
} as const;

/** A retention period: `"1 day"` … `"10 years"`, or `"forever"`. */
export type LogRetention = keyof typeof RETENTION;

/** `retentionInDays` for `retention`; `where` names the argument in the error for an unknown value. */
export function retentionInDays(retention: string, where: string): number {
  const days = (RETENTION as Record<string, number>)[retention];
  if (days === undefined) {
    throw new SSTError({
      code: "E_LOG_RETENTION_INVALID",
      message: `${where}: "${retention}" is not a log retention period.`,
      hint: `Use one of ${Object.keys(RETENTION).map((k) => `"${k}"`).join(", ")}.`,
    });
  }
  return days;
}
