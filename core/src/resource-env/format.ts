/**
 * Wire constants of link format v1 (spec/link-format.md). The encoder, `decryptLinks` and the
 * vector generator all read them from here so the three can never disagree on a name or a size.
 */
export const LINK_FORMAT_VERSION = 1;

/** Prefix of one env var per link: `SST_RESOURCE_<Name>`. */
export const RESOURCE_PREFIX = "SST_RESOURCE_";
/** The app's own entry, `{ name, stage }`; always set, which is how an SDK knows links are active. */
export const APP_VAR = "SST_RESOURCE_App";
/** One JSON object holding every link, for platforms that upper-case env var names. */
export const RESOURCES_JSON_VAR = "SST_RESOURCES_JSON";
export const KEY_VAR = "SST_KEY";
export const KEY_FILE_VAR = "SST_KEY_FILE";
/** Written at the root of the artifact; relative paths in SST_KEY_FILE resolve against the cwd. */
export const FILE_NAME = "resource.enc";

export const KEY_BYTES = 32;
export const NONCE_BYTES = 12;
export const TAG_BYTES = 16;
/** `App` is generated from the app info, so no link may take its name. */
export const RESERVED_NAME = "App";

/** The stage's link secret (kept by the home) is base64 of at least this many random bytes. */
export const LINK_SECRET_MIN_BYTES = 32;
/** Prefixed to the plaintext under HMAC, so a key derived here can never equal an HMAC made for another purpose. */
export const KEY_DERIVATION_LABEL = "sst link-format v1 file key\u0000";
