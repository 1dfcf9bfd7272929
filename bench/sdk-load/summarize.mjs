// Turns the per-language timing files into results.md: machine, date, medians and the ratio
// to the floor, one row per language, from every round's timing file (hyperfine's JSON shape).
// Usage: node summarize.mjs <fixture dir> <runs> <tool> <lang>=<toolchain>...
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { cpus, loadavg, totalmem } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const [dir, runs, tool, ...langs] = process.argv.slice(2);
const TARGET = 1.2;
const ms = (s) => (s * 1000).toFixed(1);
const median = (values) => values.slice().sort((a, b) => a - b)[values.length >> 1];

const rows = langs.map((entry) => {
  const [lang, ...rest] = entry.split("=");
  const toolchain = rest.join("=");
  const times = { sdk: [], floor: [] };
  const rounds = readdirSync(dir).filter((f) => f.startsWith(`timings-${lang}-`) && f.endsWith(".json"));
  for (const file of rounds) {
    for (const result of JSON.parse(readFileSync(join(dir, file), "utf8")).results) times[result.command].push(...result.times);
  }
  if (!times.sdk.length) return `| ${lang} | ${toolchain} | n/a | n/a | n/a | skipped |`;
  const [sdk, floor] = [median(times.sdk), median(times.floor)];
  const ratio = sdk / floor;
  return `| ${lang} | ${toolchain} | ${ms(sdk)} | ${ms(floor)} | ${ratio.toFixed(2)}x | ${ratio <= TARGET ? "ok" : "OVER"} |`;
});

const cpu = cpus()[0]?.model ?? "unknown CPU";
const text = `# sdk-load results

Time from process start to the first \`Resource.X.prop\` with 100 links in an encrypted file,
median of ${runs} runs per program (in alternating rounds, each after warm-up), against the
language's floor (decrypt and parse only). Target: ratio ≤ ${TARGET}x. Written by
\`bash bench/sdk-load/run.sh\`; see README.md for the method.

- date: ${new Date().toISOString().slice(0, 10)}
- machine: ${cpu}, ${cpus().length} CPUs, ${Math.round(totalmem() / 2 ** 30)} GiB RAM, ${process.platform}/${process.arch}
- timer: ${tool}
- load average at the end (1/5/15 min): ${loadavg().map((l) => l.toFixed(2)).join(" / ")}; other work on the machine slows
  both programs, so compare ratios, not absolute times, across runs

| language | toolchain | SDK median (ms) | floor median (ms) | ratio | ≤ ${TARGET}x |
|---|---|---|---|---|---|
${rows.join("\n")}
`;
writeFileSync(fileURLToPath(new URL("results.md", import.meta.url)), text);
process.stdout.write(text);
