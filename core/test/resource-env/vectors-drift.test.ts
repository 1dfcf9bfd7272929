// The checked-in vectors are what the Python, Go and Rust suites read, so they must be exactly
// what the encoder produces today. Fix a failure with `node scripts/gen-vectors.mjs`.
import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { renderVectors } from "./vectors/index.js";

const dir = fileURLToPath(new URL("../../../spec/vectors/", import.meta.url));
const rendered = renderVectors();

describe("spec/vectors", () => {
  it("holds exactly the vectors the generator builds, no more and no fewer", () => {
    const onDisk = readdirSync(dir).filter((f) => f.endsWith(".json")).sort();
    expect(onDisk).toEqual([...rendered.keys()].sort());
  });

  it.each([...rendered.keys()])("%s is byte-identical to a fresh regeneration", (name) => {
    expect(readFileSync(dir + name, "utf8") === rendered.get(name)).toBe(true);
  });

  it("covers every error kind at least once", () => {
    const text = [...rendered.values()].join("\n");
    for (const kind of ["not_found", "env", "io", "base64", "decryption", "json"]) {
      expect(text).toContain(`"error": "${kind}"`);
    }
  });

  it("has a link file of at least 1 MiB", () => {
    const large = JSON.parse(rendered.get("large-file.json")!);
    expect(Buffer.from(large.files["resource.enc"], "base64").length).toBeGreaterThanOrEqual(1024 * 1024);
  });
});
