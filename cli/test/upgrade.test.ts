import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectUserError, LOCAL_APP, sandbox } from "./_app.js";
import { startRegistry, type Registry } from "./_registry.js";

const box = sandbox();
let registry: Registry;
beforeAll(async () => {
  const doc = (version: string) => ({ name: "sst", version });
  registry = await startRegistry({ sst: { latest: doc("0.9.0"), "0.5.0": doc("0.5.0"), next: doc("1.0.0-beta.1"), "0.1.0": doc("0.1.0") } });
});
afterAll(async () => {
  await registry.close();
  box.cleanup();
});

const app = box.dir("upgrade", LOCAL_APP, { "package.json": JSON.stringify({ name: "u", devDependencies: { sst: "^0.1.0" } }) });
const upgrade = (args: string[]) => box.run(["upgrade", ...args], { cwd: app, env: { SST_NPM_REGISTRY: registry.url } });

describe("sst upgrade", () => {
  it("moves to the latest version through npm, printing from → to", async () => {
    const r = await upgrade([]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("skipped: npm install --save-dev sst@0.9.0");
    expect(r.stdout).toMatch(/sst 0\.1\.0 → 0\.9\.0/);
  });

  it("takes a version or a dist-tag", async () => {
    expect((await upgrade(["0.5.0"])).stdout).toContain("→ 0.5.0");
    expect((await upgrade(["next"])).stdout).toContain("→ 1.0.0-beta.1");
  });

  it("says when that version is already installed", async () => {
    expect((await upgrade(["0.1.0"])).stdout).toContain("sst 0.1.0 is already installed.");
  });

  it("fails on a version the registry does not have, and on a malformed one", async () => {
    expect(expectUserError(await upgrade(["9.9.9"]))).toContain(`sst@9.9.9 was not found on ${registry.url}`);
    expect(expectUserError(await upgrade(["$(rm -rf)"]))).toContain("is not a version, range or dist-tag");
  });

  it("with this build's packs, reinstalls sst and the app's other packed packages from their tarballs", async () => {
    const packs = box.dir("packs", undefined, {
      "index.json": JSON.stringify({
        format: 1,
        packages: [
          { name: "sst", version: "0.1.0", file: "sst-0.1.0.tgz" },
          { name: "@sst/core", version: "0.1.0", file: "core.tgz" },
          { name: "@sst-examples/plugin-hello", version: "0.1.0", file: "hello.tgz", plugin: "hello" },
        ],
      }),
    });
    const packed = box.dir("packed-upgrade", LOCAL_APP, {
      "package.json": JSON.stringify({ name: "p", devDependencies: { sst: "file:old/sst-0.1.0.tgz" }, dependencies: { "@sst-examples/plugin-hello": "file:old/hello.tgz" } }),
    });
    const r = await box.run(["upgrade"], { cwd: packed, env: { SST_PACKAGES: packs, SST_NPM_REGISTRY: registry.url } });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`skipped: npm install file:${packs}/sst-0.1.0.tgz file:${packs}/hello.tgz (SST_SKIP_INSTALL is set)`);
    expect(r.stdout).toContain(`sst 0.1.0 → 0.1.0 (this build, from ${packs}); also @sst-examples/plugin-hello`);
    const err = expectUserError(await box.run(["upgrade", "0.9.0"], { cwd: packed, env: { SST_PACKAGES: packs } }));
    expect(err).toContain(`This sst uses the packs in ${packs}, which hold sst 0.1.0, not "0.9.0".`);
  });
});
