/**
 * Finds plugin commands without loading anything: the `sst.commands` manifests (see `./command.ts`) in the
 * `package.json` of the app's direct dependencies. Only JSON is read, so `sst --help` stays fast and works
 * without the kernel, the config or Pulumi.
 */
import { existsSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { SSTError } from "../errors.js";
import { CONFIG_FILES } from "../config/files.js";
import { readCommandManifest, type CommandManifestEntry } from "./command.js";

/** A plugin command found in a dependency's manifest. */
export interface DiscoveredCommand extends CommandManifestEntry {
  name: string;
  /** The npm package whose `package.json` declares it. */
  package: string;
}

/**
 * The app directory for a working directory: the directory of `--config` when given, else the nearest
 * directory at or above `cwd` holding an `sst.config.*`, else the nearest holding a `package.json`.
 */
export function appDirectory(cwd: string, config?: string): string | undefined {
  if (config) return dirname(resolve(cwd, config));
  let nearestPackage: string | undefined;
  for (let dir = resolve(cwd); ; dir = dirname(dir)) {
    if (CONFIG_FILES.some((file) => existsSync(join(dir, file)))) return dir;
    if (!nearestPackage && existsSync(join(dir, "package.json"))) nearestPackage = dir;
    if (dirname(dir) === dir) return nearestPackage;
  }
}

/** The `package.json` of `name` as Node would resolve it from `dir` (its `node_modules`, then its parents'). */
function dependencyManifest(dir: string, name: string): string | undefined {
  for (let current = dir; ; current = dirname(current)) {
    const file = join(current, "node_modules", name, "package.json");
    if (existsSync(file)) return file;
    if (dirname(current) === current) return undefined;
  }
}

function readJson(file: string): unknown {
  try {
    return JSON.parse(readFileSync(file, "utf8"));
  } catch (cause) {
    throw new SSTError(
      { code: "E_PACKAGE_JSON", message: `${file} is not valid JSON: ${(cause as Error).message}`, hint: "Fix the file, or reinstall the package." },
      { cause },
    );
  }
}

/**
 * Every command the app's direct dependencies (`dependencies`, `devDependencies`) declare, sorted by name.
 * Two packages declaring one name is a user error naming both.
 */
export function discoverCommands(appDir: string): DiscoveredCommand[] {
  const manifest = join(appDir, "package.json");
  if (!existsSync(manifest)) return [];
  const pkg = readJson(manifest) as { dependencies?: Record<string, string>; devDependencies?: Record<string, string> };
  const names = new Set([...Object.keys(pkg.dependencies ?? {}), ...Object.keys(pkg.devDependencies ?? {})]);
  const found = new Map<string, DiscoveredCommand>();
  for (const name of names) {
    const file = dependencyManifest(appDir, name);
    if (!file) continue; // not installed yet: `npm install` brings its commands
    for (const [command, entry] of Object.entries(readCommandManifest(readJson(file), file))) {
      const other = found.get(command);
      if (other) {
        throw new SSTError({
          code: "E_COMMAND_CLASH",
          message: `Plugins ${other.package} and ${name} both add the command \`sst ${command}\`.`,
          hint: "Remove one of them from package.json.",
        });
      }
      found.set(command, { ...entry, name: command, package: name });
    }
  }
  return [...found.values()].sort((a, b) => (a.name < b.name ? -1 : 1));
}
