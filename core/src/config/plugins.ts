/**
 * Checks `plugins` in `sst.config.ts`: an array of plugins, each an object with a `name` and an
 * `apply(kernel)`. The usual slip is listing a plugin's factory instead of calling it (`plugins: [hello]`):
 * a function has a `name` and an `apply` of its own, so without this check it would be "applied" silently.
 */
import { basename } from "node:path";
import { SSTError, type Problem } from "../errors.js";
import type { Plugin } from "../plugin.js";

export function checkPlugins(value: unknown, configPath: string): Plugin[] {
  if (value === undefined) return [];
  const file = basename(configPath);
  if (!Array.isArray(value)) {
    throw new SSTError({
      code: "E_CONFIG_PLUGINS",
      message: `${file}: plugins must be an array of plugins, got ${value === null ? "null" : `a ${typeof value}`}.`,
      hint: "e.g. plugins: [hello({ greeting: \"Hi\" })]",
    });
  }
  const problems: Problem[] = [];
  value.forEach((plugin: unknown, i) => {
    if (typeof plugin === "function") {
      problems.push({
        code: "E_CONFIG_PLUGINS",
        message: `${file}: plugins[${i}] is a function (${plugin.name || "anonymous"}), not a plugin.`,
        hint: `Call it: plugins: [${plugin.name || "plugin"}()]`,
      });
    } else if (!plugin || typeof plugin !== "object" || typeof (plugin as Plugin).name !== "string" || typeof (plugin as Plugin).apply !== "function") {
      problems.push({
        code: "E_CONFIG_PLUGINS",
        message: `${file}: plugins[${i}] is not a plugin: a plugin is an object with a \`name\` and an \`apply(kernel)\`.`,
        hint: "List what a plugin package's factory returns, e.g. plugins: [hello()]",
      });
    }
  });
  if (problems.length) throw new SSTError(problems);
  return value as Plugin[];
}
