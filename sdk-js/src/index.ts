/** @sst/sdk for Node: `import { Resource } from "sst"`. Workers resolve to ./cloudflare.ts instead. */
export { Resource } from "./resource.js";
export { ResourceError } from "./errors.js";
export type { ResourceErrorKind } from "./errors.js";
export type { Links } from "./types.js";
