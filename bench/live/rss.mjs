// Peak memory of `sst dev`'s local side (the session process and every worker it starts) while COUNT
// functions are each invoked once through the relay. The bench plays the bridges: it publishes each function's
// init and invocation as a bridge would and waits for the answer. Prints one JSON line.
import { spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { AppSyncTransport, Assembler, parsePacket, startEventsServer, toPackets } from "@sst/live";
import { treeRss } from "../_lib/process.mjs";

const COUNT = Number(process.env.FUNCTIONS ?? 300);
const KEY = { accessKeyId: "AKIDBENCH", secretAccessKey: "bench-secret" };
const root = mkdtempSync(join(tmpdir(), "sst-bench-live-rss-"));
mkdirSync(join(root, "src"));
for (let i = 0; i < COUNT; i++) writeFileSync(join(root, "src", `fn${i}.ts`), `export async function handler() { return { fn: ${i} }; }\n`);

const server = await startEventsServer({ region: "us-east-1", credentials: [KEY] });
const child = spawn(process.execPath, [join(import.meta.dirname, "session-child.mjs"), root, server.endpoint.http, String(COUNT)], { stdio: ["ignore", "pipe", "inherit"] });
await new Promise((resolve) => child.stdout.on("data", (d) => String(d).includes("ready") && resolve()));
let peakKiB = treeRss(child.pid);
const sampler = setInterval(() => (peakKiB = Math.max(peakKiB, treeRss(child.pid))), 25);

const bridges = new AppSyncTransport({ endpoint: server.endpoint, credentials: KEY });
const assembler = new Assembler();
const waiting = new Map();
await bridges.subscribe("/sst/app/dev/*", (event) => {
  const done = assembler.add(parsePacket(event));
  if (done && (done.kind === "response" || done.kind === "error")) waiting.get(done.id)?.(done);
});
const publish = (kind, fn, worker, id, payload) => bridges.publish("/sst/app/dev/in", toPackets({ kind, fn, worker, id }, JSON.stringify(payload)).map((p) => JSON.stringify(p)));
const started = Date.now();
let failed = 0;
try {
  for (let i = 0; i < COUNT; i++) {
    const fn = `Fn${i}`;
    const worker = `w${i}`;
    await publish("init", fn, worker, `init-${i}`, { env: {}, runtime: "nodejs20.x", handler: `src/fn${i}.handler`, timeoutMs: 20000, architecture: "x86_64" });
    const answered = new Promise((resolve) => waiting.set(`r${i}`, resolve));
    await publish("next", fn, worker, `r${i}`, { headers: {}, deadlineMs: Date.now() + 60_000, body: Buffer.from("{}").toString("base64") });
    const answer = await answered;
    if (answer.kind !== "response") failed++;
  }
  console.log(JSON.stringify({ functions: COUNT, failed, seconds: (Date.now() - started) / 1000, peakMiB: Math.round(peakKiB / 1024) }));
} finally {
  clearInterval(sampler);
  child.kill("SIGKILL");
  await bridges.close();
  await server.close();
  rmSync(root, { recursive: true, force: true });
}
