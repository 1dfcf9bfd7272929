// One measured build pass, in a process of its own: a kernel with the esbuild builder, a program requesting
// `count` functions (each with an added resource.enc), run through the real build owner. Prints one JSON line.
//   node build.mjs <app dir> [count=300]
import { Kernel, requestBuild, synth, validateApp } from "@sst/core";
import { resolve } from "node:path";
import { esbuildBuilder } from "./esbuild-builder.mjs";

const [dir, count = "300"] = process.argv.slice(2);
const root = resolve(dir);
const n = Number(count);
const tally = { built: 0, cached: 0, failed: 0 };
const started = performance.now();
await synth({
  kernel: new Kernel({ plugins: [esbuildBuilder()] }),
  app: validateApp({ name: "bench", home: "local" }, "bench"),
  root,
  secrets: {},
  build: { onEvent: (e) => void (e.type === "end" && tally[e.status]++) },
  run() {
    for (let i = 0; i < n; i++) {
      requestBuild({ name: `Fn${i}`, runtime: "nodejs", handler: `src/fn${i}.handler`, files: { "resource.enc": Buffer.alloc(512, i % 251) } });
    }
  },
});
const wallMs = performance.now() - started;
console.log(JSON.stringify({ wallMs, maxRssKiB: process.resourceUsage().maxRSS, ...tally }));
