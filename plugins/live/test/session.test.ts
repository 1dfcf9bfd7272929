/**
 * A dev session end to end: the function built by the kernel's builders from the job a deploy recorded,
 * invoked through the real bridge, and built again after a save so the next invocation runs the new code.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { definePlugin, Kernel, validateApp, type BuildJob, type InvocationEvent } from "@sst/core";
import { AppSyncTransport, startDevSession, type DevSession } from "@sst/live";
import { FIXTURES, KEY, LiveHarness } from "./_live.js";

/** A builder for runtime `copy`: the handler's directory copied as the artifact, its files as inputs. */
const copyBuilder = definePlugin({
  name: "copy-builder",
  apply(kernel) {
    kernel.hooks.build.for("copy").tapPromise("copy-builder", async (input) => {
      const source = join(input.root, "src");
      cpSync(source, input.out, { recursive: true });
      return { handler: input.handler, out: input.out, inputs: ["src/index.mjs"] };
    });
  },
});

let h: LiveHarness | undefined;
let session: DevSession | undefined;
let root: string | undefined;
afterEach(async () => {
  await session?.stop();
  await h?.close();
  if (root) rmSync(root, { recursive: true, force: true });
});

describe("a dev session", () => {
  it("runs the deployed function's build locally, and the saved change on the next invocation", async () => {
    root = mkdtempSync(join(tmpdir(), "sst-live-session-"));
    cpSync(join(FIXTURES, "node-v1"), join(root, "src"), { recursive: true });
    h = await LiveHarness.start();
    const invocations: InvocationEvent[] = [];
    const phases: string[] = [];
    const observer = definePlugin({
      name: "observer",
      apply(k) {
        k.hooks.dev.start.tap("observer", () => void phases.push("start"));
        k.hooks.dev.invocation.tap("observer", (e) => void invocations.push(e));
      },
    });
    const kernel = new Kernel({ plugins: [copyBuilder, observer] });
    const job: BuildJob = { name: "Api", runtime: "copy", handler: "index.handler", properties: {}, links: {}, files: {} };
    const lines: string[] = [];
    session = await startDevSession({
      kernel,
      root,
      app: validateApp({ name: "app", home: "local" }, "dev"),
      transport: new AppSyncTransport({ endpoint: h.server.endpoint, credentials: KEY }),
      jobs: () => new Map([["Api", job]]),
      region: "us-east-1",
      print: (line) => lines.push(line),
    });
    await h.bridge("Api");
    const first = await h.lambda.invoke({}, { timeoutMs: 20_000 });
    expect(first.ok && JSON.parse(first.body.toString()).version).toBe(1);
    writeFileSync(join(root, "src", "index.mjs"), readFileSync(join(FIXTURES, "node-v2", "index.mjs")));
    const second = await h.lambda.invoke({}, { timeoutMs: 20_000 });
    expect(second.ok && JSON.parse(second.body.toString())).toEqual({ version: 2 });
    expect(lines.filter((l) => l.startsWith("➜ Api invoked"))).toHaveLength(2);
    expect(lines.some((l) => /^✓ Api done in \d+ ms$/.test(l))).toBe(true);
    expect(lines.some((l) => l.includes("Api │ handling"))).toBe(true);
    expect(phases).toEqual(["start"]);
    expect(invocations.map((e) => `${e.name}:${e.phase}`)).toEqual(["Api:start", "Api:end", "Api:start", "Api:end"]);
  }, 60_000);

  it("fails an invocation of a function the deploy did not build, saying what to do", async () => {
    root = mkdtempSync(join(tmpdir(), "sst-live-session-"));
    h = await LiveHarness.start();
    session = await startDevSession({
      kernel: new Kernel(),
      root,
      app: validateApp({ name: "app", home: "local" }, "dev"),
      transport: new AppSyncTransport({ endpoint: h.server.endpoint, credentials: KEY }),
      jobs: () => new Map(),
      print: () => {},
    });
    await h.bridge("Ghost");
    const result = await h.lambda.invoke({}, { timeoutMs: 20_000 });
    expect(!result.ok && result.error.errorType).toBe("SSTDevBuild");
    expect(!result.ok && result.error.errorMessage).toMatch(/the last deploy built no function of that name/);
  }, 60_000);
});
