/**
 * The `sst` global answers a name nobody registered with a user error instead of `undefined`:
 * `new sst.aws.Vpc(...)` without `@sst/aws` says which plugin brings `sst.aws` and how to add it, and a
 * misspelt component lists the ones its namespace has. Assigning still works (`globals.sst.x = ...`); test
 * for a namespace with `"aws" in sst`, not `sst.aws?.X` (reading it is what throws).
 */
import { pluginPackage } from "../config/provider-plugins.js";
import { SSTError } from "../errors.js";

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
    // Core names no provider: a provider's plugin is `@sst/<provider>` by convention (`pluginPackage`),
    // which `sst add` installs; any other namespace comes from a plugin listed in `plugins: [...]`.
    const pkg = pluginPackage(key);
    return new SSTError({
      code: "E_NAMESPACE_MISSING",
      message: `${full} is not available: no plugin registered it.`,
      hint:
        `If it is a provider's, run \`sst add ${key}\` (it installs ${pkg} and adds it to \`providers\`); else add ` +
        `the plugin that provides it to \`plugins: [...]\` in sst.config.ts. Namespaces registered now: ${
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
