/**
 * The one links map of a Worker isolate. Filled from every `env` the wrapped handler sees (each
 * distinct env object is parsed once) and, without a wrapper, from `cloudflare:workers`.
 */
import { assignLinks } from "./_json.js";
import { linksFromCloudflareEnv } from "./links-from-cloudflare-env.js";
import type { Links } from "./types.js";

const links: Links = Object.create(null);
const seen = new WeakSet<object>();
// A bad env is reported when Resource is read, not when a request arrives, so handlers that never
// read a link keep working.
let failure: unknown;

export function applyCloudflareEnv(env: unknown): void {
  if (env === null || typeof env !== "object" || seen.has(env)) return;
  seen.add(env);
  try {
    assignLinks(links, linksFromCloudflareEnv(env as Record<string, unknown>));
  } catch (error) {
    failure = error;
  }
}

export function cloudflareLinks(): Links {
  if (failure !== undefined) throw failure;
  return links;
}

// `import { env } from "cloudflare:workers"` exists only in workerd; the specifier lives in a
// variable so Node, Vite and TypeScript never try to resolve it, and the promise settles before
// the first request, so Resource works even in code that is not behind the wrapper.
const WORKERS_MODULE = "cloudflare:workers";
if ((globalThis as { navigator?: { userAgent?: string } }).navigator?.userAgent === "Cloudflare-Workers") {
  import(/* @vite-ignore */ WORKERS_MODULE).then(
    (mod: { env?: unknown }) => applyCloudflareEnv(mod.env),
    () => undefined,
  );
}
