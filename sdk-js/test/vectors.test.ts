// Every shared vector (spec/vectors), run twice: in-process through the loader with an injected
// env and cwd, and in a real `node` child through the built package with a real env.
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import { loadResources } from "../src/_load.js";
import { createResourceProxy } from "../src/_proxy.js";
import { ResourceError } from "../src/errors.js";
import { buildSdk } from "./_build.js";
import { cleanEnv, readVectors, vectorCwd, walk, type Vector } from "./_vectors.js";

const vectors = readVectors();
const realFs = { readFile: (path: string) => readFileSync(path) };
const child = fileURLToPath(new URL("./fixtures/run-vector.mjs", import.meta.url));

function kindOf(error: unknown): string {
  return error instanceof ResourceError ? error.kind : `not a ResourceError: ${String(error)}`;
}

describe("shared vectors, in process", () => {
  it("finds the vectors", () => expect(vectors.length).toBeGreaterThan(20));

  it.each(vectors.map((v) => [v.name, v] as const))("%s", (_name, vector: Vector) => {
    const cwd = vectorCwd(vector);
    if ("error" in vector.expect) {
      expect(() => loadResources(vector.env, cwd, realFs)).toThrow(ResourceError);
      try {
        loadResources(vector.env, cwd, realFs);
      } catch (error) {
        expect(kindOf(error)).toBe(vector.expect.error);
      }
      return;
    }
    const links = loadResources(vector.env, cwd, realFs);
    expect({ ...links }).toEqual(vector.expect.resources);
    const resource = createResourceProxy<Record<string, unknown>>({ load: () => links, target: () => undefined });
    for (const lookup of vector.lookups) {
      let got: unknown;
      try {
        got = walk({ [lookup.path[0]]: resource[lookup.path[0]] }, lookup.path);
      } catch (error) {
        got = { error: kindOf(error) };
      }
      expect(got, lookup.path.join(".")).toEqual("error" in lookup ? { error: lookup.error } : { value: lookup.value });
    }
  });
});

const run = promisify(execFile);

// Concurrent: each vector is its own process, so they can overlap.
describe.concurrent("shared vectors, in a real node process using the built package", () => {
  beforeAll(() => {
    buildSdk(); // the child imports dist/
  }, 60_000);

  it.for(vectors.map((v) => [v.name, v] as const))("%s", async ([, vector], { expect }) => {
    const cwd = vectorCwd(vector);
    const { stdout } = await run(process.execPath, [child, JSON.stringify(vector.lookups.map((l) => l.path))], {
      cwd,
      env: { ...cleanEnv(), ...vector.env, NODE_PATH: "" },
      encoding: "utf8",
      maxBuffer: 64 * 1024 * 1024,
    });
    const out = JSON.parse(stdout);
    if ("error" in vector.expect) {
      expect(out.error).toBe(vector.expect.error);
      return;
    }
    expect(out.resources).toEqual(vector.expect.resources);
    expect(out.lookups.map(({ message: _m, ...rest }: { message?: string }) => rest)).toEqual(
      vector.lookups.map((l) => ("error" in l ? { error: l.error } : { value: l.value })),
    );
  });
});
