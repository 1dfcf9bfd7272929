// Runs the live benches RUNS times each (fresh processes) and rewrites results.md with the medians.
// Needs `npm run build` and Go (the bridge). See README.md.
import { execFileSync } from "node:child_process";
import { cpus, loadavg, totalmem } from "node:os";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { percentile } from "../_lib/process.mjs";

const here = import.meta.dirname;
const runs = Number(process.env.RUNS ?? 3);
const run = (script, env = {}) => JSON.parse(execFileSync(process.execPath, [join(here, script)], { env: { ...process.env, ...env }, encoding: "utf8" }).trim().split("\n").at(-1));
const median = (values) => percentile(values, 50); // the nearest-rank median of few runs: one of them
const ms = (n) => n.toFixed(1);

const overhead = Array.from({ length: runs }, () => run("overhead.mjs"));
const rss = Array.from({ length: runs }, () => run("rss.mjs"));
const o = (pick) => median(overhead.map(pick));
const lines = [
  "# live results",
  "",
  "`sst dev`'s relay on the local test transport (the local Events server, the real Go bridge, the relay, the worker",
  "pool), written by `node bench/live/run.mjs`; see README.md for the method. Medians of " + runs + " runs, each in a fresh process.",
  "",
  `- date: ${new Date().toISOString().slice(0, 10)}`,
  `- machine: ${cpus()[0]?.model.trim()}, ${cpus().length} CPUs, ${Math.round(totalmem() / 2 ** 30)} GiB RAM, ${process.platform}/${process.arch}, node ${process.version}`,
  `- load average at the end (1/5/15 min): ${loadavg().map((l) => l.toFixed(2)).join(" / ")}; other work on the machine stretches the times`,
  "",
  "| figure | result | goal | ratio to goal |",
  "|---|---|---|---|",
  `| warm invoke through the relay, p50 / p99 (ms) | ${ms(o((r) => r.relay.p50))} / ${ms(o((r) => r.relay.p99))} | | |`,
  `| the same invocation straight to the worker pool, p50 / p99 (ms) | ${ms(o((r) => r.direct.p50))} / ${ms(o((r) => r.direct.p99))} | | |`,
  `| **relay overhead, p50** (ms) | ${ms(o((r) => r.overhead.p50))} | < 10 | ${(o((r) => r.overhead.p50) / 10).toFixed(2)} |`,
  `| relay overhead, p99 (ms) | ${ms(o((r) => r.overhead.p99))} | | |`,
  `| **save → an invocation answered by the new code, p50** (ms, invoked right after the save) | ${ms(o((r) => r.save.p50))} | < 50 | ${(o((r) => r.save.p50) / 50).toFixed(2)} |`,
  `| **peak RSS of sst dev's side, ${rss[0].functions} functions each invoked once** (MiB) | ${median(rss.map((r) => r.peakMiB))} | < 1024 (SST: 12.4 GiB after 28 of 311) | ${(median(rss.map((r) => r.peakMiB)) / 1024).toFixed(2)} |`,
  "",
  `Each run: ${overhead[0].invocations} relayed and ${overhead[0].invocations} direct invocations, ${overhead[0].save.samples} saves; ${rss[0].functions} functions, ${rss.reduce((a, r) => a + r.failed, 0)} failed invocations in all runs.`,
  "",
];
writeFileSync(join(here, "results.md"), lines.join("\n"));
console.log(lines.join("\n"));
