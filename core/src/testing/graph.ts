/** Queries and assertions over a synth result, for users' infrastructure tests and ours. */
import { isDeepStrictEqual } from "node:util";
import type { SynthResource, SynthResult } from "../synth/graph.js";

/** True when `actual` contains everything in `expected` (objects partially, arrays and scalars exactly). */
export function matches(actual: unknown, expected: unknown): boolean {
  if (expected instanceof RegExp) return typeof actual === "string" && expected.test(actual);
  if (typeof expected === "function") return Boolean((expected as (v: unknown) => unknown)(actual));
  if (expected && typeof expected === "object" && !Array.isArray(expected)) {
    if (!actual || typeof actual !== "object") return false;
    return Object.entries(expected).every(([k, v]) => matches((actual as Record<string, unknown>)[k], v));
  }
  if (Array.isArray(expected)) {
    return Array.isArray(actual) && actual.length === expected.length && expected.every((v, i) => matches(actual[i], v));
  }
  return isDeepStrictEqual(actual, expected);
}

export class Graph {
  constructor(readonly result: SynthResult) {}

  get resources(): SynthResource[] {
    return this.result.resources;
  }

  get outputs(): Record<string, unknown> {
    return this.result.outputs;
  }

  get links() {
    return this.result.links;
  }

  /** Every resource of a Pulumi type (`aws:s3/bucketV2:BucketV2`, `sst:sst:Linkable`). */
  byType(type: string): SynthResource[] {
    return this.resources.filter((r) => r.type === type);
  }

  /** The resource with this logical name (and type, when names repeat across types). Throws if not exactly one. */
  get(name: string, type?: string): SynthResource {
    const found = this.resources.filter((r) => r.name === name && (type === undefined || r.type === type));
    if (found.length !== 1) {
      const names = this.resources.map((r) => `${r.name} (${r.type})`).join(", ");
      throw new Error(`Expected one resource named "${name}"${type ? ` of type ${type}` : ""}, found ${found.length}. Resources: ${names}`);
    }
    return found[0]!;
  }

  find(name: string, type?: string): SynthResource | undefined {
    return this.resources.find((r) => r.name === name && (type === undefined || r.type === type));
  }

  /** Resources whose inputs contain `expected`. */
  where(expected: Record<string, unknown>, type?: string): SynthResource[] {
    return this.resources.filter((r) => (type === undefined || r.type === type) && matches(r.inputs, expected));
  }

  /** Direct children. */
  children(of: SynthResource | string): SynthResource[] {
    const urn = typeof of === "string" ? of : of.urn;
    return this.resources.filter((r) => r.parent === urn);
  }

  /** Every resource below, depth first. */
  descendants(of: SynthResource | string): SynthResource[] {
    return this.children(of).flatMap((c) => [c, ...this.descendants(c)]);
  }

  parent(of: SynthResource): SynthResource | undefined {
    return this.resources.find((r) => r.urn === of.parent);
  }

  /** Top-level resources (children of the stack). */
  roots(): SynthResource[] {
    const urns = new Set(this.resources.map((r) => r.urn));
    return this.resources.filter((r) => !r.parent || !urns.has(r.parent));
  }

  /** Throws with both values shown when the resource's inputs do not contain `expected`. */
  expectInputs(resource: SynthResource | string, expected: Record<string, unknown>): void {
    const r = typeof resource === "string" ? this.get(resource) : resource;
    if (!matches(r.inputs, expected)) {
      throw new Error(
        `Inputs of ${r.name} (${r.type}) do not match.\nExpected (partial): ${JSON.stringify(expected, null, 2)}\nActual: ${JSON.stringify(r.inputs, null, 2)}`,
      );
    }
  }
}
