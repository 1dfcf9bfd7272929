// `sst dev`'s local side for the memory bench: a dev session for COUNT functions built by esbuild from the
// app in argv[2], on the Events server at argv[3]. Prints "ready" once listening; runs until killed.
import { Kernel, validateApp } from "@sst/core";
import { AppSyncTransport, startDevSession } from "@sst/live";
import { esbuildBuilder } from "../build-300/esbuild-builder.mjs";

const [root, host, count] = [process.argv[2], process.argv[3], Number(process.argv[4])];
const KEY = { accessKeyId: "AKIDBENCH", secretAccessKey: "bench-secret" };
const jobs = new Map(
  Array.from({ length: count }, (_, i) => [`Fn${i}`, { name: `Fn${i}`, runtime: "nodejs", handler: `src/fn${i}.handler`, properties: {}, links: {}, files: {} }]),
);
await startDevSession({
  kernel: new Kernel({ plugins: [esbuildBuilder()] }),
  root,
  app: validateApp({ name: "app", home: "local" }, "dev"),
  transport: new AppSyncTransport({ endpoint: { http: host, realtime: host, region: "us-east-1", secure: false }, credentials: KEY }),
  jobs: () => jobs,
  region: "us-east-1",
  print: () => {},
});
console.log("ready");
