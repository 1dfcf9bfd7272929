/**
 * Where a Python handler lives: its file, its project (the nearest pyproject.toml or requirements.txt), the
 * import root its sources are copied from, and the copy itself.
 */
import { copyFile, mkdir, readdir, stat } from "node:fs/promises";
import { dirname, join, relative, resolve, sep } from "node:path";
import type { BuildMessage } from "@sst/core";
import { findUp } from "./tools.js";

/** A Python handler, resolved. */
export interface PythonHandler {
  /** The handler's file (`functions/src/functions/api.py`). */
  file: string;
  /** The function's name in it (`handler`). */
  function: string;
  /** The project's pyproject.toml, if any. */
  pyproject?: string;
  /** The requirements.txt used when there is no pyproject.toml. */
  requirements?: string;
  /** The import root: the project's `src/` when the handler is in it (a src layout), else the project's directory. */
  importRoot: string;
  /** The handler for Lambda, relative to the import root: `functions/api.handler`. */
  handler: string;
}

/**
 * Resolves `src/api.handler` (file `src/api.py`, function `handler`) against the project root. The project is
 * the nearest directory from the handler's up to the root that has a pyproject.toml (else a requirements.txt);
 * without either, the SST project's root.
 */
export async function resolvePythonHandler(root: string, handler: string): Promise<PythonHandler | BuildMessage> {
  const spec = handler.replace(/^\.\//, "");
  const dot = spec.lastIndexOf(".");
  if (dot <= 0 || spec.slice(dot + 1).includes("/")) {
    return { message: `the handler ${handler} is not {path}/{file}.{function}: a Python handler names a function, like "src/api.handler".` };
  }
  const file = resolve(root, spec.slice(0, dot) + ".py");
  if (!(await stat(file).then((s) => s.isFile(), () => false))) {
    return { message: `the handler's file ${relative(root, file)} does not exist.`, file };
  }
  const pyproject = await findUp(dirname(file), ["pyproject.toml"], root);
  const requirements = pyproject ? undefined : await findUp(dirname(file), ["requirements.txt"], root);
  const project = dirname(pyproject ?? requirements ?? join(root, "x"));
  const src = join(project, "src");
  const importRoot = file.startsWith(src + sep) ? src : project;
  const module = relative(importRoot, file).slice(0, -".py".length).split(sep).join("/");
  return { file, function: spec.slice(dot + 1), pyproject, requirements, importRoot, handler: `${module}.${spec.slice(dot + 1)}` };
}

/** Directories never copied into an artifact. */
const SKIPPED = new Set(["__pycache__", "node_modules", "venv", "env", "site-packages", "dist", "build"]);

/**
 * Copies what Python can import from `importRoot` into `out`: its `.py` files and each directory holding Python
 * files, whole (package data included), without caches, virtual environments, `.egg-info` and hidden entries.
 * Returns the copied source files. The directory holding `out` is never copied.
 */
export async function copySources(importRoot: string, out: string): Promise<string[]> {
  const copied: string[] = [];
  for (const entry of await sortedEntries(importRoot)) {
    const path = join(importRoot, entry.name);
    if (path === out || out.startsWith(path + sep)) continue; // the artifact's own directory
    if (entry.isFile() && entry.name.endsWith(".py")) {
      await mkdir(out, { recursive: true });
      await copyFile(path, join(out, entry.name));
      copied.push(path);
    } else if (entry.isDirectory() && !skipped(entry.name) && (await holdsPython(path))) {
      copied.push(...(await copyTree(path, join(out, entry.name))));
    }
  }
  return copied;
}

function skipped(name: string): boolean {
  return name.startsWith(".") || SKIPPED.has(name) || name.endsWith(".egg-info");
}

async function sortedEntries(dir: string) {
  const entries = await readdir(dir, { withFileTypes: true });
  return entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

async function holdsPython(dir: string): Promise<boolean> {
  if (await stat(join(dir, "pyvenv.cfg")).then(() => true, () => false)) return false; // a virtual environment
  for (const entry of await sortedEntries(dir)) {
    if (entry.isFile() && entry.name.endsWith(".py")) return true;
    if (entry.isDirectory() && !skipped(entry.name) && (await holdsPython(join(dir, entry.name)))) return true;
  }
  return false;
}

async function copyTree(from: string, to: string): Promise<string[]> {
  const copied: string[] = [];
  await mkdir(to, { recursive: true });
  for (const entry of await sortedEntries(from)) {
    const path = join(from, entry.name);
    if (entry.isDirectory()) {
      if (!skipped(entry.name) && !(await stat(join(path, "pyvenv.cfg")).then(() => true, () => false))) copied.push(...(await copyTree(path, join(to, entry.name))));
    } else if (entry.isFile() && !entry.name.startsWith(".") && !entry.name.endsWith(".pyc")) {
      await copyFile(path, join(to, entry.name));
      copied.push(path);
    }
  }
  return copied;
}
