/**
 * The two env carriers, applied in spec order: `SST_RESOURCES_JSON` first, then each
 * `SST_RESOURCE_<Name>` on top (the most specific carrier wins). Shared by Node and Workers, so
 * it uses nothing beyond the language.
 */
import { assignLinks, parseObject } from "./_json.js";
import type { Links } from "./types.js";

export const RESOURCE_PREFIX = "SST_RESOURCE_";
export const RESOURCES_JSON_VAR = "SST_RESOURCES_JSON";

export type EnvLike = Record<string, unknown>;

export function applyEnvLayers(links: Links, env: EnvLike): void {
  const json = env[RESOURCES_JSON_VAR];
  if (typeof json === "string" && json !== "") assignLinks(links, parseObject(json, RESOURCES_JSON_VAR));
  for (const key of Object.keys(env)) {
    const value = env[key];
    // `SST_RESOURCE_` alone names no link; non-strings are Worker bindings, handled by the caller.
    if (!key.startsWith(RESOURCE_PREFIX) || key.length === RESOURCE_PREFIX.length || typeof value !== "string") continue;
    assignLinks(links, { [key.slice(RESOURCE_PREFIX.length)]: parseObject(value, key) });
  }
}
