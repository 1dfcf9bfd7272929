/**
 * Strict standard base64 (RFC 4648 §4, padded). Node's Buffer decoder never fails, and the other
 * SDKs reject bad keys as kind `base64`, so we must check the text ourselves.
 */
import { ResourceError } from "./errors.js";

const STRICT = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

export function decodeBase64(text: string, source: string): Uint8Array {
  if (!STRICT.test(text)) throw new ResourceError("base64", `${source} is not valid base64`);
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}
