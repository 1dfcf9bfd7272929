/** Node.js handler strings (`src/api.handler`) and the files they name. */
import { existsSync } from "node:fs";
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from "node:path";
import type { BuildMessage } from "@sst/core";

/** The extensions a handler's file may have, in the order they are tried. */
export const HANDLER_EXTENSIONS = [".ts", ".tsx", ".mts", ".cts", ".js", ".jsx", ".mjs", ".cjs"];

export interface HandlerFile {
  /** Absolute path of the source file. */
  file: string;
  /** Where its bundle goes in the package, without extension: `src/api` (the file's path from the root). */
  name: string;
  /** The exported function: `handler`. */
  exportName: string;
}

/** `src/api.handler` → `["src/api", "handler"]`, or undefined when there is no `.export` part. */
export function splitHandler(handler: string): [string, string] | undefined {
  const match = /^(.*[^/\\.])\.([A-Za-z_$][\w$]*)$/.exec(handler);
  return match ? [match[1]!, match[2]!] : undefined;
}

/** Finds the source file of `handler` under `root`, trying each extension of `HANDLER_EXTENSIONS`. */
export function locateHandler(root: string, handler: string): HandlerFile | BuildMessage {
  const parts = splitHandler(handler);
  if (!parts) {
    return { message: `handler ${JSON.stringify(handler)} is not {path}/{file}.{export}: name the exported function after the file, e.g. "src/api.handler".` };
  }
  const [base, exportName] = parts;
  const stem = resolve(root, base);
  const file = HANDLER_EXTENSIONS.map((ext) => stem + ext).find((f) => existsSync(f));
  if (!file) {
    const shown = relative(root, stem) || base;
    return { message: `handler ${JSON.stringify(handler)}: no file ${shown}{${HANDLER_EXTENSIONS.join(",")}} (the path is relative to sst.config.ts).` };
  }
  const rel = relative(root, stem);
  const name = rel.startsWith("..") || isAbsolute(rel) ? basename(stem) : rel.split(sep).join("/");
  return { file, name, exportName };
}

/** True when `value` is a located handler, not an error. */
export function isHandlerFile(value: HandlerFile | BuildMessage): value is HandlerFile {
  return "file" in value;
}

/** The directories from `from` up to `root` (both included); only `from` when it is outside the root. */
export function upwards(from: string, root: string): string[] {
  const top = resolve(root);
  const dirs: string[] = [];
  for (let dir = resolve(from); ; dir = dirname(dir)) {
    dirs.push(dir);
    if (dir === top || dirname(dir) === dir || !dir.startsWith(top + sep)) return dirs;
  }
}

/** The first `name` found in `dirs` (searched in order), as an absolute path. */
export function nearest(dirs: string[], name: string): string | undefined {
  return dirs.map((dir) => join(dir, name)).find((file) => existsSync(file));
}
