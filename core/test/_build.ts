/**
 * For the build owner's tests: a test builder plugin that records what it was asked and how many builds ran at
 * once, an app of generated handlers, and a program that requests a build for each.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import * as pulumi from "@pulumi/pulumi";
import { definePlugin, requestBuild, type Artifact, type BuildMessage, type BuildRequest, type Plugin } from "@sst/core";
import { fixture } from "./_helpers.js";

export interface BuilderStats {
  /** Names of the functions built, in call order. */
  calls: string[];
  inFlight: number;
  maxInFlight: number;
}

/**
 * Builds runtime `test`: reads `<handler file>.ts`, waits a few ms (so builds overlap), writes `index.js`
 * (the source, upper-cased) and reports the source (and `inputs`) as what it read. A line `fail: <message>` in the source fails
 * the build with that message at that line; a line `throw: <message>` makes the builder throw.
 */
export function testBuilder(options: { version?: string; inputs?: string[]; concurrency?: number } = {}): { plugin: Plugin; stats: BuilderStats } {
  const stats: BuilderStats = { calls: [], inFlight: 0, maxInFlight: 0 };
  const plugin = definePlugin({
    name: "test-builder",
    apply(kernel) {
      kernel.hooks.build.for("test").tapPromise({ name: "test-builder", version: options.version, concurrency: options.concurrency }, async (input) => {
        stats.calls.push(input.name);
        stats.inFlight++;
        stats.maxInFlight = Math.max(stats.maxInFlight, stats.inFlight);
        try {
          await new Promise((resolve) => setTimeout(resolve, 2 + (stats.calls.length % 5)));
          const file = input.handler.replace(/\.[^.]+$/, ".ts");
          const source = readFileSync(join(input.root, file), "utf8");
          const lines = source.split("\n");
          const thrown = lines.find((l) => l.startsWith("throw: "));
          if (thrown) throw new Error(thrown.slice("throw: ".length));
          const errors: BuildMessage[] = lines.flatMap((line, i) =>
            line.startsWith("fail: ") ? [{ message: line.slice("fail: ".length), file: join(input.root, file), line: i + 1, column: 1 }] : [],
          );
          if (errors.length) return { handler: "index.handler", out: input.out, errors };
          writeFileSync(join(input.out, "index.js"), source.toUpperCase());
          return { handler: "index.handler", out: input.out, inputs: [file, ...(options.inputs ?? [])] };
        } finally {
          stats.inFlight--;
        }
      });
    },
  });
  return { plugin, stats };
}

/** An app directory with `count` handlers `src/fn<i>.ts`. */
export function handlerApp(count: number, prefix = "build"): string {
  const files: Record<string, string> = {};
  for (let i = 0; i < count; i++) files[`src/fn${i}.ts`] = `export const handler = () => ${i};\n`;
  return fixture(prefix, files);
}

/** A program requesting a build of each `src/fn<i>.ts`, returning the artifacts by function name. */
export function requestAll(count: number, extra: Partial<BuildRequest> = {}): () => Promise<Record<string, pulumi.Output<Artifact>>> {
  return async () => {
    const artifacts: Record<string, pulumi.Output<Artifact>> = {};
    for (let i = 0; i < count; i++) {
      artifacts[`Fn${i}`] = requestBuild({ name: `Fn${i}`, runtime: "test", handler: `src/fn${i}.handler`, ...extra });
    }
    return artifacts;
  };
}
