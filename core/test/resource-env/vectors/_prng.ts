/**
 * Deterministic bytes for the vectors: SHA-256 in counter mode over a seed string. Regenerating
 * the vectors must be byte-identical, so keys and filler come from here, never from randomBytes.
 */
import { createHash } from "node:crypto";

export function seededBytes(seed: string, length: number): Buffer {
  const blocks: Buffer[] = [];
  for (let counter = 0, have = 0; have < length; counter++, have += 32) {
    blocks.push(createHash("sha256").update(`${seed}\u0000${counter}`).digest());
  }
  return Buffer.concat(blocks).subarray(0, length);
}

/** Printable filler text (base64 alphabet) of an exact length. */
export function seededText(seed: string, length: number): string {
  return seededBytes(seed, Math.ceil((length * 3) / 4) + 3).toString("base64").slice(0, length);
}

/** The fixed key of one vector: distinct per vector, stable across runs. */
export function vectorKey(vectorName: string): Buffer {
  return seededBytes(`sst-link-vectors/v1/key/${vectorName}`, 32);
}
