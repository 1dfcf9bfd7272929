/**
 * The vector shape every SDK suite reads (spec/link-format.md, "Test vectors") and the helpers
 * that build one from links through the real encoder.
 */
import { encodeWithKey } from "../../../src/resource-env/_encode-with-key.js";
import { APP_VAR } from "../../../src/resource-env/format.js";
import type { AppInfo, Links } from "../../../src/resource-env/types.js";
import { vectorKey } from "./_prng.js";

export type ErrorKind = "not_found" | "env" | "io" | "base64" | "decryption" | "json";

export type Lookup = { path: string[]; value: unknown } | { path: string[]; error: "not_found" };

export interface Vector {
  name: string;
  description: string;
  env: Record<string, string>;
  /** File name in the vector's cwd → base64 of the exact bytes. */
  files: Record<string, string>;
  expect: { resources: Record<string, unknown> } | { error: ErrorKind };
  lookups: Lookup[];
}

export const APP: AppInfo = { name: "vectors", stage: "test" };
export const APP_JSON = JSON.stringify(APP);

/** `Nope` is never linked in any vector, so every vector can check the not_found path. */
export const NOT_LINKED: Lookup = { path: ["Nope"], error: "not_found" };
export const APP_LOOKUPS: Lookup[] = [
  { path: ["App", "name"], value: APP.name },
  { path: ["App", "stage"], value: APP.stage },
];

/** The env and files a `"file"` target produces for `links`, sealed with the vector's fixed key. */
export function fileArtifact(name: string, links: Links): { env: Record<string, string>; files: Record<string, string> } {
  const { env, file } = encodeWithKey({ app: APP, links, target: "file" }, vectorKey(name));
  return { env, files: { [file!.name]: file!.bytes.toString("base64") } };
}

/** The env an `"env"` target produces for `links` (App included). */
export function envArtifact(links: Links): Record<string, string> {
  return encodeWithKey({ app: APP, links, target: "env" }, Buffer.alloc(32)).env;
}

/** A vector whose load fails with `kind`. */
export function failing(
  name: string,
  description: string,
  kind: ErrorKind,
  env: Record<string, string>,
  files: Record<string, string> = {},
): Vector {
  return { name, description, env, files, expect: { error: kind }, lookups: [] };
}

/** Env with just the app entry; the base of vectors that carry no links in env. */
export function appOnlyEnv(): Record<string, string> {
  return { [APP_VAR]: APP_JSON };
}
