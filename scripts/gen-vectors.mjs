#!/usr/bin/env node
// Regenerates spec/vectors/*.json from the TS encoder (core/test/resource-env/vectors).
// Bundles the TS source with esbuild instead of reading core/dist, so it works before a build.
// Usage: node scripts/gen-vectors.mjs
import { build } from "esbuild";
import { mkdir, readdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const outDir = join(root, "spec", "vectors");
const bundle = join(tmpdir(), `sst-gen-vectors-${process.pid}.mjs`);

await build({
  entryPoints: [join(root, "core/test/resource-env/vectors/index.ts")],
  bundle: true,
  platform: "node",
  format: "esm",
  outfile: bundle,
  logLevel: "warning",
});
try {
  const { renderVectors } = await import(pathToFileURL(bundle).href);
  const rendered = renderVectors();
  await mkdir(outDir, { recursive: true });
  // Stale vectors (renamed or dropped cases) must not linger for the other languages to read.
  for (const name of await readdir(outDir)) {
    if (name.endsWith(".json") && !rendered.has(name)) await rm(join(outDir, name));
  }
  for (const [name, text] of rendered) await writeFile(join(outDir, name), text);
  console.log(`wrote ${rendered.size} vectors to spec/vectors/`);
} finally {
  await rm(bundle, { force: true });
}
