/**
 * Content hashes for the build cache, streamed from disk (a file is never held whole in memory): single files,
 * artifact directories (paths and bytes), and JSON-like values in a canonical form (object keys sorted).
 */
import { createHash, type Hash } from "node:crypto";
import { createReadStream } from "node:fs";
import { readdir, stat } from "node:fs/promises";
import { join } from "node:path";

/** A file of an artifact as it was when hashed: enough to notice it changed or went away without reading it. */
export interface FileStamp {
  /** Relative to the artifact directory, `/`-separated. */
  path: string;
  size: number;
  mtimeMs: number;
}

async function streamInto(hash: Hash, file: string): Promise<void> {
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
}

/** SHA-256 (hex) of a file's bytes. */
export async function hashFile(file: string): Promise<string> {
  const hash = createHash("sha256");
  await streamInto(hash, file);
  return hash.digest("hex");
}

/** SHA-256 (hex) of bytes or text. */
export function hashBytes(data: string | Uint8Array): string {
  return createHash("sha256").update(data).digest("hex");
}

/** SHA-256 (hex) of a JSON-like value with object keys sorted, so equal values hash equal however they were built. */
export function hashValue(value: unknown): string {
  return hashBytes(canonical(value));
}

function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map((v) => canonical(v ?? null)).join(",")}]`;
  if (value && typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(",")}}`;
  }
  return JSON.stringify(value) ?? "null";
}

/** Every file under `dir` (symbolic links followed), sorted by path, with its size and mtime. */
export async function listFiles(dir: string): Promise<FileStamp[]> {
  const out: FileStamp[] = [];
  const walk = async (abs: string, rel: string): Promise<void> => {
    for (const name of await readdir(abs)) {
      const path = rel ? `${rel}/${name}` : name;
      const info = await stat(join(abs, name));
      if (info.isDirectory()) await walk(join(abs, name), path);
      else if (info.isFile()) out.push({ path, size: info.size, mtimeMs: info.mtimeMs });
    }
  };
  await walk(dir, "");
  return out.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/** SHA-256 (hex) of a directory's files: each path, size and bytes in path order. */
export async function hashTree(dir: string, files: FileStamp[]): Promise<string> {
  const hash = createHash("sha256");
  for (const file of files) {
    hash.update(`${file.path}\0${file.size}\0`);
    await streamInto(hash, join(dir, file.path));
  }
  return hash.digest("hex");
}
