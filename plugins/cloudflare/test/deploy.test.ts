/**
 * `sst deploy` of a Cloudflare app on a machine without the Cloudflare Pulumi provider plugin (it cannot be
 * downloaded here): one line naming the plugin and the version `@sst/cloudflare` pins, exit 1, no stack
 * trace, no outputs (core's provider-plugin check, with this plugin's default provider).
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { ENGINE, sst } from "../../../cli/test/engine.js";

const scratch = mkdtempSync(join(import.meta.dirname, ".tmp-engine-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe.skipIf(!ENGINE)("sst deploy without the cloudflare provider plugin", () => {
  it("says in one line which plugin is missing and how to install it", async () => {
    const dir = join(scratch, "app");
    mkdirSync(dir);
    writeFileSync(
      join(dir, "sst.config.ts"),
      `export default $config({
  app() { return { name: "cf-missing", home: "local", providers: { cloudflare: { accountId: "0123456789abcdef0123456789abcdef" } } } },
  async run() { new sst.cloudflare.Kv("Store"); },
});
`,
    );
    const home = join(dir, ".home");
    const env = { SST_CONFIG_DIR: home, SST_PULUMI_PATH: ENGINE ?? "", HOME: process.env.HOME ?? "/tmp", PATH: process.env.PATH ?? "", CLOUDFLARE_API_TOKEN: "unused" };
    const r = await sst({ dir, home, env, cleanup: () => undefined }, ["deploy", "--stage", "t"]);
    const lines = r.stderr.trimEnd().split("\n");
    expect(r.code, r.stderr).toBe(1);
    expect(lines[0]).toMatch(/^✕ providers\.cloudflare: the Pulumi provider plugin "cloudflare" v6\.22\.1 is not installed \(looked in .+\)\.$/);
    expect(r.stderr).toContain("sst install");
    expect(r.stderr).toMatch(/^ {2}error code E_PROVIDER_PLUGIN_MISSING$/m);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(existsSync(join(dir, ".sst", "outputs.json"))).toBe(false);
  });
});
