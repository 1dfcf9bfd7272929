// Every subpath a workspace package exports must be built from a source file: an export that
// points at nothing (as `@sst/core/internal` once did) fails only for the user who imports it.
import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const root = fileURLToPath(new URL("../../", import.meta.url));
const packages = ["core", "cli", "sdk-js", "examples/plugin-hello"];

/** Every string target in an `exports` map, conditions flattened. */
function targets(exports: unknown): string[] {
  if (typeof exports === "string") return [exports];
  if (exports && typeof exports === "object") return Object.values(exports).flatMap(targets);
  return [];
}

/** `./dist/a/b.js` or `./dist/a/b.d.ts` → `src/a/b.ts` (each package compiles src → dist). */
function sourceOf(target: string): string | undefined {
  const match = /^\.\/dist\/(.+?)(\.d\.ts|\.js)$/.exec(target);
  return match ? `src/${match[1]}.ts` : undefined;
}

describe.each(packages)("%s/package.json exports", (pkg) => {
  const manifest = JSON.parse(readFileSync(`${root}${pkg}/package.json`, "utf8"));
  const all = [...new Set(targets(manifest.exports))];

  it("names only dist files compiled from a source file, or files that exist", () => {
    const missing = all.filter((target) => {
      const source = sourceOf(target);
      return !existsSync(`${root}${pkg}/${source ?? target}`);
    });
    expect(missing).toEqual([]);
  });
});
