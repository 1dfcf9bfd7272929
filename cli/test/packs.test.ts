// Where `sst init` and `sst add` find this build's packages (util/packs.ts): SST_PACKAGES, else the pack
// folder the running CLI was installed from, else none (the registry).
import { SSTError } from "@sst/core";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { findPackedPlugin, findPacks, packedSpec, readPacks } from "../src/util/packs.js";

const root = mkdtempSync(join(tmpdir(), "sst-packs-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const INDEX = {
  format: 1,
  packages: [
    { name: "@sst/core", version: "0.1.0", file: "sst-core-0.1.0.tgz", dependencies: {}, peerDependencies: {} },
    { name: "sst", version: "0.1.0", file: "sst-0.1.0.tgz", dependencies: {}, peerDependencies: {} },
    { name: "@sst-examples/plugin-hello", version: "0.1.0", file: "sst-examples-plugin-hello-0.1.0.tgz", plugin: "hello", dependencies: {}, peerDependencies: {} },
  ],
};

function folder(name: string, files: Record<string, string>): string {
  const dir = join(root, name);
  mkdirSync(dir, { recursive: true });
  for (const [file, text] of Object.entries(files)) writeFileSync(join(dir, file), text);
  return dir;
}
const packs = folder("packs", { "index.json": JSON.stringify(INDEX) });
/** A CLI package.json; `core` is its @sst/core spec. */
const cli = (name: string, core: string) => join(folder(name, { "package.json": JSON.stringify({ name: "sst", version: "0.1.0", dependencies: { "@sst/core": core } }) }), "package.json");

function userError(run: () => unknown): SSTError {
  try {
    run();
  } catch (error) {
    if (error instanceof SSTError) return error;
    throw error;
  }
  throw new Error("expected an SSTError");
}

describe("this build's packs", () => {
  it("are none for a CLI from the registry or the checkout (its @sst/core is a version)", () => {
    expect(findPacks({}, cli("registry-cli", "0.1.0"))).toBeUndefined();
  });

  it("are the folder a packed CLI depends on @sst/core from, by absolute or relative file: path", () => {
    expect(findPacks({}, cli("packed-abs", `file:${packs}/sst-core-0.1.0.tgz`))).toMatchObject({ dir: packs, from: "cli" });
    expect(findPacks({}, cli("packed-rel", "file:../packs/sst-core-0.1.0.tgz"))).toMatchObject({ dir: packs, from: "cli" });
  });

  it("are SST_PACKAGES when set, before the CLI's own folder", () => {
    const other = folder("other", { "index.json": JSON.stringify({ format: 1, packages: [] }) });
    expect(findPacks({ SST_PACKAGES: other }, cli("packed-2", `file:${packs}/sst-core-0.1.0.tgz`))).toMatchObject({ dir: other, from: "SST_PACKAGES", packages: [] });
  });

  it("give each package as a file: spec of its tarball, and find plugins by short name or package name", () => {
    const found = readPacks(packs);
    expect(packedSpec(found, "sst")).toBe(`file:${join(packs, "sst-0.1.0.tgz")}`);
    expect(findPackedPlugin(found, "hello")?.name).toBe("@sst-examples/plugin-hello");
    expect(findPackedPlugin(found, "@sst-examples/plugin-hello")?.file).toBe("sst-examples-plugin-hello-0.1.0.tgz");
    // @sst/core is packed but is not a plugin: its short name finds nothing.
    expect(findPackedPlugin(found, "core")).toBeUndefined();
    expect(userError(() => packedSpec(found, "@sst/aws")).message).toBe(`SST_PACKAGES=${packs} has no @sst/aws package in its index.json.`);
  });

  it("fail with E_PACKS_INVALID naming the folder and `npm run pack` when the folder is not a pack", () => {
    const cases: [string, Record<string, string>, string][] = [
      ["empty", {}, "has no index.json"],
      ["not-json", { "index.json": "{ nope" }, "has an index.json that is not JSON"],
      ["other-format", { "index.json": JSON.stringify({ format: 2, packages: [] }) }, "has an index.json this CLI cannot read"],
      ["bad-entry", { "index.json": JSON.stringify({ format: 1, packages: [{ name: "sst" }] }) }, "has an index.json this CLI cannot read"],
    ];
    for (const [name, files, why] of cases) {
      const dir = folder(name, files);
      const error = userError(() => findPacks({ SST_PACKAGES: dir }));
      expect(error.code).toBe("E_PACKS_INVALID");
      expect(error.message).toContain(`SST_PACKAGES=${dir} ${why}`);
      expect(error.hint).toContain("npm run pack");
    }
    const gone = join(root, "gone");
    const error = userError(() => findPacks({}, cli("packed-gone", `file:${gone}/sst-core-0.1.0.tgz`)));
    expect(error.message).toBe(`This sst was installed from the pack folder ${gone}, which has no index.json.`);
  });
});
