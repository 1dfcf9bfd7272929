// Turns the per-language timing files into results.md: machine, date, medians and the ratio
// to the floor, one row per language. Usage: node summarize.mjs <fixture dir> <runs> <tool> <lang>=<toolchain>...
import { readFileSync, writeFileSync, existsSync } from "node:fs";
import { cpus, loadavg, totalmem } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const [dir, runs, tool, ...langs] = process.argv.slice(2);
const TARGET = 1.2;
const ms = (s) => (s * 1000).toFixed(1);

const rows = langs.map((entry) => {
  const [lang, ...rest] = entry.split("=");
  const toolchain = rest.join("=");
  const file = join(dir, `timings-${lang}.json`);
  if (!existsSync(file)) return `| ${lang} | ${toolchain} | n/a | n/a | n/a | skipped |`;
  const { results } = JSON.parse(readFileSync(file, "utf8"));
  const [sdk, floor] = results;
  const ratio = sdk.median / floor.median;
  return `| ${lang} | ${toolchain} | ${ms(sdk.median)} | ${ms(floor.median)} | ${ratio.toFixed(2)}x | ${ratio <= TARGET ? "ok" : "OVER"} |`;
});

const cpu = cpus()[0]?.model ?? "unknown CPU";
const text = `# sdk-load results

Time from process start to the first \`Resource.X.prop\` with 100 links in an encrypted file, median
of ${runs} runs (after warm-up), against the language's floor (decrypt and parse only). Target: ratio
≤ ${TARGET}x. Written by \`bash bench/sdk-load/run.sh\`; see README.md for the method.

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
