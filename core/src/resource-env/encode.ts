/** The public encoder: turns an app's links into env vars and, for `"file"`, an encrypted file. */
import { createHmac } from "node:crypto";
import { assertEncodable, writeCarriers } from "./_encode-with-key.js";
import { KEY_DERIVATION_LABEL, LINK_SECRET_MIN_BYTES } from "./format.js";
import type { EncodeInput, EncodeResult, Links } from "./types.js";

/**
 * Encodes links for one artifact. The same input and stage secret give byte-identical output on
 * every run, so a deploy does not update a function whose links did not change:
 * - properties are written with their keys sorted, at every depth;
 * - for target `"file"`, the key is HMAC-SHA256(secret, label ‖ plaintext): a key only ever seals the
 *   one plaintext it was derived from, so the fixed zero nonce SST's SDKs expect stays safe
 *   (spec/link-format.md §2.2). The secret is never a key itself and never leaves the encoder.
 *
 * Throws a `ResourceEnvError` (`E_LINK_INPUT`) listing every bad name or value.
 * @example encodeLinks({ app: { name: "app", stage: "dev" }, links: { Db: { host: "h", type: "sst.sst.Linkable" } }, target: "file", secret })
 */
export function encodeLinks(input: EncodeInput): EncodeResult {
  const secret = input.target === "file" ? Buffer.from(typeof input.secret === "string" ? input.secret : "", "base64") : undefined;
  assertEncodable(input, secret && secret.length < LINK_SECRET_MIN_BYTES ? [secretProblem(input.secret, secret.length)] : []);
  const links = canonical(input.links) as Links;
  const key = secret
    ? createHmac("sha256", secret).update(KEY_DERIVATION_LABEL, "utf8").update(JSON.stringify(links), "utf8").digest()
    : NO_KEY;
  return writeCarriers({ ...input, links }, key);
}

// Env targets carry no key.
const NO_KEY = new Uint8Array(0);

function secretProblem(secret: unknown, length: number): string {
  const got = typeof secret === "string" ? `${length} bytes` : secret === undefined ? "none" : typeof secret;
  return `target "file" needs the stage's link secret (\`secret\`): base64 of at least ${LINK_SECRET_MIN_BYTES} bytes, got ${got}`;
}

/** The same value with object keys sorted at every depth (arrays keep their order), so key order never shows. */
function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value === null || typeof value !== "object") return value;
  const proto = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null) return value;
  const keys = Object.keys(value).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return Object.fromEntries(keys.map((k) => [k, canonical((value as Record<string, unknown>)[k])]));
}
