/** `Resource` for Node: reads process.env and the cwd on first access, then caches the result. */
import { readFileSync } from "node:fs";
import { loadResources } from "./_load.js";
import { createResourceProxy } from "./_proxy.js";
import type { Links } from "./types.js";

/**
 * The linked resources. Generated `sst-env.d.ts` files augment this interface with one entry per
 * link; on its own it knows only `App`, which every deployed or dev process has.
 */
export interface Resource {
  App: { name: string; stage: string };
}

// The outcome of the one load, success or failure; a failed load fails the same way every time.
let loaded: { links: Links } | { error: unknown } | undefined;

function load(): Links {
  loaded ??= attempt();
  if ("error" in loaded) throw loaded.error;
  return loaded.links;
}

function attempt(): { links: Links } | { error: unknown } {
  try {
    return { links: loadResources(process.env, process.cwd(), { readFile: (path) => readFileSync(path) }) };
  } catch (error) {
    return { error };
  }
}

export const Resource: Resource = createResourceProxy<Resource>({
  load,
  target: () => process.env.AWS_LAMBDA_FUNCTION_NAME,
});
