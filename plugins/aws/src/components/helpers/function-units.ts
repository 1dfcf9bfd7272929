/**
 * The human units `sst.aws.Function` takes (`"1024 MB"`, `"20 seconds"`, `"1 month"`) as the numbers AWS takes,
 * checked against Lambda's limits with errors that name the function and the argument.
 */
import * as pulumi from "@pulumi/pulumi";
import { SSTError } from "@sst/core";

export type Size = `${number} ${"MB" | "GB"}`;
export type Duration = `${number} ${"second" | "seconds" | "minute" | "minutes" | "hour" | "hours" | "day" | "days"}`;

const SECONDS: Record<string, number> = { second: 1, minute: 60, hour: 3600, day: 86400 };

/** Where a value came from, for messages: `Function "Api" memory`. */
export interface Where {
  component: string;
  arg: string;
}

function bad(where: Where, value: unknown, expected: string, example: string): SSTError {
  return new SSTError({
    code: "E_FUNCTION_ARG",
    message: `Function "${where.component}": ${where.arg} ${JSON.stringify(value)} is not valid: ${expected}.`,
    hint: `Use e.g. ${where.arg}: ${JSON.stringify(example)}.`,
  });
}

/** `"1024 MB"` → 1024, `"2 GB"` → 2048, within `[min, max]` MB. */
export function toMegabytes(value: unknown, where: Where, min: number, max: number): number {
  const match = typeof value === "string" ? /^(\d+(?:\.\d+)?) ?(MB|GB)$/.exec(value.trim()) : null;
  if (!match) throw bad(where, value, 'expected "<number> MB" or "<number> GB"', `${min} MB`);
  const mb = Number(match[1]) * (match[2] === "GB" ? 1024 : 1);
  if (!Number.isInteger(mb) || mb < min || mb > max) throw bad(where, value, `it must be a whole number of MB between ${min} MB and ${max} MB`, `${min} MB`);
  return mb;
}

/** `"20 seconds"` → 20, `"15 minutes"` → 900, within `[min, max]` seconds. */
export function toSeconds(value: unknown, where: Where, min: number, max: number): number {
  const match = typeof value === "string" ? /^(\d+(?:\.\d+)?) ?(second|minute|hour|day)s?$/.exec(value.trim()) : null;
  if (!match) throw bad(where, value, 'expected "<number> seconds", "<number> minutes", "<number> hours" or "<number> days"', `${Math.max(min, 1)} seconds`);
  const seconds = Number(match[1]) * SECONDS[match[2]!]!;
  if (!Number.isInteger(seconds) || seconds < min || seconds > max) {
    throw bad(where, value, `it must be a whole number of seconds between ${min} and ${max} seconds`, `${Math.max(min, 1)} seconds`);
  }
  return seconds;
}

/** Log retention as CloudWatch takes it: days, `0` for `"forever"` (no expiry). */
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

export type Retention = keyof typeof RETENTION;

/** `"1 month"` → 30; anything not in `RETENTION` is an error listing the accepted values. */
export function toRetentionDays(value: unknown, where: Where): number {
  if (typeof value === "string" && Object.hasOwn(RETENTION, value)) return RETENTION[value as Retention];
  throw new SSTError({
    code: "E_FUNCTION_ARG",
    message: `Function "${where.component}": ${where.arg} ${JSON.stringify(value)} is not a retention CloudWatch supports.`,
    hint: `Use one of ${Object.keys(RETENTION).map((k) => `"${k}"`).join(", ")}.`,
  });
}

/** An integer in `[min, max]`, e.g. `retries`. */
export function toInteger(value: unknown, where: Where, min: number, max: number): number {
  if (typeof value !== "number" || !Number.isInteger(value) || value < min || value > max) {
    throw bad(where, value, `it must be a whole number between ${min} and ${max}`, String(min));
  }
  return value;
}

/**
 * Applies `fn` to an Input: at once for a plain value (so a bad argument fails in the constructor, pointing at
 * the user's line), inside `apply` for an Output.
 */
export function map<T, U>(input: pulumi.Input<T>, fn: (value: T) => U): pulumi.Output<U> | U {
  if (pulumi.Output.isInstance(input) || input instanceof Promise) return pulumi.output(input).apply((v) => fn(v as T)) as pulumi.Output<U>;
  return fn(input as T);
}
