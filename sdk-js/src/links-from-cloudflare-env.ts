/**
 * Links on Cloudflare Workers come from the worker's `env` (spec §4): `SST_RESOURCE_<Name>`
 * strings are JSON-parsed into `<Name>`, binding objects (R2, KV, D1, Queue, ...) are exposed under
 * their binding name as they are, other strings are ignored. Pure: no workerd APIs needed.
 */
import { applyEnvLayers, type EnvLike } from "./_env-layers.js";
import { assignLinks } from "./_json.js";
import type { Links } from "./types.js";

/** The links one worker `env` carries; throws a ResourceError (`json`) on a bad JSON string. */
export function linksFromCloudflareEnv(env: EnvLike): Links {
  const links: Links = Object.create(null);
  applyEnvLayers(links, env);
  const bindings: Links = {};
  for (const key of Object.keys(env)) {
    const value = env[key];
    if (typeof value !== "string" && value !== undefined && value !== null) bindings[key] = value;
  }
  assignLinks(links, bindings);
  return links;
}
