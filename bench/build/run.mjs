// The build bench: the same generated app built RUNS times by the product (300 functions through the kernel's
// build owner and @sst/aws's Node.js builder, cold: no cache) and by ONE esbuild call over the same entry points,
// alternating, each pass in a fresh process. Reports the medians, their ratio and the peak RSS, and rewrites
// results.md.   node bench/build/run.mjs     env: RUNS (default 5), COUNT (300), MODULES (30), SST_BUILD_CONCURRENCY
import { spawnSync } from "node:child_process";
import { existsSync, rmSync, writeFileSync } from "node:fs";
import { availableParallelism, cpus, loadavg, totalmem } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { version as esbuildVersion } from "esbuild";
import { measure, median, mib } from "../_lib/process.mjs";

const here = dirname(fileURLToPath(import.meta.url));
const app = join(here, ".app");
const runs = Number(process.env.RUNS ?? 5);
const count = Number(process.env.COUNT ?? 300);
const modules = Number(process.env.MODULES ?? 30);
const concurrency = process.env.SST_BUILD_CONCURRENCY ?? `${availableParallelism()} (CPU count)`;
if (!existsSync(join(here, "..", "..", "plugins", "aws", "dist", "index.js"))) throw new Error("build the packages first: npm run build");

spawnSync(process.execPath, [join(here, "..", "build-300", "make-app.mjs"), app, String(count), String(modules)], { stdio: "inherit" });
const product = [];
const once = [];
for (let r = 1; r <= runs; r++) {
  rmSync(join(app, ".sst"), { recursive: true, force: true });
  const p = await measure(join(here, "product.mjs"), [app, String(count)]);
  if (p.built !== count || p.failed) throw new Error(`the product built ${p.built}/${count}, ${p.failed} failed`);
  const o = await measure(join(here, "esbuild-once.mjs"), [app, String(count)]);
  if (o.outputs < count) throw new Error(`esbuild wrote ${o.outputs} outputs for ${count} entry points`);
  product.push(p);
  once.push(o);
  console.log(`run ${r}/${runs}: product ${(p.wallMs / 1000).toFixed(2)}s ${mib(p.treePeakKiB)} MiB, one esbuild call ${(o.wallMs / 1000).toFixed(2)}s ${mib(o.treePeakKiB)} MiB`);
}

const wall = (list) => median(list.map((x) => x.wallMs));
const ratio = wall(product) / wall(once);
// Each pair ran back to back, under about the same load: the median of their ratios is steadier than the ratio of
// the medians on a shared machine.
const paired = median(product.map((p, i) => p.wallMs / once[i].wallMs));
const peak = Math.max(...product.map((x) => x.treePeakKiB));
const load = loadavg().map((l) => l.toFixed(2)).join(" / ");
const row = (label, list) => `| ${label} | ${(wall(list) / 1000).toFixed(2)} | ${list.map((x) => (x.wallMs / 1000).toFixed(2)).join(", ")} | ${mib(median(list.map((x) => x.treePeakKiB)))} | ${mib(Math.max(...list.map((x) => x.treePeakKiB)))} |`;
const results = `# build results

${count} generated TypeScript handlers (each importing two functions of a ${modules}-module library and a shared
module), built cold by the product (\`requestBuild\` → the kernel's build owner → @sst/aws's Node.js builder:
nodejs20.x, minified ESM, source maps; cache, manifests and artifact hashes included) and by ONE esbuild call
over the same entry points with the same esbuild options. Median of ${runs} runs of each, alternating, each in a
fresh process. Written by \`node bench/build/run.mjs\`; see README.md. Goals: ratio ≤ 1.3x, peak RSS < 1 GiB.

- date: ${new Date().toISOString().slice(0, 10)}
- machine: ${cpus()[0]?.model.trim()}, ${cpus().length} CPUs, ${(totalmem() / 2 ** 30).toFixed(0)} GiB RAM, ${process.platform}/${process.arch}
- node ${process.version}, esbuild ${esbuildVersion}, SST_BUILD_CONCURRENCY ${concurrency}
- load average at the end (1/5/15 min): ${load}; other work on the machine stretches both, so compare ratios

| build | median wall (s) | runs (s) | process tree peak RSS, median (MiB) | max (MiB) |
|---|---|---|---|---|
${row("product: requestBuild × " + count, product)}
${row("one esbuild call, " + count + " entry points", once)}

**Ratio (medians): ${ratio.toFixed(2)}x** (goal ≤ 1.3x: ${ratio <= 1.3 ? "met" : "MISSED"}); median of the ${runs} paired ratios: ${paired.toFixed(2)}x. **Peak RSS: ${mib(peak)} MiB** (goal < 1024 MiB: ${peak < 1024 * 1024 ? "met" : "MISSED"}).
`;
writeFileSync(join(here, "results.md"), results);
console.log(results);
