/**
 * Opens `resource.enc`: AES-256-GCM, 12 zero-byte nonce, no AAD, the tag in the last 16 bytes
 * (spec §2.1). Node only; Workers receive links as bindings and never read a file.
 */
import { createDecipheriv } from "node:crypto";
import { ResourceError } from "./errors.js";

const TAG_BYTES = 16;
const KEY_BYTES = 32;

export function decryptFile(key: Uint8Array, bytes: Uint8Array, source: string): string {
  if (key.length !== KEY_BYTES) {
    throw new ResourceError("decryption", `SST_KEY is ${key.length} bytes, AES-256-GCM needs ${KEY_BYTES}`);
  }
  if (bytes.length < TAG_BYTES) {
    throw new ResourceError("decryption", `${source} is ${bytes.length} bytes, shorter than the ${TAG_BYTES}-byte tag`);
  }
  const split = bytes.length - TAG_BYTES;
  try {
    const decipher = createDecipheriv("aes-256-gcm", key, new Uint8Array(12));
    decipher.setAuthTag(bytes.subarray(split));
    return decipher.update(bytes.subarray(0, split), undefined, "utf8") + decipher.final("utf8");
  } catch (cause) {
    throw new ResourceError("decryption", `${source} does not decrypt with SST_KEY (wrong key or damaged file)`, { cause });
  }
}
