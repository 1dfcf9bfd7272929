// Warm invoke overhead of the live relay, and save-to-new-code latency, on the local test transport.
// Prints one JSON line. Run by run.mjs (needs `npm run build` and Go for the bridge).
import { spawn } from "node:child_process";
import { cpSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Kernel, validateApp } from "@sst/core";
import { RuntimeApi } from "@sst/aws/runtime";
import { AppSyncTransport, bridgeBinary, startDevSession, startEventsServer } from "@sst/live";
import { percentile } from "../_lib/process.mjs";
import { esbuildBuilder } from "../build-300/esbuild-builder.mjs";

const N = Number(process.env.INVOCATIONS ?? 300);
const SAVES = Number(process.env.SAVES ?? 20);
const KEY = { accessKeyId: "AKIDBENCH", secretAccessKey: "bench-secret" };

const root = mkdtempSync(join(tmpdir(), "sst-bench-live-"));
const source = (version) => `export async function handler(event) { return { version: ${version}, echo: event?.echo ?? null }; }\n`;
writeFileSync(join(root, "api.ts"), source(0));

const server = await startEventsServer({ region: "us-east-1", credentials: [KEY] });
const lambda = await RuntimeApi.start();
const kernel = new Kernel({ plugins: [esbuildBuilder()] });
const job = { name: "Api", runtime: "nodejs", handler: "api.handler", properties: {}, links: {}, files: {} };
const session = await startDevSession({
  kernel,
  root,
  app: validateApp({ name: "app", home: "local" }, "dev"),
  transport: new AppSyncTransport({ endpoint: server.endpoint, credentials: KEY }),
  jobs: () => new Map([["Api", job]]),
  region: "us-east-1",
  print: () => {},
});
const bridge = spawn(await bridgeBinary("x86_64"), [], {
  stdio: "ignore",
  env: {
    PATH: process.env.PATH,
    AWS_LAMBDA_RUNTIME_API: lambda.endpoint("bridge"),
    AWS_LAMBDA_LOG_STREAM_NAME: "2026/11/25/[$LATEST]benchbenchbenchbenchbenchbench",
    AWS_REGION: "us-east-1",
    AWS_ACCESS_KEY_ID: KEY.accessKeyId,
    AWS_SECRET_ACCESS_KEY: KEY.secretAccessKey,
    SST_LIVE_HTTP: server.endpoint.http,
    SST_LIVE_REALTIME: server.endpoint.realtime,
    SST_LIVE_INSECURE: "true",
    SST_FUNCTION_ID: "Api",
    SST_APP: "app",
    SST_STAGE: "dev",
    SST_FUNCTION_RUNTIME: "nodejs20.x",
  },
});

const time = async (fn) => {
  const start = process.hrtime.bigint();
  const result = await fn();
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return { ms: Number(process.hrtime.bigint() - start) / 1e6, body: JSON.parse(result.body.toString()) };
};
const relayed = () => time(() => lambda.invoke({ echo: "x" }, { timeoutMs: 20_000 }));
const direct = () =>
  time(() =>
    session.pool.invoke({
      fn: "Api",
      worker: "direct",
      id: `direct-${Math.random()}`,
      init: { env: {}, runtime: "nodejs20.x", handler: "api.handler", timeoutMs: 20_000, architecture: "x86_64" },
      request: { headers: {}, deadlineMs: Date.now() + 20_000, body: Buffer.from('{"echo":"x"}').toString("base64") },
    }),
  );

try {
  for (let i = 0; i < 20; i++) await relayed(), await direct(); // warm: worker, sockets, JIT
  const relay = [];
  const local = [];
  for (let i = 0; i < N; i++) {
    relay.push((await relayed()).ms);
    local.push((await direct()).ms);
  }
  // Save → the first invocation answered by the new code, invoked right after the save.
  const saves = [];
  for (let v = 1; v <= SAVES; v++) {
    const start = process.hrtime.bigint();
    writeFileSync(join(root, "api.ts"), source(v));
    const { body } = await relayed();
    if (body.version !== v) throw new Error(`save ${v} answered by version ${body.version}`);
    saves.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  const warm = percentile(relay, 50);
  console.log(
    JSON.stringify({
      invocations: N,
      relay: { p50: percentile(relay, 50), p99: percentile(relay, 99) },
      direct: { p50: percentile(local, 50), p99: percentile(local, 99) },
      overhead: { p50: percentile(relay, 50) - percentile(local, 50), p99: percentile(relay, 99) - percentile(local, 99) },
      save: { samples: SAVES, p50: percentile(saves, 50), p50MinusWarmInvoke: percentile(saves, 50) - warm },
    }),
  );
} finally {
  bridge.kill("SIGKILL");
  await session.stop();
  await lambda.close();
  await server.close();
  rmSync(root, { recursive: true, force: true });
}
