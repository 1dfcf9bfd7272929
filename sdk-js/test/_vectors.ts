// Test helper: reads spec/vectors and lays one vector out as a fresh cwd with its files.
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

export interface Vector {
  name: string;
  description: string;
  env: Record<string, string>;
  files: Record<string, string>;
  expect: { resources: Record<string, unknown> } | { error: string };
  lookups: Array<{ path: string[]; value?: unknown; error?: string }>;
}

export const VECTOR_DIR = fileURLToPath(new URL("../../spec/vectors/", import.meta.url));

export function readVectors(): Vector[] {
  return readdirSync(VECTOR_DIR)
    .filter((f) => f.endsWith(".json"))
    .sort()
    .map((f) => JSON.parse(readFileSync(join(VECTOR_DIR, f), "utf8")) as Vector);
}

/** A fresh temp dir holding the vector's files: the cwd its relative SST_KEY_FILE resolves against. */
export function vectorCwd(vector: Vector): string {
  const dir = mkdtempSync(join(tmpdir(), `sst-vector-${vector.name}-`));
  for (const [name, b64] of Object.entries(vector.files)) {
    mkdirSync(join(dir, name, ".."), { recursive: true });
    writeFileSync(join(dir, name), Buffer.from(b64, "base64"));
  }
  return dir;
}

/** process.env without any SST_* or AWS_LAMBDA_* variable, so only the vector's env counts. */
export function cleanEnv(): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (value !== undefined && !/^SST_|^AWS_LAMBDA_/i.test(key)) env[key] = value;
  }
  return env;
}

/** Walks a lookup path the way the spec defines it: object keys only, anything else is not_found. */
export function walk(root: unknown, path: string[]): { value: unknown } | { error: "not_found" } {
  let node = root;
  for (const key of path) {
    if (node === null || typeof node !== "object" || Array.isArray(node) || !Object.prototype.hasOwnProperty.call(node, key)) {
      return { error: "not_found" };
    }
    node = (node as Record<string, unknown>)[key];
  }
  return { value: node };
}
