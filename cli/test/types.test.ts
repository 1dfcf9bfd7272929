import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { expectUserError, LOCAL_APP, sandbox } from "./_app.js";
import { canUnplugNetwork } from "./run-cli.js";

const box = sandbox();
afterAll(() => box.cleanup());

describe("sst types", () => {
  it("writes sst-env.d.ts offline, even for a secret that has no value yet", async () => {
    const app = box.dir("types", LOCAL_APP);
    const r = await box.run(["types"], { cwd: app, offline: canUnplugNetwork() });
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("Generated types for 2 linkable resources");
    const dts = readFileSync(join(app, "sst-env.d.ts"), "utf8");
    expect(dts).toContain('"ApiKey": {');
    expect(dts).toContain('"Settings": {');
    expect(dts).toContain('"retries": number');
    expect(existsSync(join(app, ".sst", "platform", "config.d.ts"))).toBe(true);
    // The empty stand-in for the missing secret is not stored anywhere.
    expect(existsSync(join(box.configDir, "state"))).toBe(false);
  });

  it("fails with one line when the config is broken", async () => {
    const app = box.dir("broken", "export default $config({ app() { return { name: 'x', home: 'local' }; }, async run() { throw new Error('boom'); } });\n");
    expect(expectUserError(await box.run(["types"], { cwd: app }))).toContain("boom");
    expect(existsSync(join(app, "sst-env.d.ts"))).toBe(false);
  });
});
