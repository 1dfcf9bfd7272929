/**
 * The `sst` global answers a name nobody registered with a user error instead of `undefined`:
 * `new sst.aws.Vpc(...)` without `@sst/aws` says which plugin brings `sst.aws` and how to add it, and a
 * misspelt component lists the ones its namespace has. Assigning still works (`globals.sst.x = ...`); test
 * for a namespace with `"aws" in sst`, not `sst.aws?.X` (reading it is what throws).
 */
import { SSTError } from "../errors.js";

/**
 * Namespaces of `sst` that first-party provider plugins provide, so a missing one names its package and the
 * `sst add` that brings it (which installs the plugin and sets `providers.<name>`, applying the plugin). Only
 * for this error message: what a namespace holds is whatever its plugin registers. Any other namespace comes
 * from a plugin listed in `plugins: [...]`.
 */
export const FIRST_PARTY_NAMESPACES: Readonly<Record<string, { package: string; add: string }>> = Object.freeze({
  aws: { package: "@sst/aws", add: "sst add aws" },
  cloudflare: { package: "@sst/cloudflare", add: "sst add cloudflare" },
});

// What tools probe on any object (promise checks, JSON, test matchers, React-style checks): never an error.
const PROBES = new Set(["then", "toJSON", "asymmetricMatch", "nodeType", "tagName", "inspect", "prototype", "length", "name"]);
const NAME = /^[A-Za-z][A-Za-z0-9]*$/;

function members(node: Record<string, unknown>): { namespaces: string[]; components: string[] } {
  const keys = Object.keys(node).sort();
  const isClass = (key: string) => typeof node[key] === "function";
  return { namespaces: keys.filter((k) => !isClass(k)), components: keys.filter(isClass) };
}

function missing(path: string, key: string, node: Record<string, unknown>): SSTError {
  const full = `${path}.${key}`;
  const { namespaces, components } = members(node);
  if (path === "sst" && /^[a-z]/.test(key)) {
    const known = FIRST_PARTY_NAMESPACES[key];
    return new SSTError({
      code: "E_NAMESPACE_MISSING",
      message: known
        ? `${full} is not available: no plugin registered it. It comes from the ${known.package} plugin.`
        : `${full} is not available: no plugin registered ${full}.`,
      hint: known
        ? `Run \`${known.add}\` (it installs ${known.package} and adds it to \`providers\`), then run the command again.`
        : `Add the plugin that provides it to \`plugins: [...]\` in sst.config.ts. Namespaces registered now: ${
            namespaces.map((n) => `sst.${n}`).join(", ") || "none"
          }.`,
    });
  }
  return new SSTError({
    code: "E_COMPONENT_MISSING",
    message: `${full} is not a registered component.`,
    hint: components.length
      ? `${path} has: ${components.map((c) => `${path}.${c}`).join(", ")}. Check the spelling, or update the plugin that provides ${path}.`
      : `Check the spelling, or update the plugin that provides ${path}.`,
  });
}

/** Wraps the namespace tree built from the registry; `path` is where `node` sits (`sst`, `sst.aws`). */
export function strictNamespace<T extends Record<string, any>>(node: T, path = "sst"): T {
  for (const [key, value] of Object.entries(node)) {
    if (value && typeof value === "object" && Object.getPrototypeOf(value) === Object.prototype) {
      (node as Record<string, unknown>)[key] = strictNamespace(value, `${path}.${key}`);
    }
  }
  return new Proxy(node, {
    get(target, key, receiver) {
      if (typeof key !== "string" || key in target || PROBES.has(key) || !NAME.test(key)) return Reflect.get(target, key, receiver);
      throw missing(path, key, target);
    },
  });
}
