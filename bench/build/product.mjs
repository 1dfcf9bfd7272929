// One pass of the product: a kernel with the aws plugin (its real Node.js builder), a program requesting `count`
// functions with `requestBuild` (default Function options: nodejs20.x, minified ESM, source maps), run by
// `synth` with real builds through the kernel's build owner. Prints one JSON line.
//   node product.mjs <app dir> [count=300]
import { Kernel, requestBuild, synth, validateApp } from "@sst/core";
import { aws } from "@sst/aws";
import { resolve } from "node:path";

const [dir, count = "300"] = process.argv.slice(2);
const root = resolve(dir);
const tally = { built: 0, cached: 0, failed: 0 };
const started = performance.now();
await synth({
  kernel: new Kernel({ plugins: [aws()] }),
  app: validateApp({ name: "bench", home: "local" }, "bench"),
  root,
  secrets: {},
  build: { onEvent: (e) => void (e.type === "end" && tally[e.status]++) },
  run() {
    for (let i = 0; i < Number(count); i++) {
      requestBuild({ name: `Fn${i}`, runtime: "nodejs", handler: `src/fn${i}.handler`, properties: { runtime: "nodejs20.x" } });
    }
  },
});
const wallMs = performance.now() - started;
console.log(JSON.stringify({ wallMs, maxRssKiB: process.resourceUsage().maxRSS, ...tally }));
