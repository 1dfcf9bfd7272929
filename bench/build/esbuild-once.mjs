// The floor: ONE esbuild call over the same entry points, with the options the product's builder uses for them
// (`esbuildPlan` of @sst/aws: nodejs20.x, minified ESM with its banner, external source maps). Prints one JSON line.
//   node esbuild-once.mjs <app dir> [count=300]
import { build } from "esbuild";
import { rmSync } from "node:fs";
import { join, resolve } from "node:path";
import { esbuildPlan } from "../../plugins/aws/dist/build/nodejs-options.js";

const [dir, count = "300"] = process.argv.slice(2);
const root = resolve(dir);
const outdir = join(root, ".once");
rmSync(outdir, { recursive: true, force: true });
const started = performance.now();
const { options } = esbuildPlan({ runtime: "nodejs20.x" }, root, false);
const entryPoints = Array.from({ length: Number(count) }, (_, i) => ({ in: join(root, "src", `fn${i}.ts`), out: `Fn${i}/src/fn${i}` }));
const result = await build({ ...options, entryPoints, outdir });
const wallMs = performance.now() - started;
if (result.errors.length) throw new Error(`esbuild failed: ${result.errors[0].text}`);
console.log(JSON.stringify({ wallMs, maxRssKiB: process.resourceUsage().maxRSS, outputs: Object.keys(result.metafile.outputs).length }));
