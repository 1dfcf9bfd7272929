/**
 * @sst/sdk for Cloudflare Workers (the `workerd`/`worker` export condition, or `@sst/sdk/cloudflare`).
 * No Node built-ins: links come from the worker's `env`, never from a file.
 */
export { Resource } from "./cloudflare-resource.js";
export { wrapCloudflareHandler } from "./wrap-cloudflare-handler.js";
export { linksFromCloudflareEnv } from "./links-from-cloudflare-env.js";
export { ResourceError } from "./errors.js";
export type { ResourceErrorKind } from "./errors.js";
export type { Links } from "./types.js";
