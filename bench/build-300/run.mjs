// The build-300 bench: generates the app, then RUNS times a cold build (no cache) and a warm one (everything
// cached), each in a fresh process; reports medians of wall time and peak memory and rewrites results.md.
//   node bench/build-300/run.mjs          env: RUNS (default 3), COUNT (300), MODULES (100), SST_BUILD_CONCURRENCY
// Needs the built packages (`npm run build`). Peak memory is measured twice: the build process's own peak RSS
// (exact, getrusage) and the peak of the whole process tree, the esbuild service included (sampled from /proc).
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { measure, median, mib } from "../_lib/process.mjs";
import { availableParallelism, cpus, loadavg, totalmem } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { version as esbuildVersion } from "esbuild";

const here = dirname(fileURLToPath(import.meta.url));
const app = join(here, ".app");
const runs = Number(process.env.RUNS ?? 3);
const count = Number(process.env.COUNT ?? 300);
const modules = Number(process.env.MODULES ?? 100);
const concurrency = process.env.SST_BUILD_CONCURRENCY ?? String(availableParallelism());
if (!existsSync(join(here, "..", "..", "core", "dist", "index.js"))) throw new Error("build the packages first: npm run build");

/** One build pass in a fresh process: its JSON line plus the sampled peak RSS of its process tree. */
const pass = (functions = count) => measure(join(here, "build.mjs"), [app, String(functions)]);

/** SHA-256 of every artifact file, to check that a cached run leaves the artifacts byte-identical. */
function artifactsHash() {
  const hash = createHash("sha256");
  const walk = (dir) => {
    for (const name of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const path = join(dir, name.name);
      if (name.isDirectory()) walk(path);
      else hash.update(path).update(readFileSync(path));
    }
  };
  walk(join(app, ".sst", "artifacts"));
  return hash.digest("hex");
}

spawnSync(process.execPath, [join(here, "make-app.mjs"), app, String(count), String(modules)], { stdio: "inherit" });
const cold = [];
const warm = [];
let identical = true;
for (let r = 1; r <= runs; r++) {
  rmSync(join(app, ".sst"), { recursive: true, force: true });
  const c = await pass();
  if (c.built !== count || c.failed) throw new Error(`cold run built ${c.built}/${count}, ${c.failed} failed`);
  const before = artifactsHash();
  const w = await pass();
  if (w.cached !== count) throw new Error(`warm run reused ${w.cached}/${count}`);
  identical &&= artifactsHash() === before;
  cold.push(c);
  warm.push(w);
  console.log(`run ${r}/${runs}: cold ${(c.wallMs / 1000).toFixed(1)}s ${mib(c.treePeakKiB)} MiB, warm ${(w.wallMs / 1000).toFixed(1)}s ${mib(w.treePeakKiB)} MiB`);
}

// Memory must not grow with the number of functions: one cold pass over a tenth of them, for comparison.
const few = Math.max(1, Math.round(count / 10));
rmSync(join(app, ".sst"), { recursive: true, force: true });
const small = await pass(few);
console.log(`${few} functions: cold ${(small.wallMs / 1000).toFixed(1)}s ${mib(small.treePeakKiB)} MiB`);

const row = (label, list) =>
  `| ${label} | ${(median(list.map((x) => x.wallMs)) / 1000).toFixed(1)} | ${mib(median(list.map((x) => x.maxRssKiB)))} | ${mib(median(list.map((x) => x.treePeakKiB)))} | ${mib(Math.max(...list.map((x) => x.treePeakKiB)))} |`;
const grow = median(cold.map((x) => x.maxRssKiB)) - small.maxRssKiB;
const load = loadavg().map((l) => l.toFixed(2)).join(" / ");
const results = `# build-300 results

${count} generated TypeScript handlers, each bundled with esbuild (minified ESM) through the kernel's build
owner, with a 512-byte \`resource.enc\` added to each artifact; the ${modules}-module library they import is
parsed for every function. Median of ${runs} runs of each kind, each run in a fresh process. Written by
\`node bench/build-300/run.mjs\`; see README.md for the method. Goal: peak memory < 1 GiB at 300 functions (SST
reached 12.4 GiB after 28 of 311).

- date: ${new Date().toISOString().slice(0, 10)}
- machine: ${cpus()[0]?.model.trim()}, ${cpus().length} CPUs, ${(totalmem() / 2 ** 30).toFixed(0)} GiB RAM, ${process.platform}/${process.arch}
- node ${process.version}, esbuild ${esbuildVersion}, SST_BUILD_CONCURRENCY ${concurrency}
- load average at the end (1/5/15 min): ${load}; other work on the machine stretches wall times, not memory
- a cached run leaves every artifact byte-identical: ${identical ? "yes" : "NO"}

| run | wall (s) | build process peak RSS (MiB) | process tree peak RSS, median (MiB) | process tree peak RSS, max (MiB) |
|---|---|---|---|---|
${row(`cold: ${count} built`, cold)}
${row(`warm: ${count} cached`, warm)}
${row(`cold: ${few} built (1 run, for scale)`, [small])}

From ${few} to ${count} functions the build process's peak grows by ${mib(grow)} MiB, ${(grow / (count - few)).toFixed(0)} KiB per
function (Pulumi's Outputs, the owner's paths and hashes): no bundle or esbuild context is kept per function.
`;
writeFileSync(join(here, "results.md"), results);
console.log(results);
