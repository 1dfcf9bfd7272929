/** `copyFiles`: extra files copied into a function package after its build (any runtime). */
import { cp, readdir, stat } from "node:fs/promises";
import { isAbsolute, join, relative, resolve } from "node:path";
import type { BuildMessage } from "@sst/core";

/** One entry of `copyFiles`. */
export interface CopyFile {
  /** Source path (a file or a directory), relative to the project root (where `sst.config.ts` is). */
  from: string;
  /**
   * Destination in the function package, relative to its root.
   * @default the `from` path
   */
  to?: string;
}

export interface CopyResult {
  /** Every file copied, by its source path: part of the build's inputs. */
  inputs: string[];
  errors: BuildMessage[];
}

/** Copies each `from` (file or directory, symbolic links followed) to `to` inside `dest`. */
export async function copyFiles(root: string, dest: string, list: CopyFile[]): Promise<CopyResult> {
  const inputs: string[] = [];
  const errors: BuildMessage[] = [];
  for (const [i, entry] of list.entries()) {
    const where = `copyFiles[${i}]`;
    if (!entry || typeof entry.from !== "string" || entry.from === "") {
      errors.push({ message: `${where}.from must be a path relative to sst.config.ts, got ${JSON.stringify(entry?.from)}.` });
      continue;
    }
    const source = resolve(root, entry.from);
    const to = entry.to ?? (isAbsolute(entry.from) ? relative(root, source) : entry.from);
    const target = resolve(dest, to);
    const inside = relative(dest, target);
    if (inside === "" || inside.startsWith("..") || isAbsolute(inside)) {
      errors.push({ message: `${where}.to ${JSON.stringify(to)} is not a path inside the function package.` });
      continue;
    }
    const info = await stat(source).catch(() => undefined);
    if (!info) {
      errors.push({ message: `${where}.from ${JSON.stringify(entry.from)} does not exist (looked for ${source}; \`from\` is relative to sst.config.ts).` });
      continue;
    }
    await cp(source, target, { recursive: true, dereference: true });
    inputs.push(...(info.isDirectory() ? await filesUnder(source) : [source]));
  }
  return { inputs, errors };
}

/** Every file under `dir`, as absolute paths. */
export async function filesUnder(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory() || (entry.isSymbolicLink() && (await stat(path)).isDirectory())) out.push(...(await filesUnder(path)));
    else out.push(path);
  }
  return out;
}
