/**
 * `sst dev`'s relay end to end on loopback: Lambda's Runtime API → the real Go bridge → the Events server →
 * the relay → a worker process running the handler → and back.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { artifact, LiveHarness } from "./_live.js";

let h: LiveHarness;
beforeEach(async () => {
  h = await LiveHarness.start();
});
afterEach(async () => {
  await h.close();
});

const json = (r: { ok: boolean; body?: Buffer }) => JSON.parse(r.body!.toString());

describe("live invocations through the bridge", () => {
  it("runs a Node.js handler locally with the function's environment and SST_DEV", async () => {
    await h.cli(() => artifact("node-v1"));
    await h.bridge("Api", { env: { LINKED_VALUE: "from-the-cloud" } });
    const result = await h.lambda.invoke({}, { timeoutMs: 20_000 });
    expect(result.ok).toBe(true);
    expect(json(result as { ok: true; body: Buffer })).toEqual({ version: 1, dev: "true", linked: "from-the-cloud", name: "Api", left: true });
  }, 60_000);

  it.each([
    ["0 B", ""],
    ["200 KB", "y".repeat(200 * 1024)],
    ["5.9 MB", "z".repeat(5.9 * 1024 * 1024)],
  ])("relays a %s payload both ways", async (_, text) => {
    await h.cli(() => artifact("node-v1"));
    await h.bridge("Api");
    const result = await h.lambda.invoke({ echo: text }, { timeoutMs: 30_000 });
    expect(result.ok).toBe(true);
    expect(json(result as { ok: true; body: Buffer }).echo).toBe(text);
  }, 60_000);

  it("fails the invocation with the handler's error type and message", async () => {
    await h.cli(() => artifact("node-v1"));
    await h.bridge("Api");
    const result = await h.lambda.invoke({ fail: "on purpose" }, { timeoutMs: 20_000 });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error).toMatchObject({ errorType: "TypeError", errorMessage: "asked to fail: on purpose" });
  }, 60_000);

  it("fails an invocation whose worker process exits as Lambda's Runtime.ExitError, and the next one gets a new worker", async () => {
    await h.cli(() => artifact("node-v1"));
    await h.bridge("Api");
    const crashed = await h.lambda.invoke({ exit: 3 }, { timeoutMs: 20_000 });
    expect(!crashed.ok && crashed.error).toMatchObject({ errorType: "Runtime.ExitError", errorMessage: expect.stringContaining("exit status 3") });
    const next = await h.lambda.invoke({ echo: "alive" }, { timeoutMs: 20_000 });
    expect(json(next as { ok: true; body: Buffer })).toEqual({ echo: "alive" });
  }, 60_000);

  it("fails the invocation as a Lambda error saying to run sst dev when no sst dev is connected", async () => {
    await h.bridge("Api", { env: { SST_LIVE_ACK_TIMEOUT_MS: "500" } });
    const result = await h.lambda.invoke({}, { timeoutMs: 20_000 });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error.errorType).toBe("SSTDevNotRunning");
    expect(!result.ok && result.error.errorMessage).toMatch(/No sst dev session answered for "Api" in stage "dev"\. Run `sst dev`/);
  }, 60_000);

  it("completes an invocation through a restarted sst dev when the first one stops mid-invocation", async () => {
    const first = await h.cli(() => artifact("node-v1"));
    await h.bridge("Api", { env: { SST_LIVE_SILENCE_MS: "400", SST_LIVE_REPUBLISH_MS: "200" } });
    const pending = h.lambda.invoke({ sleepMs: 1500, echo: "survived" }, { timeoutMs: 20_000 });
    await until(() => h.events.some((e) => e.type === "invoke"));
    await first.stop();
    await h.cli(() => artifact("node-v1"));
    const result = await pending;
    expect(result.ok).toBe(true);
    expect(json(result as { ok: true; body: Buffer })).toEqual({ echo: "survived" });
  }, 60_000);

  it("fails an invocation that outlives the function's timeout", async () => {
    await h.cli(() => artifact("node-v1"));
    await h.bridge("Api");
    const result = await h.lambda.invoke({ sleepMs: 10_000 }, { timeoutMs: 2_000 });
    expect(result.ok).toBe(false);
    expect(!result.ok && ["SSTDevTimeout", "Sandbox.Timedout"]).toContain(!result.ok && result.error.errorType);
  }, 60_000);

  it("runs the new code on the next invocation after a save", async () => {
    let version = "node-v1";
    await h.cli(() => artifact(version));
    await h.bridge("Api");
    const before = await h.lambda.invoke({}, { timeoutMs: 20_000 });
    version = "node-v2";
    const after = await h.lambda.invoke({}, { timeoutMs: 20_000 });
    expect(json(before as { ok: true; body: Buffer }).version).toBe(1);
    expect(json(after as { ok: true; body: Buffer })).toEqual({ version: 2 });
  }, 60_000);

  it("streams a streaming function's response back in pieces", async () => {
    await h.cli(() => artifact("node-stream"));
    await h.bridge("Stream", { streaming: true });
    const pieces: string[] = [];
    const result = await h.lambda.invoke({}, { timeoutMs: 20_000, onChunk: (c) => pieces.push(c.toString()) });
    expect(result.ok && result.body.toString()).toBe("one two three");
    expect(pieces.join("")).toBe("one two three");
    expect(pieces.length).toBeGreaterThan(1); // it streamed: not one buffered body
  }, 60_000);

  it("runs a Python handler locally", async () => {
    await h.cli(() => artifact("python", "handler.main"));
    await h.bridge("Py", { runtime: "python3.11", handler: "handler.main" });
    const ok = await h.lambda.invoke({ n: 1 }, { timeoutMs: 20_000 });
    expect(json(ok as { ok: true; body: Buffer })).toMatchObject({ python: true, got: { n: 1 }, dev: "true" });
    const failed = await h.lambda.invoke({ fail: "py" }, { timeoutMs: 20_000 });
    expect(!failed.ok && failed.error).toMatchObject({ errorType: "ValueError", errorMessage: "asked to fail: py" });
  }, 60_000);
});

async function until(check: () => boolean, timeoutMs = 10_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > end) throw new Error("condition not met in time");
    await new Promise((r) => setTimeout(r, 20));
  }
}
