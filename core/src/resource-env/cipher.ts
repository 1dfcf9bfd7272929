/**
 * AES-256-GCM exactly as SST's published SDKs read it: 12 zero-byte nonce, no AAD, file =
 * ciphertext || 16-byte tag. The zero nonce is only safe because a key never seals two different
 * plaintexts: the encoder derives each key from the plaintext it seals (spec/link-format.md §2.2).
 */
import { createCipheriv, createDecipheriv } from "node:crypto";
import { ResourceEnvError } from "./errors.js";
import { KEY_BYTES, NONCE_BYTES, TAG_BYTES } from "./format.js";

/** Seals any plaintext. Internal: the vectors need to seal non-JSON and fixed keys. */
export function sealBytes(key: Uint8Array, plaintext: Uint8Array): Buffer {
  assertKeyLength(key);
  const cipher = createCipheriv("aes-256-gcm", key, Buffer.alloc(NONCE_BYTES));
  return Buffer.concat([cipher.update(plaintext), cipher.final(), cipher.getAuthTag()]);
}

/** Opens what `sealBytes` wrote; throws `E_LINK_DECRYPT` on any tampering, truncation or wrong key. */
export function openBytes(key: Uint8Array, bytes: Uint8Array): Buffer {
  assertKeyLength(key);
  if (bytes.length < TAG_BYTES) {
    throw new ResourceEnvError("E_LINK_DECRYPT", `link file is ${bytes.length} bytes, shorter than the ${TAG_BYTES}-byte tag`);
  }
  const split = bytes.length - TAG_BYTES;
  try {
    const decipher = createDecipheriv("aes-256-gcm", key, Buffer.alloc(NONCE_BYTES));
    decipher.setAuthTag(bytes.subarray(split));
    return Buffer.concat([decipher.update(bytes.subarray(0, split)), decipher.final()]);
  } catch (cause) {
    throw new ResourceEnvError("E_LINK_DECRYPT", "link file does not authenticate with this key", [], { cause });
  }
}

/**
 * Decrypts a link file back into its `{ Name: properties }` map (for our own tools: `sst shell`,
 * diagnostics, tests). `key` is the base64 `SST_KEY` value or the raw 32 bytes.
 */
export function decryptLinks(key: string | Uint8Array, bytes: Uint8Array): Record<string, Record<string, unknown>> {
  const raw = typeof key === "string" ? Buffer.from(key, "base64") : key;
  const text = openBytes(raw, bytes).toString("utf8");
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (cause) {
    throw new ResourceEnvError("E_LINK_JSON", "decrypted link file is not JSON", [], { cause });
  }
  if (parsed === null || typeof parsed !== "object" || Array.isArray(parsed)) {
    throw new ResourceEnvError("E_LINK_JSON", "decrypted link file is not a JSON object");
  }
  return parsed as Record<string, Record<string, unknown>>;
}

function assertKeyLength(key: Uint8Array): void {
  if (key.length !== KEY_BYTES) {
    throw new ResourceEnvError("E_LINK_DECRYPT", `key is ${key.length} bytes, AES-256-GCM needs ${KEY_BYTES}`);
  }
}
