/**
 * Deterministic zips of function packages: the same directory gives byte-identical zips (so an unchanged
 * function hashes the same and is not updated), whatever the files' timestamps, the order the disk lists them
 * in, the umask or the time zone.
 */
import { createHash } from "node:crypto";
import { createWriteStream } from "node:fs";
import { mkdir, readdir, rename, rm, stat } from "node:fs/promises";
import { dirname, join } from "node:path";
import { pipeline } from "node:stream/promises";
import { ZipFile } from "yazl";

export interface ZipResult {
  /** The zip file (the `outFile` given). */
  path: string;
  /** SHA-256 (hex) of the zip's bytes. */
  hash: string;
  /** Size of the zip in bytes. */
  size: number;
}

/** Regular files, `rw-r--r--`; with any execute bit set (Go and Rust `bootstrap`, scripts), `rwxr-xr-x`. */
const FILE_MODE = 0o100644;
const EXEC_MODE = 0o100755;

/** Every file under `dir` (symbolic links followed), `/`-separated, sorted by path, with whether it is executable. */
async function listFiles(dir: string, rel = ""): Promise<{ path: string; exec: boolean }[]> {
  const out: { path: string; exec: boolean }[] = [];
  for (const name of await readdir(join(dir, rel))) {
    const path = rel ? `${rel}/${name}` : name;
    const info = await stat(join(dir, path));
    if (info.isDirectory()) out.push(...(await listFiles(dir, path)));
    else if (info.isFile()) out.push({ path, exec: (info.mode & 0o111) !== 0 });
  }
  return out;
}

/**
 * Zips the files of `dir` into `outFile` (written whole, then renamed into place): entries sorted by path,
 * timestamps fixed, permissions 0644 or 0755 (executables stay executable), deflated. Directories are not
 * stored as entries; an empty directory is left out.
 *
 * @example
 * const { path, hash, size } = await zipDirectory(artifact.dir, join(artifact.dir, "..", "code.zip"));
 */
export async function zipDirectory(dir: string, outFile: string): Promise<ZipResult> {
  const files = (await listFiles(dir)).sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  // Every entry's timestamp: 2000-01-01 00:00. Zips store local time, so the date is built from local fields, in
  // the time zone of this call: the bytes do not depend on the time zone. (Not 1980-01-01, the first time a zip can
  // hold: yazl clamps dates to that minimum as computed in the time zone it was loaded in.)
  const epoch = new Date(2000, 0, 1, 0, 0, 0);
  const zip = new ZipFile();
  for (const file of files) {
    zip.addFile(join(dir, file.path), file.path, {
      mtime: epoch,
      mode: file.exec ? EXEC_MODE : FILE_MODE,
      compress: true,
      forceDosTimestamp: true,
    });
  }
  zip.end();
  await mkdir(dirname(outFile), { recursive: true });
  const tmp = `${outFile}.${process.pid}.tmp`;
  const hash = createHash("sha256");
  let size = 0;
  try {
    zip.outputStream.on("data", (chunk: Buffer) => {
      hash.update(chunk);
      size += chunk.length;
    });
    await pipeline(zip.outputStream, createWriteStream(tmp));
    await rename(tmp, outFile);
  } catch (error) {
    await rm(tmp, { force: true });
    throw error;
  }
  return { path: outFile, hash: hash.digest("hex"), size };
}
