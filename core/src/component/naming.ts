/**
 * Physical names: `<app>-<stage>-<name>` cut to a resource's length limit, then `-` and 8 random characters.
 * The random part is drawn once, when the resource is created; the component adds the name field to
 * `ignoreChanges`, so the engine keeps the value in state and the name stays stable across deploys.
 */
import { createHash, randomBytes } from "node:crypto";

/** The alphabet of the random suffix: no look-alike characters, lower case, safe for every provider. */
const PRETTY = "abcdefhkmnorstuvwxz";
export const SUFFIX_LENGTH = 8;

/** 8 characters of PRETTY derived from a string (sha256 → base-19). */
export function prettyHash(input: string, length = SUFFIX_LENGTH): string {
  const hex = createHash("sha256").update(input).digest("hex").slice(0, 16);
  let n = BigInt("0x" + hex);
  let out = "";
  const base = BigInt(PRETTY.length);
  while (n > 0n && out.length < length) {
    out = PRETTY[Number(n % base)] + out;
    n /= base;
  }
  return out.padStart(length, "s").slice(0, length);
}

/** A fresh random suffix. */
export function randomSuffix(): string {
  return prettyHash(randomBytes(8).toString("hex"));
}

/**
 * `app-stage-name`, shortened to fit `max`: the name alone when even `stage-name` will not fit, then a cut
 * stage, then a cut app. Non-alphanumerics are dropped from `name`.
 */
export function prefixName(app: { name: string; stage: string }, max: number, name: string): string {
  const clean = name.replace(/[^a-zA-Z0-9]/g, "");
  const stage = app.stage;
  if (clean.length + 1 >= max) return clean.slice(0, max);
  if (clean.length + stage.length + 2 >= max) return `${stage.slice(0, max - clean.length - 1)}-${clean}`;
  return `${app.name.slice(0, max - stage.length - clean.length - 2)}-${stage}-${clean}`;
}

/** `prefixName` cut so that `-xxxxxxxx` and `suffix` fit in `max`. */
export function physicalName(
  app: { name: string; stage: string },
  max: number,
  name: string,
  suffix = "",
  random: string = randomSuffix(),
): string {
  const main = prefixName(app, max - (SUFFIX_LENGTH + 1) - suffix.length, name);
  return `${main}-${random}${suffix}`;
}

/** `myBucket` → `MyBucket`, `my-bucket` → `Mybucket` (SST's rule): the form logical names take. */
export function logicalName(name: string): string {
  const clean = name.replace(/[^a-zA-Z0-9]/g, "");
  return clean.charAt(0).toUpperCase() + clean.slice(1);
}
