// Timer when hyperfine is missing (or TIMER=node): spawns the commands in turn, RUNS rounds after
// WARMUP rounds. Interleaving means a busy machine slows every command alike, not whichever
// happened to run during the busy spell. Writes hyperfine's JSON shape
// ({ results: [{ command, median, times }] }, seconds) so summarize.mjs reads either.
// Usage: node measure.mjs <out.json> <runs> <warmup> <name>=<executable> [args separated by spaces]...
import { spawnSync } from "node:child_process";
import { writeFileSync } from "node:fs";

const [out, runs, warmup, ...pairs] = process.argv.slice(2);
const names = pairs.map((pair) => pair.slice(0, pair.indexOf("=")));
const commands = pairs.map((pair) => pair.slice(pair.indexOf("=") + 1));

function time(command) {
  const start = process.hrtime.bigint();
  const [file, ...args] = command.split(" ");
  const child = spawnSync(file, args, { stdio: "ignore" });
  if (child.status !== 0) throw new Error(`${command} exited ${child.status}`);
  return Number(process.hrtime.bigint() - start) / 1e9;
}

for (let i = 0; i < Number(warmup); i++) commands.forEach(time);
const times = commands.map(() => []);
for (let i = 0; i < Number(runs); i++) commands.forEach((command, j) => times[j].push(time(command)));

const median = (values) => values.slice().sort((a, b) => a - b)[values.length >> 1];
const results = names.map((command, j) => ({ command, median: median(times[j]), times: times[j] }));
writeFileSync(out, JSON.stringify({ results }));
