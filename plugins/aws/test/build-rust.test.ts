import { chmodSync, mkdirSync, mkdtempSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { homedir, tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { Kernel } from "@sst/core";
import { aws, buildRust } from "@sst/aws";
import { build, buildInput, elfMachine, invokeBootstrap, json, project, remove } from "./_native.js";

// Compiled dependencies (lambda_runtime, tokio, hyper: over a minute to build on a busy machine) are kept
// between runs, outside the repository.
const saved = { target: process.env.CARGO_TARGET_DIR, path: process.env.PATH };
beforeAll(() => {
  process.env.CARGO_TARGET_DIR = join(homedir(), ".cache", "sst-rebuild", "cargo-target");
});
afterAll(() => {
  if (saved.target === undefined) delete process.env.CARGO_TARGET_DIR;
  else process.env.CARGO_TARGET_DIR = saved.target;
});
afterEach(() => {
  process.env.PATH = saved.path;
});

const HANDLER = "crates/api/";
let root: string;
beforeAll(() => {
  root = project("rust-api", "crates/api");
});
afterAll(() => remove(root));

describe("the rust builder", { timeout: 900_000 }, () => {
  it("is registered by the aws plugin for runtime rust", () => {
    expect(new Kernel({ plugins: [aws()] }).hooks.build.get("rust")?.isUsed()).toBe(true);
  });

  it("builds the crate for x86_64 linux into a bootstrap that answers invocations through the Runtime API", async () => {
    const { artifact, status } = await build(root, "rust", HANDLER, { architecture: "x86_64" });
    expect(status).toEqual(["built"]);
    expect(artifact.handler).toBe("bootstrap");
    const bootstrap = join(artifact.dir, "bootstrap");
    expect(elfMachine(bootstrap)).toBe("x86_64");
    expect(statSync(bootstrap).mode & 0o111).not.toBe(0);

    const [hello, failed] = await invokeBootstrap(bootstrap, [{ name: "Ada" }, { fail: true }]);
    expect(json(hello)).toEqual({ greeting: "hello Ada from rust", requestId: hello!.requestId });
    expect(failed).toMatchObject({ ok: false, error: { kind: "function", errorMessage: "the handler was asked to fail" } });
  });

  it("lists the crate's sources, Cargo.toml and Cargo.lock as inputs, and reuses the artifact while none changed", async () => {
    const crate = join(root, "crates/api");
    const result = await buildRust(buildInput(root, "rust", HANDLER));
    expect(result.errors ?? []).toEqual([]);
    expect(result.inputs).toEqual([join(crate, "Cargo.lock"), join(crate, "Cargo.toml"), join(crate, "src/main.rs")]);
    expect((await build(root, "rust", HANDLER, { architecture: "x86_64" })).status).toEqual(["cached"]);
  });

  it("takes <crate>.<binary> to pick a binary, and names the binaries when the one asked for is not there", async () => {
    const named = await buildRust(buildInput(root, "rust", "crates/api.rust-api", {}, join(root, ".out", "named")));
    expect(named.errors ?? []).toEqual([]);
    expect(readFileSync(join(root, ".out", "named", "bootstrap"))).toEqual(readFileSync(join(root, ".out", "out", "bootstrap")));
    const wrong = await buildRust(buildInput(root, "rust", "crates/api.other", {}, join(root, ".out", "wrong")));
    expect(wrong.errors).toEqual([{ message: 'the crate rust-api has no binary "other" (its binaries: rust-api).', file: join(root, "crates/api/Cargo.toml") }]);
  });

  it("without cargo-lambda, fails for a target rustup has not installed, naming it and the command that adds it", async () => {
    // A rustup that lists only the host's target: the check does not depend on what this machine has installed.
    const bin = mkdtempSync(join(tmpdir(), "sst-fake-rustup-"));
    writeFileSync(join(bin, "rustup"), "#!/bin/sh\necho x86_64-unknown-linux-gnu\n");
    chmodSync(join(bin, "rustup"), 0o755);
    process.env.PATH = `${bin}:${saved.path}`;
    try {
      const result = await buildRust(buildInput(root, "rust", HANDLER, { architecture: "arm64" }, join(root, ".out", "arm")));
      expect(result.errors).toEqual([{ message: expect.stringContaining("the Rust target aarch64-unknown-linux-gnu is not installed") }]);
      expect((result.errors![0] as { message: string }).message).toContain("rustup target add aarch64-unknown-linux-gnu");
    } finally {
      remove(bin);
    }
  });

  it("reports a compile error at its file, line and column", async () => {
    const broken = project("rust-api");
    try {
      const main = join(broken, "src/main.rs");
      writeFileSync(main, readFileSync(main, "utf8").replace('unwrap_or("world")', "unwrap_or(42)"));
      const result = await buildRust(buildInput(broken, "rust", "."));
      expect(result.errors).toContainEqual({ message: "mismatched types", file: main, line: 10, column: 70 });
      expect(result.inputs).toEqual([join(broken, "Cargo.lock"), join(broken, "Cargo.toml"), main]);
    } finally {
      remove(broken);
    }
  });

  it("names a handler that is not a crate directory", async () => {
    const missing = await buildRust(buildInput(root, "rust", "crates/nope"));
    expect(missing.errors).toEqual([{ message: expect.stringContaining("the handler crates/nope is not a directory"), file: join(root, "crates/nope") }]);
    mkdirSync(join(root, "empty"));
    const outside = await buildRust(buildInput(root, "rust", "empty"));
    expect(outside.errors).toEqual([{ message: expect.stringContaining("no Cargo.toml in empty or above it"), file: join(root, "empty") }]);
  });
});
