/** @sst/core/resource-env: encode links for runtimes (link format v1, spec/link-format.md). */
export { encodeLinks } from "./encode.js";
export { decryptLinks } from "./cipher.js";
export { ResourceEnvError } from "./errors.js";
export type { ResourceEnvErrorCode } from "./errors.js";
export {
  LINK_FORMAT_VERSION,
  RESOURCE_PREFIX,
  APP_VAR,
  RESOURCES_JSON_VAR,
  KEY_VAR,
  KEY_FILE_VAR,
  FILE_NAME,
  LINK_SECRET_MIN_BYTES,
} from "./format.js";
export type { AppInfo, Links, LinkTarget, EncodeInput, EncodeResult, EncodedFile } from "./types.js";
