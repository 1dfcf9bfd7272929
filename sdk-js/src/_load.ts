/**
 * The Node loader: spec/link-format.md §3 as one pure-ish function of (env, cwd, fs), so tests
 * and the vector runner can drive it without touching process.env or process.cwd().
 */
import { isAbsolute, join } from "node:path";
import { decodeBase64 } from "./_base64.js";
import { decryptFile } from "./_decrypt.js";
import { applyEnvLayers, type EnvLike } from "./_env-layers.js";
import { assignLinks, parseObject } from "./_json.js";
import { ResourceError } from "./errors.js";
import type { Links } from "./types.js";

export interface LoadFs {
  readFile(path: string): Uint8Array;
}

const KEY_VAR = "SST_KEY";
const KEY_FILE_VAR = "SST_KEY_FILE";

/** Loads every carrier (file < SST_RESOURCES_JSON < SST_RESOURCE_*); any defect fails the load. */
export function loadResources(env: EnvLike, cwd: string, fs: LoadFs): Links {
  // A null prototype so names like `constructor` or `toString` are unlinked unless really linked.
  const links: Links = Object.create(null);
  const file = readFileLayer(env, cwd, fs);
  if (file) assignLinks(links, file);
  applyEnvLayers(links, env);
  return links;
}

function readFileLayer(env: EnvLike, cwd: string, fs: LoadFs): Links | undefined {
  const key = nonEmpty(env[KEY_VAR]);
  const path = nonEmpty(env[KEY_FILE_VAR]);
  if (key === undefined && path === undefined) return undefined;
  if (key === undefined || path === undefined) {
    const [set, unset] = key === undefined ? [KEY_FILE_VAR, KEY_VAR] : [KEY_VAR, KEY_FILE_VAR];
    throw new ResourceError("env", `${set} is set but ${unset} is not; links need both or neither`);
  }
  const raw = decodeBase64(key, KEY_VAR);
  const full = isAbsolute(path) ? path : join(cwd, path);
  let bytes: Uint8Array;
  try {
    bytes = fs.readFile(full);
  } catch (cause) {
    throw new ResourceError("io", `cannot read ${KEY_FILE_VAR} ${JSON.stringify(full)}`, { cause });
  }
  return parseObject(decryptFile(raw, bytes, full), `the decrypted ${KEY_FILE_VAR}`);
}

function nonEmpty(value: unknown): string | undefined {
  return typeof value === "string" && value !== "" ? value : undefined;
}
