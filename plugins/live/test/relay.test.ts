/**
 * The CLI side of the live protocol against the local Events server. The test plays the bridge with the same
 * transport and packets the bridge uses; the workers are a WorkerHost written here (the worker pool has its own tests).
 */
import { afterEach, describe, expect, it } from "vitest";
import {
  AppSyncTransport,
  Assembler,
  LiveRelay,
  parsePacket,
  startEventsServer,
  toPackets,
  type Assembled,
  type Invocation,
  type InvokeResult,
  type RelayEvent,
  type WorkerHost,
} from "@sst/live";

const KEY = { accessKeyId: "AKIDRELAY", secretAccessKey: "relay-secret" };
const PREFIX = "/sst/app/dev";
const closers: { close(): Promise<void> }[] = [];

afterEach(async () => {
  for (const c of closers.splice(0)) await c.close();
});

async function setup(host: WorkerHost, ackIntervalMs = 2000) {
  const server = await startEventsServer({ region: "us-east-1", credentials: [KEY] });
  const cli = new AppSyncTransport({ endpoint: server.endpoint, credentials: KEY });
  const bridge = new AppSyncTransport({ endpoint: server.endpoint, credentials: KEY });
  closers.push(cli, bridge, server);
  const events: RelayEvent[] = [];
  const relay = new LiveRelay({ transport: cli, app: "app", stage: "dev", host, ackIntervalMs, onEvent: (e) => events.push(e) });
  await relay.start();
  closers.unshift({ close: () => relay.stop() });
  // What the bridge "w1" receives on its own channel, reassembled.
  const received: Assembled[] = [];
  const waiters: { test: (a: Assembled) => boolean; resolve: (a: Assembled) => void }[] = [];
  const assembler = new Assembler();
  await bridge.subscribe(`${PREFIX}/w1/out`, (event) => {
    const done = assembler.add(parsePacket(event));
    if (!done) return;
    received.push(done);
    for (const w of [...waiters]) if (w.test(done)) (waiters.splice(waiters.indexOf(w), 1), w.resolve(done));
  });
  const next = (test: (a: Assembled) => boolean) =>
    new Promise<Assembled>((resolve) => {
      const found = received.find(test);
      if (found) return resolve(found);
      waiters.push({ test, resolve });
    });
  const send = (kind: "init" | "next", id: string, payload: object) =>
    bridge.publish(`${PREFIX}/in`, toPackets({ kind, fn: "Api", worker: "w1", id }, JSON.stringify(payload)).map((p) => JSON.stringify(p)));
  const init = { env: { A: "1" }, runtime: "nodejs20.x", handler: "src/api.handler", timeoutMs: 20000, architecture: "x86_64" };
  const request = (event: unknown) => ({ headers: { "lambda-runtime-aws-request-id": "r" }, deadlineMs: Date.now() + 20000, body: Buffer.from(JSON.stringify(event)).toString("base64") });
  return { received, next, send, init, request, events };
}

const echo: WorkerHost = {
  async invoke(inv: Invocation): Promise<InvokeResult> {
    const event = JSON.parse(Buffer.from(inv.request.body, "base64").toString());
    return { ok: true, body: Buffer.from(JSON.stringify({ got: event, env: inv.init.env.A })) };
  },
};

describe("the live relay", () => {
  it("acks an invocation and publishes the worker's response to the bridge's channel", async () => {
    const t = await setup(echo);
    await t.send("init", "i1", t.init);
    await t.send("next", "req-1", t.request({ hello: "world" }));
    const response = await t.next((a) => a.kind === "response" && a.id === "req-1");
    expect(JSON.parse(response.payload.toString())).toEqual({ got: { hello: "world" }, env: "1" });
    expect(t.received.findIndex((a) => a.kind === "ack" && a.id === "req-1")).toBeLessThan(t.received.indexOf(response));
  });

  it("asks an unknown bridge for its init with reboot, then runs the invocation it held", async () => {
    const t = await setup(echo);
    await t.send("next", "req-2", t.request(2));
    await t.next((a) => a.kind === "reboot");
    await t.send("init", "i2", t.init);
    const response = await t.next((a) => a.kind === "response" && a.id === "req-2");
    expect(JSON.parse(response.payload.toString()).got).toBe(2);
  });

  it("answers an invocation offered again with the same answer, without running it twice", async () => {
    let runs = 0;
    const t = await setup({ invoke: async (inv) => (runs++, echo.invoke(inv)) });
    await t.send("init", "i3", t.init);
    await t.send("next", "req-3", t.request("once"));
    await t.next((a) => a.kind === "response" && a.id === "req-3");
    t.received.length = 0;
    await t.send("next", "req-3", t.request("once"));
    await t.next((a) => a.kind === "response" && a.id === "req-3");
    expect(runs).toBe(1);
    expect(t.events.filter((e) => e.type === "repeat")).toHaveLength(1);
  });

  it("publishes a failed invocation as an error with the Runtime API's error body", async () => {
    const t = await setup({ invoke: async () => ({ ok: false, error: { errorType: "TypeError", errorMessage: "boom", stackTrace: ["at handler"] } }) });
    await t.send("init", "i4", t.init);
    await t.send("next", "req-4", t.request(null));
    const error = await t.next((a) => a.kind === "error" && a.id === "req-4");
    expect(JSON.parse(error.payload.toString())).toEqual({ errorType: "TypeError", errorMessage: "boom", stackTrace: ["at handler"] });
    expect(t.events.find((e) => e.type === "done")).toMatchObject({ ok: false, error: { errorMessage: "boom" } });
  });

  it("relays a 1 MB request and a 1 MB response through chunks under the event limit", async () => {
    const big = "x".repeat(1024 * 1024);
    const t = await setup({ invoke: async (inv) => ({ ok: true, body: Buffer.from(Buffer.from(inv.request.body, "base64").toString().toUpperCase()) }) });
    await t.send("init", "i5", t.init);
    await t.send("next", "req-5", t.request(big));
    const response = await t.next((a) => a.kind === "response" && a.id === "req-5");
    expect(response.payload.toString()).toBe(JSON.stringify(big).toUpperCase());
  });

  it("keeps acking while the worker runs", async () => {
    let release!: () => void;
    const running = new Promise<void>((resolve) => (release = resolve));
    const t = await setup({ invoke: async (inv) => (await running, echo.invoke(inv)) }, 50);
    let acks = 0;
    await t.send("init", "i6", t.init);
    await t.send("next", "req-6", t.request(6));
    await new Promise<void>((resolve) => {
      const poll = setInterval(() => {
        acks = t.received.filter((a) => a.kind === "ack" && a.id === "req-6").length;
        if (acks >= 3) (clearInterval(poll), resolve());
      }, 20);
    });
    release();
    await t.next((a) => a.kind === "response" && a.id === "req-6");
    expect(acks).toBeGreaterThanOrEqual(3);
  });
});
