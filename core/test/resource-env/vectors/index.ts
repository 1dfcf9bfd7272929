/**
 * Builds the shared link-format vectors (spec/vectors/*.json) in memory. `scripts/gen-vectors.mjs`
 * writes them; core/test/resource-env/vectors-drift.test.ts fails when the checked-in files differ.
 * Lives under core/test so it is never published: this is a build and test tool.
 */
import { invalidVectors } from "./invalid.js";
import { validVectors } from "./valid.js";
import type { Vector } from "./_vector.js";

export type { Vector, Lookup, ErrorKind } from "./_vector.js";

export function buildVectors(): Vector[] {
  const vectors = [...validVectors(), ...invalidVectors()];
  const names = new Set(vectors.map((v) => v.name));
  if (names.size !== vectors.length) throw new Error("two vectors share a name");
  return vectors;
}

/** File name → exact file text; 2-space JSON and a final newline, so diffs stay readable. */
export function renderVectors(): Map<string, string> {
  return new Map(buildVectors().map((v) => [`${v.name}.json`, `${JSON.stringify(v, null, 2)}\n`]));
}
