/**
 * The `Resource` object: a read-only Proxy that loads on first access, so importing the SDK costs
 * nothing and a process that never reads a link never decrypts. Shared by Node and Workers.
 */
import { ResourceError } from "./errors.js";
import type { Links } from "./types.js";

// Probed by `await`, JSON.stringify and friends; answering "not linked" would make them throw.
const PROBES = new Set(["then", "toJSON", "asymmetricMatch", "$$typeof", "nodeType"]);

export interface ProxySource {
  /** Returns the loaded links (cached by the caller) or throws a ResourceError. */
  load(): Links;
  /** Named in the not-linked message, e.g. AWS_LAMBDA_FUNCTION_NAME. */
  target(): string | undefined;
}

export function createResourceProxy<T extends object>(source: ProxySource): T {
  const owns = (links: Links, key: string | symbol): key is string =>
    typeof key === "string" && Object.prototype.hasOwnProperty.call(links, key);
  return new Proxy({} as T, {
    get(_target, key) {
      if (typeof key === "symbol") return undefined;
      const links = source.load();
      if (owns(links, key)) return links[key];
      if (PROBES.has(key)) return undefined;
      throw notLinked(key, links, source.target());
    },
    has: (_target, key) => owns(source.load(), key),
    ownKeys: () => Object.keys(source.load()),
    getOwnPropertyDescriptor(_target, key) {
      const links = source.load();
      return owns(links, key) ? { value: links[key], enumerable: true, configurable: true, writable: false } : undefined;
    },
    set: () => false,
    defineProperty: () => false,
    deleteProperty: () => false,
  });
}

function notLinked(name: string, links: Links, target: string | undefined): ResourceError {
  if (!Object.prototype.hasOwnProperty.call(links, "App")) {
    return new ResourceError(
      "not_found",
      `"${name}" is not linked: no SST links are active in this process. ` +
        "If this is local development, wrap your command with `sst dev -- <command>`.",
    );
  }
  return new ResourceError("not_found", `"${name}" is not linked in your sst.config.ts${target ? ` to ${target}` : ""}`);
}
