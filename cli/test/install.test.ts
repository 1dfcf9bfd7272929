import { chmodSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { PULUMI_VERSION } from "../src/engine/pulumi.js";
import { expectUserError, sandbox } from "./_app.js";
import { canUnplugNetwork } from "./run-cli.js";

const box = sandbox();
afterAll(() => box.cleanup());

const app = box.dir(
  "install",
  `export default $config({
  app() {
    return { name: "install-test", home: "local", providers: { aws: "7.48.0", vercel: { package: "@pulumiverse/vercel", version: "5.4.1" }, random: {} } };
  },
  async run() {},
});
`,
);

/** A stand-in `pulumi` that only answers `pulumi version`. */
function fakePulumi(version: string): string {
  const dir = box.dir(`pulumi-${version}`);
  writeFileSync(join(dir, "pulumi"), `#!/bin/sh\necho v${version}\n`);
  chmodSync(join(dir, "pulumi"), 0o755);
  return dir;
}

describe("sst install", () => {
  it("installs each provider at its version and finds an engine of the right version", async () => {
    const engine = fakePulumi(PULUMI_VERSION);
    const r = await box.run(["install"], { cwd: app, env: { SST_PULUMI_PATH: join(engine, "pulumi") } });
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("skipped: npm install @pulumi/aws@7.48.0 @pulumiverse/vercel@5.4.1 @pulumi/random (SST_SKIP_INSTALL is set)");
    expect(r.stdout).toContain(`✓ Pulumi engine v${PULUMI_VERSION} at ${engine}`);
    const types = readFileSync(join(app, ".sst", "platform", "config.d.ts"), "utf8");
    for (const pkg of ["@pulumi/aws", "@pulumiverse/vercel", "@pulumi/random"]) expect(types).toContain(`"${pkg}"`);
  });

  it.skipIf(!canUnplugNetwork())("offline with no engine: one clear error naming SST_PULUMI_PATH and scripts/pulumi/build.sh", async () => {
    const old = fakePulumi("3.0.0");
    const r = await box.run(["install"], { cwd: app, offline: true, env: { SST_PULUMI_PATH: old } });
    expect(r.stdout).toContain(`The Pulumi engine at ${old} is v3.0.0; this CLI needs v${PULUMI_VERSION}.`);
    const err = expectUserError(r);
    expect(err).toContain(`Could not install the Pulumi engine v${PULUMI_VERSION}`);
    expect(err).toContain("SST_PULUMI_PATH");
    expect(err).toContain("scripts/pulumi/build.sh");
  });

  it("rejects an SST_PULUMI_PATH that holds no pulumi", async () => {
    const r = await box.run(["install"], { cwd: app, env: { SST_PULUMI_PATH: box.dir("empty") } });
    expect(expectUserError(r)).toContain("is neither the pulumi binary nor a directory holding it");
  });
});
