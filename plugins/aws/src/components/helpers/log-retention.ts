/**
 * CloudWatch log retention as SST args write it (`"1 month"`, `"forever"`) turned into the days CloudWatch
 * takes (`retentionInDays`; `0` keeps logs forever), with an error naming any component's argument. The table
 * is the one `sst.aws.Function` uses (`RETENTION` in function-units.ts).
 */
import { SSTError } from "@sst/core";
import { RETENTION, type Retention } from "./function-units.js";

/** A retention period: `"1 day"` … `"10 years"`, or `"forever"`. */
export type LogRetention = Retention;

/** `retentionInDays` for `retention`; `where` names the argument in the error for an unknown value. */
export function retentionInDays(retention: string, where: string): number {
  if (Object.hasOwn(RETENTION, retention)) return RETENTION[retention as Retention];
  throw new SSTError({
    code: "E_LOG_RETENTION_INVALID",
    message: `${where}: "${retention}" is not a log retention period.`,
    hint: `Use one of ${Object.keys(RETENTION).map((k) => `"${k}"`).join(", ")}.`,
  });
}
