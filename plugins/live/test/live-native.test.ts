/**
 * Go and Rust functions under sst dev: their artifacts are Lambda custom runtimes (a `bootstrap` speaking the
 * Runtime API), built by @sst/aws's builders and run by the worker pool behind the real bridge.
 */
import { homedir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { build, project, remove } from "../../aws/test/_native.js";
import { LiveHarness } from "./_live.js";
import type { LocalArtifact } from "@sst/live";

let h: LiveHarness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

async function invokeThroughBridge(fn: string, runtime: string, artifact: LocalArtifact) {
  h = await LiveHarness.start();
  await h.cli(() => artifact);
  await h.bridge(fn, { runtime, handler: "bootstrap" });
  return h.lambda.invoke({ name: "Ada" }, { timeoutMs: 60_000 });
}

describe("a Go function under sst dev", { timeout: 600_000 }, () => {
  let root: string;
  beforeAll(() => void (root = project("go-api", "packages/functions")));
  afterAll(() => remove(root));

  it("runs its bootstrap locally and answers through the bridge", async () => {
    const { artifact } = await build(root, "go", "packages/functions/src");
    const result = await invokeThroughBridge("GoApi", "go", { dir: artifact.dir, handler: artifact.handler, hash: artifact.hash });
    expect(result.ok && JSON.parse(result.body.toString())).toMatchObject({ greeting: "hello Ada from go" });
  });
});

describe("a Rust function under sst dev", { timeout: 900_000 }, () => {
  let root: string;
  const saved = process.env.CARGO_TARGET_DIR;
  beforeAll(() => {
    // The crates compiled for the builders' tests are reused (a cold build takes minutes).
    process.env.CARGO_TARGET_DIR = join(homedir(), ".cache", "sst-rebuild", "cargo-target");
    root = project("rust-api", "crates/api");
  });
  afterAll(() => {
    if (saved === undefined) delete process.env.CARGO_TARGET_DIR;
    else process.env.CARGO_TARGET_DIR = saved;
    remove(root);
  });

  it("runs its bootstrap locally and answers through the bridge", async () => {
    const { artifact } = await build(root, "rust", "crates/api/");
    const result = await invokeThroughBridge("RustApi", "rust", { dir: artifact.dir, handler: artifact.handler, hash: artifact.hash });
    expect(result.ok && JSON.parse(result.body.toString())).toMatchObject({ greeting: expect.stringContaining("Ada") });
  });
});
