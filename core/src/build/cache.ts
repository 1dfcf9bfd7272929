/**
 * The build cache on disk: each function's artifact in `.sst/artifacts/<name>/` and, beside it,
 * `<name>.manifest.json` recording what it was built from (the cache key, and the hash of every file the
 * builder read) and what it is (its files' sizes and mtimes, its content hash). A run reuses an artifact only when
 * the key matches, every recorded input still hashes the same and the artifact's files are untouched.
 */
import { readFile, rename, rm, writeFile } from "node:fs/promises";
import { isAbsolute, join, relative, resolve } from "node:path";
import { listFiles, type FileStamp } from "./hash.js";

/** Bumped when the manifest or the key's contents change meaning: every cached artifact is rebuilt once. */
const FORMAT = 1;

export interface Manifest {
  format: number;
  /** Hash of everything but the files the builder read: builder identity, request, extra files. */
  key: string;
  /** The artifact directory, relative to the function's cache directory (`""`: the directory itself). */
  out: string;
  handler: string;
  /** Content hash of the artifact. */
  hash: string;
  /** Each file the builder read (relative to the project root when inside it) → its SHA-256. */
  inputs: Record<string, string>;
  files: FileStamp[];
}

export interface CachePaths {
  /** The function's cache directory, given to the builder as `out`. */
  dir: string;
  manifest: string;
}

/** Where `<name>`'s artifact and manifest live. `name` is already safe as a file name. */
export function cachePaths(root: string, name: string): CachePaths {
  const base = join(root, ".sst", "artifacts");
  return { dir: join(base, name), manifest: join(base, `${name}.manifest.json`) };
}

/** A path as stored in a manifest: relative to the root when inside it, so a moved checkout keeps its cache. */
export function storedPath(root: string, file: string): string {
  const abs = resolve(root, file);
  const rel = relative(root, abs);
  return rel.startsWith("..") || isAbsolute(rel) ? abs : rel.split("\\").join("/");
}

/** The manifest if the artifact can be reused as is, else undefined. */
export async function reusable(
  root: string,
  paths: CachePaths,
  key: string,
  hashInput: (file: string) => Promise<string>,
): Promise<Manifest | undefined> {
  const manifest = await readManifest(paths.manifest);
  if (!manifest || manifest.key !== key) return undefined;
  for (const [file, expected] of Object.entries(manifest.inputs)) {
    const actual = await hashInput(resolve(root, file)).catch(() => undefined); // unreadable: rebuild
    if (actual !== expected) return undefined;
  }
  const files = await listFiles(join(paths.dir, manifest.out)).catch(() => undefined);
  return files && sameFiles(files, manifest.files) ? manifest : undefined;
}

async function readManifest(file: string): Promise<Manifest | undefined> {
  try {
    const parsed = JSON.parse(await readFile(file, "utf8")) as Manifest;
    return parsed.format === FORMAT ? parsed : undefined;
  } catch {
    return undefined; // none yet, or torn or hand-edited: that only costs a rebuild
  }
}

function sameFiles(a: FileStamp[], b: FileStamp[]): boolean {
  return a.length === b.length && a.every((f, i) => f.path === b[i]!.path && f.size === b[i]!.size && f.mtimeMs === b[i]!.mtimeMs);
}

/** Forgets the artifact: the manifest first, so a build that dies half-way is never taken for a cached one. */
export async function clear(paths: CachePaths): Promise<void> {
  await rm(paths.manifest, { force: true });
  await rm(paths.dir, { recursive: true, force: true });
}

/** Writes the manifest atomically (a temporary file renamed over it). */
export async function writeManifest(paths: CachePaths, manifest: Omit<Manifest, "format">): Promise<void> {
  const tmp = `${paths.manifest}.${process.pid}.tmp`;
  await writeFile(tmp, JSON.stringify({ format: FORMAT, ...manifest }, null, 2) + "\n");
  await rename(tmp, paths.manifest);
}
