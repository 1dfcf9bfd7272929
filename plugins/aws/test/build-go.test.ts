import { existsSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Kernel } from "@sst/core";
import { aws, buildGo } from "@sst/aws";
import { build, buildInput, elfMachine, invokeBootstrap, json, project, remove, treeHash } from "./_native.js";

// The fixture at packages/functions: handler "packages/functions/src" is a main package of the module there.
const HANDLER = "packages/functions/src";
let root: string;
beforeAll(() => {
  root = project("go-api", "packages/functions");
});
afterAll(() => remove(root));

// First builds download modules and compile the standard library for arm64: minutes on a fresh, busy machine.
describe("the go builder", { timeout: 600_000 }, () => {
  it("is registered by the aws plugin for runtime go", () => {
    expect(new Kernel({ plugins: [aws()] }).hooks.build.get("go")?.isUsed()).toBe(true);
  });

  it("cross-builds the handler's package into a linux bootstrap that answers invocations through the Runtime API", async () => {
    const { artifact, status } = await build(root, "go", HANDLER);
    expect(status).toEqual(["built"]);
    expect(artifact.handler).toBe("bootstrap");
    const bootstrap = join(artifact.dir, "bootstrap");
    expect(elfMachine(bootstrap)).toBe("x86_64");
    expect(statSync(bootstrap).mode & 0o111).not.toBe(0);

    const [hello, failed] = await invokeBootstrap(bootstrap, [{ name: "Ada" }, { fail: true }]);
    expect(json(hello)).toEqual({ greeting: "hello Ada from go", requestId: hello!.requestId });
    expect(failed).toMatchObject({ ok: false, error: { kind: "function", errorMessage: "the handler was asked to fail" } });
  });

  it("lists the module's Go files, go.mod and go.sum as inputs, and none from the module cache", async () => {
    const result = await buildGo(buildInput(root, "go", HANDLER));
    expect(result.errors ?? []).toEqual([]);
    const dir = join(root, "packages/functions");
    expect(result.inputs).toEqual([join(dir, "go.mod"), join(dir, "go.sum"), join(dir, "src/greet/greet.go"), join(dir, "src/main.go")]);
  });

  it("reuses the artifact while no input changed, and rebuilds when a package the handler imports changes", async () => {
    const again = await build(root, "go", HANDLER);
    expect(again.status).toEqual(["cached"]);
    const greet = join(root, "packages/functions/src/greet/greet.go");
    writeFileSync(greet, 'package greet\n\nfunc Hello(name string) string { return "hey " + name }\n');
    const rebuilt = await build(root, "go", HANDLER);
    expect(rebuilt.status).toEqual(["built"]);
    const [reply] = await invokeBootstrap(join(rebuilt.artifact.dir, "bootstrap"), [{ name: "Bo" }]);
    expect(json(reply)).toMatchObject({ greeting: "hey Bo from go" });
  });

  it("gives byte-identical bootstraps for the same sources", async () => {
    const one = await buildGo(buildInput(root, "go", HANDLER, {}, join(root, ".out", "1")));
    const two = await buildGo(buildInput(root, "go", HANDLER, {}, join(root, ".out", "2")));
    expect([one.errors ?? [], two.errors ?? []]).toEqual([[], []]);
    expect(treeHash(join(root, ".out", "1"))).toBe(treeHash(join(root, ".out", "2")));
  });

  it('builds for arm64 with architecture: "arm64"', async () => {
    const result = await buildGo(buildInput(root, "go", HANDLER, { architecture: "arm64" }, join(root, ".out", "arm")));
    expect(result.errors ?? []).toEqual([]);
    expect(elfMachine(join(root, ".out", "arm", "bootstrap"))).toBe("aarch64");
  });

  it("reports a compile error at its file and line", async () => {
    const broken = project("go-api");
    try {
      writeFileSync(join(broken, "src/greet/greet.go"), "package greet\n\nfunc Hello(name string) string { return undefinedName }\n");
      const result = await buildGo(buildInput(broken, "go", "src"));
      expect(result.errors).toEqual([{ message: "undefined: undefinedName", file: join(broken, "src/greet/greet.go"), line: 3, column: 41 }]);
      expect(result.inputs).toContain(join(broken, "go.mod"));
    } finally {
      remove(broken);
    }
  });

  it("fails the program with the error located in the user's file and naming the function", async () => {
    const broken = project("go-api");
    try {
      writeFileSync(join(broken, "src/main.go"), "package main\n\nfunc main() { nope() }\n");
      const error = await build(broken, "go", "src").catch((e: unknown) => e);
      expect(error).toMatchObject({ code: "E_BUILD_FAILED", message: 'Function "Api" (go): src/main.go:3:15: undefined: nope' });
    } finally {
      remove(broken);
    }
  });

  it("names the handler when it is missing or outside a Go module, and an architecture Lambda does not run", async () => {
    const missing = await buildGo(buildInput(root, "go", "nowhere"));
    expect(missing.errors).toEqual([{ message: expect.stringContaining("the handler nowhere does not exist"), file: join(root, "nowhere") }]);
    const outside = await buildGo(buildInput(root, "go", "."));
    expect(outside.errors).toEqual([{ message: expect.stringContaining("no go.mod in . or above it"), file: root }]);
    const arch = await buildGo(buildInput(root, "go", HANDLER, { architecture: "x86" }));
    expect(arch.errors).toEqual([{ message: expect.stringContaining('architecture "x86" is not one Lambda runs') }]);
    expect(existsSync(join(root, ".out", "out", "bootstrap"))).toBe(true); // from the inputs test: failed builds write nothing new
  });
});
