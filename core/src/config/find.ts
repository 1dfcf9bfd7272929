/** Finds `sst.config.ts`: `--config` when given, else upward from the working directory (cosmiconfig). */
import { cosmiconfig } from "cosmiconfig";
import { existsSync, statSync } from "node:fs";
import { basename, resolve } from "node:path";
import { SSTError } from "../errors.js";
import { CONFIG_FILES } from "./files.js";

export { CONFIG_FILES };

export async function findConfig(options: { cwd?: string; config?: string } = {}): Promise<string> {
  const cwd = options.cwd ?? process.cwd();
  if (options.config) {
    const path = resolve(cwd, options.config);
    if (!existsSync(path) || !statSync(path).isFile()) {
      throw new SSTError({
        code: "E_CONFIG_NOT_FOUND",
        message: `--config ${options.config}: no such file (${path}).`,
        hint: "Pass the path to your sst.config.ts.",
      });
    }
    return path;
  }
  // cosmiconfig walks up to the root; the loader only reports the path, compiling is ours.
  const explorer = cosmiconfig("sst", {
    searchPlaces: CONFIG_FILES,
    searchStrategy: "global",
    // An empty sst.config.ts is found (and then reported as empty), not skipped as missing.
    ignoreEmptySearchPlaces: false,
    // Nothing is parsed or run here, including what the global step would find (config.json, config.cjs).
    loaders: Object.fromEntries([".ts", ".mts", ".js", ".mjs", ".cjs", ".json", ".yaml", ".yml", "noExt"].map((ext) => [ext, () => ({})])),
  });
  const found = await explorer.search(cwd);
  // The global strategy ends in the user's config directory (~/.config/sst/config.*): never an app's config.
  if (!found || !CONFIG_FILES.includes(basename(found.filepath))) {
    throw new SSTError({
      code: "E_CONFIG_NOT_FOUND",
      message: `Could not find sst.config.ts in ${cwd} or any parent directory.`,
      hint: "Run `sst init` to create one, or pass --config <path>.",
    });
  }
  return found.filepath;
}
