// One offline synth of the product: an app of `count` sst.aws.Function (each with a role, a log group and its
// link data) through `synth` of @sst/core/testing with the aws plugin, under Pulumi's mocks. Prints one JSON line.
//   node product.mjs [count=200]
import { synth } from "@sst/core/testing";
import { aws } from "@sst/aws";
import { dirname } from "node:path";
import { fileURLToPath } from "node:url";

const count = Number(process.argv[2] ?? 200);
const started = performance.now();
const graph = await synth({
  plugins: [aws()],
  providers: { aws: { region: "us-east-1" } },
  root: dirname(fileURLToPath(import.meta.url)),
  run() {
    for (let i = 0; i < count; i++) new sst.aws.Function(`Fn${i}`, { handler: `src/fn${i}.handler`, environment: { INDEX: String(i) } });
  },
});
const synthMs = performance.now() - started;
const aws_ = graph.resources.filter((r) => r.type.startsWith("aws:")).length;
console.log(JSON.stringify({ synthMs, processMs: performance.now(), maxRssKiB: process.resourceUsage().maxRSS, awsResources: aws_, resources: graph.resources.length }));
