/** Homes: where state, secrets, locks and passphrases live. */
export type { Home, LockInfo, StageRef, UpdateRecord, VersionedBlob } from "./types.js";
export { FALLBACK_STAGE } from "./types.js";
export { LocalHome } from "./local.js";
export { LockedError, UNKNOWN_HOLDER, corrupt } from "./errors.js";
export { configDir } from "./paths.js";
export { descendingId } from "./ids.js";
export { sealSecrets, openSecrets, newPassphrase, newLinkSecret, readSecrets, secretsLabel, updateSecrets } from "./secrets.js";
export { processAlive } from "./file-lock.js";
