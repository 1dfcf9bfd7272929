/**
 * Imports a package the way the app sees it: resolved from the app root, so the versions the app installed
 * are used (not the CLI's own copies). Provider namespaces and provider plugins are loaded through here.
 */
import { createRequire } from "node:module";
import { join } from "node:path";
import { pathToFileURL } from "node:url";

/** The package's entry file, or `undefined` when it is not installed in (or above) `root`. */
export function resolveFromApp(root: string, pkg: string): string | undefined {
  try {
    return createRequire(join(root, "package.json")).resolve(pkg);
  } catch {
    return undefined;
  }
}

/** The package's module, or `undefined` when it is not installed in (or above) `root`. Import errors propagate. */
export async function importFromApp<T = Record<string, unknown>>(root: string, pkg: string): Promise<T | undefined> {
  const entry = resolveFromApp(root, pkg);
  return entry === undefined ? undefined : ((await import(pathToFileURL(entry).href)) as T);
}
