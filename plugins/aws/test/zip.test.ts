/** zipDirectory: the same files give the same bytes, whatever their timestamps, order on disk or permissions. */
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { createHash } from "node:crypto";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { zipDirectory } from "@sst/aws";
import { readZip } from "./_node.js";

const FILES: Record<string, string> = {
  "index.mjs": "export const handler = async () => 1;\n",
  "bootstrap": "#!/bin/sh\necho run\n",
  "lib/b.js": "module.exports = 2;\n",
  "lib/a.js": "module.exports = 1;\n",
  "node_modules/pkg/package.json": '{"name":"pkg"}\n',
  "Z-upper.txt": "upper\n",
};

let base: string;
beforeEach(() => {
  base = mkdtempSync(join(tmpdir(), "sst-zip-"));
});
afterEach(() => rmSync(base, { recursive: true, force: true }));

/** Writes FILES under `name` in the given order; `bootstrap` executable. */
function tree(name: string, order: string[] = Object.keys(FILES)): string {
  const dir = join(base, name);
  for (const path of order) {
    mkdirSync(join(dir, path, ".."), { recursive: true });
    writeFileSync(join(dir, path), FILES[path]!);
  }
  chmodSync(join(dir, "bootstrap"), 0o755);
  return dir;
}

describe("zipDirectory", () => {
  it("gives byte-identical zips of the same files across runs, timestamps, creation order and file modes", async () => {
    const one = tree("one");
    const two = tree("two", Object.keys(FILES).reverse());
    utimesSync(join(two, "index.mjs"), new Date("2031-05-05T10:00:00Z"), new Date("2031-05-05T10:00:00Z"));
    chmodSync(join(two, "lib", "a.js"), 0o600);
    const a = await zipDirectory(one, join(base, "a.zip"));
    const again = await zipDirectory(one, join(base, "again.zip"));
    const b = await zipDirectory(two, join(base, "b.zip"));
    const bytes = readFileSync(a.path);
    expect(readFileSync(again.path).equals(bytes)).toBe(true);
    expect(readFileSync(b.path).equals(bytes)).toBe(true);
    expect(b.hash).toBe(a.hash);
  });

  it("gives the same bytes in any time zone", async () => {
    const dir = tree("dir");
    const saved = process.env.TZ;
    try {
      process.env.TZ = "Asia/Tokyo";
      const east = await zipDirectory(dir, join(base, "east.zip"));
      process.env.TZ = "America/Los_Angeles";
      const west = await zipDirectory(dir, join(base, "west.zip"));
      expect(west.hash).toBe(east.hash);
    } finally {
      if (saved === undefined) delete process.env.TZ;
      else process.env.TZ = saved;
    }
  });

  it("returns the zip's path, the SHA-256 of its bytes and its size", async () => {
    const out = join(base, "nested", "out.zip");
    const result = await zipDirectory(tree("dir"), out);
    const bytes = readFileSync(out);
    expect(result).toEqual({ path: out, hash: createHash("sha256").update(bytes).digest("hex"), size: bytes.length });
  });

  it("holds every file of the directory with its bytes, in path order, and nothing else", async () => {
    const dir = tree("dir");
    const entries = await readZip((await zipDirectory(dir, join(base, "out.zip"))).path);
    const paths = Object.keys(FILES).sort();
    expect(entries.map((e) => e.path)).toEqual(paths);
    for (const entry of entries) expect(entry.data.toString()).toBe(FILES[entry.path]);
  });

  it("keeps executables executable (0755) and stores other files as 0644", async () => {
    const dir = tree("dir");
    chmodSync(join(dir, "lib", "a.js"), 0o666);
    const entries = await readZip((await zipDirectory(dir, join(base, "out.zip"))).path);
    const modes = Object.fromEntries(entries.map((e) => [e.path, (e.mode & 0o777).toString(8)]));
    expect(modes).toEqual({ "Z-upper.txt": "644", bootstrap: "755", "index.mjs": "644", "lib/a.js": "644", "lib/b.js": "644", "node_modules/pkg/package.json": "644" });
  });

  it("changes the bytes when a file's content or executable bit changes", async () => {
    const dir = tree("dir");
    const first = await zipDirectory(dir, join(base, "1.zip"));
    chmodSync(join(dir, "bootstrap"), 0o644);
    const second = await zipDirectory(dir, join(base, "2.zip"));
    writeFileSync(join(dir, "lib", "a.js"), "module.exports = 3;\n");
    const third = await zipDirectory(dir, join(base, "3.zip"));
    expect(new Set([first.hash, second.hash, third.hash]).size).toBe(3);
  });
});
