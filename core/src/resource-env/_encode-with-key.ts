/**
 * The encoder with the key passed in. Internal (never re-exported): only the vector generator
 * may pick a key, so that regenerated vectors are byte-identical. Everyone else goes through
 * `encodeLinks`, which derives the key from the stage's link secret and the plaintext.
 */
import { sealBytes } from "./cipher.js";
import { ResourceEnvError } from "./errors.js";
import { APP_VAR, FILE_NAME, KEY_FILE_VAR, KEY_VAR, RESOURCE_PREFIX, RESOURCES_JSON_VAR } from "./format.js";
import type { EncodeInput, EncodeResult } from "./types.js";
import { findInputProblems } from "./validate.js";

/** Throws `E_LINK_INPUT` listing every problem of `input` (and the `extra` ones), if any. */
export function assertEncodable(input: EncodeInput, extra: string[] = []): void {
  const problems = [...findInputProblems(input), ...extra];
  if (problems.length) throw new ResourceEnvError("E_LINK_INPUT", "Cannot encode links:", problems);
}

export function encodeWithKey(input: EncodeInput, key: Uint8Array): EncodeResult {
  assertEncodable(input);
  return writeCarriers(input, key);
}

/** Writes the carriers of an input already checked by `assertEncodable`. `key` is read for `"file"` only. */
export function writeCarriers(input: EncodeInput, key: Uint8Array): EncodeResult {
  // Only name and stage: callers may pass a richer app object, the wire format carries these two.
  const app = { name: input.app.name, stage: input.app.stage };
  switch (input.target) {
    case "env": {
      const env: Record<string, string> = { [APP_VAR]: JSON.stringify(app) };
      for (const [name, props] of Object.entries(input.links)) env[RESOURCE_PREFIX + name] = JSON.stringify(props);
      return { env };
    }
    case "env-json":
      return { env: { [RESOURCES_JSON_VAR]: JSON.stringify({ ...input.links, App: app }) } };
    case "file": {
      // App stays in env, never in the file: SST's SDKs take it from SST_RESOURCE_App.
      const bytes = sealBytes(key, Buffer.from(JSON.stringify(input.links), "utf8"));
      const b64 = Buffer.from(key).toString("base64");
      return {
        env: { [APP_VAR]: JSON.stringify(app), [KEY_VAR]: b64, [KEY_FILE_VAR]: FILE_NAME },
        file: { key: b64, bytes, name: FILE_NAME },
      };
    }
  }
}
