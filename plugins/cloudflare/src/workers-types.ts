/**
 * `sst-env.d.ts` for Workers: a link bound natively (`sst.cloudflare.binding`) is declared as its
 * `@cloudflare/workers-types` class (`R2Bucket`, `KVNamespace`, `D1Database`, `Queue`, `Service`; text bindings
 * as `string`) when that package is installed for the app, as SST does; otherwise with its properties.
 */
import { createRequire } from "node:module";
import { join } from "node:path";
import type { LinkTyper } from "@sst/core";
import { isBinding, type BindingInput } from "./components/binding.js";

const CLASSES: Record<BindingInput["type"], string> = {
  r2BucketBindings: "R2Bucket",
  kvNamespaceBindings: "KVNamespace",
  d1DatabaseBindings: "D1Database",
  queueBindings: "Queue",
  serviceBindings: "Service",
  plainTextBindings: "string",
  secretTextBindings: "string",
};

/** True when `@cloudflare/workers-types` resolves from the app root (its own or a workspace's hoisted copy). */
export function hasWorkersTypes(root: string): boolean {
  try {
    createRequire(join(root, "package.json")).resolve("@cloudflare/workers-types/package.json");
    return true;
  } catch {
    return false;
  }
}

export const workersTypes: LinkTyper = (link, { root }) => {
  const bound = link.include?.find(isBinding);
  if (!bound || !hasWorkersTypes(root)) return undefined;
  const cls = CLASSES[bound.binding as BindingInput["type"]];
  if (!cls) return undefined;
  return cls === "string" ? "string" : `import("@cloudflare/workers-types").${cls}`;
};
