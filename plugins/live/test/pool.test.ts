/** The worker pool on its own: real worker processes behind a Lambda Runtime API, one per concurrent invocation. */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { WorkerPool, type Invocation } from "@sst/live";
import { artifact } from "./_live.js";

const pools: WorkerPool[] = [];
afterEach(async () => {
  for (const p of pools.splice(0)) await p.close();
});

function pool(options: Partial<ConstructorParameters<typeof WorkerPool>[0]> = {}): WorkerPool {
  const p = new WorkerPool({ build: async () => artifact("node-v1"), ...options });
  pools.push(p);
  return p;
}

function invocation(fn: string, event: unknown, id = `${fn}-${Math.random()}`): Invocation {
  return {
    fn,
    worker: "w",
    id,
    init: { env: {}, runtime: "nodejs20.x", handler: "index.handler", timeoutMs: 20_000, architecture: "x86_64" },
    request: { headers: {}, deadlineMs: Date.now() + 20_000, body: Buffer.from(JSON.stringify(event)).toString("base64") },
  };
}

describe("the worker pool", () => {
  it("runs concurrent invocations of one function in separate processes", async () => {
    const p = pool();
    const results = await Promise.all([1, 2, 3].map((n) => p.invoke(invocation("Api", { sleepMs: 300, echo: n }))));
    expect(results.map((r) => r.ok && JSON.parse(r.body.toString()).echo)).toEqual([1, 2, 3]);
    expect((await p.workers()).Api).toBe(3);
  }, 30_000);

  it("reuses a warm worker for the next invocation", async () => {
    const p = pool();
    await p.invoke(invocation("Api", { echo: 1 }));
    await p.invoke(invocation("Api", { echo: 2 }));
    expect((await p.workers()).Api).toBe(1);
  }, 30_000);

  it("keeps at most maxIdleWorkers idle processes, stopping the least recently used", async () => {
    const p = pool({ maxIdleWorkers: 2 });
    for (const fn of ["A", "B", "C", "D", "E"]) {
      const r = await p.invoke(invocation(fn, { echo: fn }));
      expect(r.ok && JSON.parse(r.body.toString()).echo).toBe(fn);
    }
    const alive = Object.values(await p.workers()).reduce((a, b) => a + b, 0);
    // The two most recent idle ones, plus the one that just answered and is not waiting yet.
    expect(alive).toBeLessThanOrEqual(3);
    const again = await p.invoke(invocation("A", { echo: "back" }));
    expect(again.ok && JSON.parse(again.body.toString()).echo).toBe("back");
  }, 60_000);

  it("loads a Node.js rebuild in place: the same process runs the new code, and a broken save fails only until fixed", async () => {
    const dir = mkdtempSync(join(tmpdir(), "sst-pool-reload-"));
    try {
      let version = 1;
      const write = (body: string) => {
        writeFileSync(join(dir, "index.mjs"), body);
        version++;
      };
      write("export const handler = async () => ({ version: 1 });\n");
      const p = pool({ build: async () => ({ dir, handler: "index.handler", hash: String(version) }) });
      const body = async () => {
        const r = await p.invoke(invocation("Api", {}));
        return r.ok ? JSON.parse(r.body.toString()) : r.error;
      };
      expect(await body()).toEqual({ version: 1 });
      write("export const handler = async () => ({ version: 2 });\n");
      expect(await body()).toEqual({ version: 2 });
      write("throw new Error('broken at load');\n");
      expect(await body()).toMatchObject({ errorType: "Error", errorMessage: "broken at load" });
      write("export const handler = async () => ({ version: 4 });\n");
      expect(await body()).toEqual({ version: 4 });
      expect((await p.workers()).Api).toBe(1);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);

  it("reports a failed build as the invocation's error", async () => {
    const p = pool({ build: async () => Promise.reject(new Error("src/api.ts:3:1: Expected ';'")) });
    const r = await p.invoke(invocation("Api", {}));
    expect(!r.ok && r.error).toEqual({ errorType: "SSTDevBuild", errorMessage: "Building Api failed: src/api.ts:3:1: Expected ';'" });
  });
});
