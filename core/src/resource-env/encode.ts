/** The public encoder: turns an app's links into env vars and, for `"file"`, an encrypted file. */
import { randomBytes } from "node:crypto";
import { encodeWithKey } from "./_encode-with-key.js";
import { KEY_BYTES } from "./format.js";
import type { EncodeInput, EncodeResult } from "./types.js";

/**
 * Encodes links for one artifact. Each call draws a fresh 32-byte key, so a key never seals two
 * plaintexts and the fixed zero nonce that SST's SDKs expect stays safe. Throws a
 * `ResourceEnvError` (`E_LINK_INPUT`) listing every bad name or value.
 */
export function encodeLinks(input: EncodeInput): EncodeResult {
  return encodeWithKey(input, randomBytes(KEY_BYTES));
}
