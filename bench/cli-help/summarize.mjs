// Turns the round files (hyperfine's JSON shape) into results.md: machine, date, medians and the ratio.
// Usage: node summarize.mjs <timings dir> <runs> <tool>
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { cpus, loadavg, totalmem } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const [dir, runs, tool] = process.argv.slice(2);
const TARGET = 1.5;
const ms = (s) => (s * 1000).toFixed(1);
const median = (values) => values.slice().sort((a, b) => a - b)[values.length >> 1];

const times = { help: [], floor: [] };
// CPU time (user + system, hyperfine only: a mean per round, weighted by its runs) is not stretched by
// waiting for a core, so it is the steadier ratio on a loaded machine.
const cpu = { help: { sum: 0, runs: 0 }, floor: { sum: 0, runs: 0 } };
for (const file of readdirSync(dir).filter((f) => f.endsWith(".json"))) {
  for (const result of JSON.parse(readFileSync(join(dir, file), "utf8")).results) {
    times[result.command].push(...result.times);
    if (typeof result.user === "number") {
      cpu[result.command].sum += (result.user + result.system) * result.times.length;
      cpu[result.command].runs += result.times.length;
    }
  }
}
const [help, floor] = [median(times.help), median(times.floor)];
const ratio = help / floor;
const cpuMean = (c) => c.sum / c.runs;
const cpuRow = cpu.help.runs
  ? `| CPU (user + system, mean) | ${ms(cpuMean(cpu.help))} | ${ms(cpuMean(cpu.floor))} | ${(cpuMean(cpu.help) / cpuMean(cpu.floor)).toFixed(2)}x |\n`
  : "";

const text = `# cli-help results

\`sst --help\` (every core command, plugin-hello's \`hello\` read from its package.json, and the first-party
\`dev\`/\`tunnel\`) against \`node -e 0\`, in \`examples/app-hello\`: median of ${runs} runs per command, in
alternating rounds after warm-up. Target: ratio ≤ ${TARGET}x. Written by \`bash bench/cli-help/run.sh\`.

- date: ${new Date().toISOString().slice(0, 10)}
- machine: ${cpus()[0]?.model ?? "unknown CPU"}, ${cpus().length} CPUs, ${Math.round(totalmem() / 2 ** 30)} GiB RAM, ${process.platform}/${process.arch}, node ${process.version}
- timer: ${tool}
- load average at the end (1/5/15 min): ${loadavg().map((l) => l.toFixed(2)).join(" / ")}; other work on the machine slows
  both commands, so compare ratios, not absolute times, across runs

| measure | \`sst --help\` (ms) | \`node -e 0\` (ms) | ratio |
|---|---|---|---|
| **wall time, median** | ${ms(help)} | ${ms(floor)} | **${ratio.toFixed(2)}x** (${ratio <= TARGET ? "ok" : "OVER"} ≤ ${TARGET}x) |
${cpuRow}`;
writeFileSync(fileURLToPath(new URL("results.md", import.meta.url)), text);
process.stdout.write(text);
