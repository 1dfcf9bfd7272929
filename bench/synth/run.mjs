// The synth bench: an app of COUNT sst.aws.Function synthesised offline by the product, against a plain
// @pulumi/aws program creating the same AWS resources under the same mocks, alternating RUNS times, each in a
// fresh process. Reports the medians and their ratio and rewrites results.md.
//   node bench/synth/run.mjs       env: RUNS (default 5), COUNT (200)
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { cpus, loadavg, totalmem } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { measure, median, mib } from "../_lib/process.mjs";

const here = dirname(fileURLToPath(import.meta.url));
const runs = Number(process.env.RUNS ?? 5);
const count = Number(process.env.COUNT ?? 200);
if (!existsSync(join(here, "..", "..", "plugins", "aws", "dist", "index.js"))) throw new Error("build the packages first: npm run build");
const pulumiVersion = (name) => JSON.parse(readFileSync(join(here, "..", "..", "node_modules", name, "package.json"), "utf8")).version;

const product = [];
const raw = [];
for (let r = 1; r <= runs; r++) {
  const p = await measure(join(here, "product.mjs"), [String(count)]);
  const w = await measure(join(here, "raw.mjs"), [String(count)]);
  if (p.awsResources !== w.awsResources) throw new Error(`the product created ${p.awsResources} AWS resources, the raw program ${w.awsResources}`);
  product.push(p);
  raw.push(w);
  console.log(`run ${r}/${runs}: product ${(p.synthMs / 1000).toFixed(2)}s, raw @pulumi/aws ${(w.synthMs / 1000).toFixed(2)}s`);
}

const med = (list, key) => median(list.map((x) => x[key]));
const ratio = med(product, "synthMs") / med(raw, "synthMs");
const processRatio = med(product, "processMs") / med(raw, "processMs");
// Each pair ran back to back, under about the same load: the median of their ratios is steadier than the ratio of
// the medians on a shared machine.
const paired = median(product.map((p, i) => p.synthMs / raw[i].synthMs));
const load = loadavg().map((l) => l.toFixed(2)).join(" / ");
const row = (label, list) =>
  `| ${label} | ${(med(list, "synthMs") / 1000).toFixed(2)} | ${list.map((x) => (x.synthMs / 1000).toFixed(2)).join(", ")} | ${(med(list, "processMs") / 1000).toFixed(2)} | ${mib(med(list, "treePeakKiB"))} |`;
const results = `# synth results

An app of ${count} \`sst.aws.Function\` (default args plus one environment variable) synthesised offline by the
product (\`synth\` of \`@sst/core/testing\` with \`aws()\`: config resolution, the default provider, components,
links, transforms, the resource recorder), against a plain \`@pulumi/aws\` program creating the same
${product[0].awsResources} AWS resources (per function: IAM role, log group, Lambda function with a secret
environment; an explicit provider) under the same mocks. Builds are skipped in both (offline synth). Median of
${runs} runs of each, alternating, each in a fresh process. Written by \`node bench/synth/run.mjs\`; see README.md.
Goal: ratio ≤ 1.5x.

- date: ${new Date().toISOString().slice(0, 10)}
- machine: ${cpus()[0]?.model.trim()}, ${cpus().length} CPUs, ${(totalmem() / 2 ** 30).toFixed(0)} GiB RAM, ${process.platform}/${process.arch}
- node ${process.version}, @pulumi/pulumi ${pulumiVersion("@pulumi/pulumi")}, @pulumi/aws ${pulumiVersion("@pulumi/aws")}
- load average at the end (1/5/15 min): ${load}; other work on the machine stretches both, so compare ratios

| program | median synth (s) | runs (s) | median process, start to end (s) | process tree peak RSS, median (MiB) |
|---|---|---|---|---|
${row(`product: ${count} sst.aws.Function`, product)}
${row(`raw @pulumi/aws, same ${product[0].awsResources} resources`, raw)}

**Ratio (median synth): ${ratio.toFixed(2)}x** (goal ≤ 1.5x: ${ratio <= 1.5 ? "met" : "MISSED"}); median of the ${runs} paired ratios: ${paired.toFixed(2)}x;
whole process, imports included: ${processRatio.toFixed(2)}x.
`;
writeFileSync(join(here, "results.md"), results);
console.log(results);
