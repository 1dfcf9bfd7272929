/** What a program run built (`ProgramResult.builds`) and building a function again (`rebuild`), as `sst dev` does. */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { definePlugin, Kernel, rebuild, SSTError, synth, validateApp, type BuildRecord } from "@sst/core";
import { removeFixture } from "./_helpers.js";
import { handlerApp, requestAll, testBuilder } from "./_build.js";

const app = validateApp({ name: "app", home: "local" }, "test");

/** Runs a dev program that builds `count` functions; returns the kernel, the builder's stats and what `program.after` saw. */
async function devRun(root: string, count: number) {
  const { plugin, stats } = testBuilder();
  const seen: BuildRecord[][] = [];
  const recorder = definePlugin({ name: "recorder", apply: (k) => k.hooks.program.after.tap("recorder", (_, result) => void seen.push(result.builds)) });
  const kernel = new Kernel({ plugins: [plugin, recorder] });
  await synth({ kernel, app, root, run: requestAll(count), secrets: {}, dev: true, build: {} });
  return { kernel, stats, builds: seen[0]! };
}

describe("the builds of a program run", () => {
  it("reaches program.after taps: each function's job and artifact", async () => {
    const root = handlerApp(2, "rebuild");
    try {
      const { builds } = await devRun(root, 2);
      expect(builds.map((b) => b.job.name).sort()).toEqual(["Fn0", "Fn1"]);
      const fn0 = builds.find((b) => b.job.name === "Fn0")!;
      expect(fn0.job).toMatchObject({ runtime: "test", handler: "src/fn0.handler" });
      expect(fn0.artifact.dir).toBe(join(root, ".sst", "artifacts", "Fn0.dev"));
      expect(readFileSync(join(fn0.artifact.dir, "index.js"), "utf8")).toBe("EXPORT CONST HANDLER = () => 0;\n");
    } finally {
      removeFixture(root);
    }
  });
});

describe("rebuild", () => {
  it("reuses the artifact without calling the builder when no input changed", async () => {
    const root = handlerApp(1, "rebuild");
    try {
      const { kernel, stats, builds } = await devRun(root, 1);
      const again = await rebuild({ kernel, root, job: builds[0]!.job });
      expect(again).toEqual(builds[0]!.artifact);
      expect(stats.calls).toEqual(["Fn0"]);
    } finally {
      removeFixture(root);
    }
  });

  it("builds again after a saved change, into the same directory, with a new hash", async () => {
    const root = handlerApp(1, "rebuild");
    try {
      const { kernel, stats, builds } = await devRun(root, 1);
      writeFileSync(join(root, "src", "fn0.ts"), "export const handler = () => 'changed';\n");
      const again = await rebuild({ kernel, root, job: builds[0]!.job });
      expect(stats.calls).toEqual(["Fn0", "Fn0"]);
      expect(again.dir).toBe(builds[0]!.artifact.dir);
      expect(again.hash).not.toBe(builds[0]!.artifact.hash);
      expect(readFileSync(join(again.dir, "index.js"), "utf8")).toBe("EXPORT CONST HANDLER = () => 'CHANGED';\n");
    } finally {
      removeFixture(root);
    }
  });

  it("fails with the build's user error, naming the function and the file", async () => {
    const root = handlerApp(1, "rebuild");
    try {
      const { kernel, builds } = await devRun(root, 1);
      writeFileSync(join(root, "src", "fn0.ts"), "export const handler = () => 1;\nfail: a type error\n");
      const error = await rebuild({ kernel, root, job: builds[0]!.job }).catch((e) => e);
      expect(error).toBeInstanceOf(SSTError);
      expect(error.message).toMatch(/Fn0/);
      expect(error.message).toMatch(/fn0\.ts:2/);
    } finally {
      removeFixture(root);
    }
  });
});
