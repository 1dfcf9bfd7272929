// Timer when hyperfine is missing (or TIMER=node): spawns the commands in turn, RUNS rounds after
// WARMUP rounds. Interleaving means a busy machine slows every command alike, not whichever
// happened to run during the busy spell. Writes hyperfine's JSON shape
// ({ results: [{ command, median, times }] }, seconds) so summarize.mjs reads either.
// Usage: node measure.mjs <out.json> <runs> <warmup> <cmd>...
import { spawnSync } from "node:child_process";
import { writeFileSync } from "node:fs";

const [out, runs, warmup, ...commands] = process.argv.slice(2);

function time(command) {
  const start = process.hrtime.bigint();
  const child = spawnSync(command, { stdio: "ignore" });
  if (child.status !== 0) throw new Error(`${command} exited ${child.status}`);
  return Number(process.hrtime.bigint() - start) / 1e9;
}

for (let i = 0; i < Number(warmup); i++) commands.forEach(time);
const times = commands.map(() => []);
for (let i = 0; i < Number(runs); i++) commands.forEach((command, j) => times[j].push(time(command)));

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};
const results = commands.map((command, j) => ({ command, median: median(times[j]), times: times[j] }));
writeFileSync(out, JSON.stringify({ results }));
