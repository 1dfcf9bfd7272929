/** The files `sst init` touches besides sst.config.ts: .gitignore and package.json, each edited in place. */
import { SSTError } from "@sst/core";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

export interface PackageManifest {
  path: string;
  /** Parsed package.json, undefined when there is none. */
  data?: Record<string, any>;
  /** Its indentation, kept when it is written back. */
  indent: string;
}

/** Reads package.json; a file that does not parse is an error (init writes nothing then). */
export function readManifest(dir: string): PackageManifest {
  const path = join(dir, "package.json");
  if (!existsSync(path)) return { path, indent: "  " };
  const text = readFileSync(path, "utf8");
  try {
    const data = JSON.parse(text);
    if (!data || typeof data !== "object" || Array.isArray(data)) throw new Error("not an object");
    return { path, data, indent: /^[ \t]+(?=")/m.exec(text)?.[0] ?? "  " };
  } catch (cause) {
    throw new SSTError(
      { code: "E_PACKAGE_JSON_INVALID", message: `${path} is not valid JSON: ${(cause as Error).message}`, hint: "Fix it, then run sst init again." },
      { cause },
    );
  }
}

/** Adds `.sst` to .gitignore (creating it) unless it is already ignored; true when it changed the file. */
export function addGitignore(dir: string): boolean {
  const path = join(dir, ".gitignore");
  const text = existsSync(path) ? readFileSync(path, "utf8") : "";
  if (/^\/?\.sst\/?\s*$/m.test(text)) return false;
  const gap = text === "" || text.endsWith("\n\n") ? "" : text.endsWith("\n") ? "\n" : "\n\n";
  writeFileSync(path, `${text}${gap}# sst\n.sst\n`);
  return true;
}

/** Adds `sst` to devDependencies (creating package.json); false when it is already a dependency. */
export function addDevDependency(dir: string, manifest: PackageManifest, appName: string, range: string): boolean {
  const data = manifest.data ?? { name: appName, private: true };
  if (data.dependencies?.sst || data.devDependencies?.sst) return false;
  data.devDependencies = { ...data.devDependencies, sst: range };
  writeFileSync(manifest.path, JSON.stringify(data, null, manifest.indent) + "\n");
  return true;
}
