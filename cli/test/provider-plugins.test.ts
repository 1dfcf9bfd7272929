/** The provider plugins an app's default providers need: found, reported before the lock, installed by `sst install`. */
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { Kernel, validateApp, withPluginDefaults } from "@sst/core";
import { aws } from "@sst/aws";
import { installProviderPlugins, pluginInstalled, requiredPlugins, requireProviderPlugins } from "../src/engine/provider-plugins.js";
import { sstError } from "../../core/test/_helpers.js";

const project = (providers: Record<string, unknown> = { aws: { region: "us-east-1" } }) => {
  const kernel = new Kernel({ plugins: [aws()] });
  const app = withPluginDefaults(kernel, validateApp({ name: "p", home: "local", providers } as never, "dev"));
  return { kernel, app, root: import.meta.dirname };
};
const AWS = { provider: "aws", name: "aws", version: "7.48.0", server: undefined };

let dir: string;
const saved = { ...process.env };
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "sst-plugins-"));
  process.env.SST_CONFIG_DIR = join(dir, "config");
  process.env.PATH = "/usr/bin:/bin";
  delete process.env.SST_SKIP_INSTALL;
});
afterEach(() => {
  process.env = { ...saved };
  rmSync(dir, { recursive: true, force: true });
});

/** A `pulumi` that records its arguments and PULUMI_HOME, and exits with `code`. */
function fakePulumi(code = 0, says = ""): string {
  const bin = join(dir, "engine");
  mkdirSync(bin, { recursive: true });
  writeFileSync(join(bin, "pulumi"), `#!/bin/sh\necho "$PULUMI_HOME $*" >> "${join(dir, "calls")}"\necho "${says}" >&2\nexit ${code}\n`);
  chmodSync(join(bin, "pulumi"), 0o755);
  return bin;
}
const calls = () => readFileSync(join(dir, "calls"), "utf8").trim().split("\n");

describe("the plugins of the default providers", () => {
  it("are the default providers' packages' plugins, at the installed version or the exact pin", () => {
    expect(requiredPlugins(project())).toEqual([AWS]);
    expect(requiredPlugins(project({ aws: "6.66.0" }))).toEqual([{ ...AWS, version: "6.66.0" }]);
  });

  it("count as installed in the engine's plugin folder (unless half-downloaded) or beside the engine", () => {
    const engine = fakePulumi();
    expect(pluginInstalled(AWS, engine)).toBe(false);
    const folder = join(dir, "config", "pulumi", "plugins", "resource-aws-v7.48.0");
    mkdirSync(folder, { recursive: true });
    writeFileSync(`${folder}.partial`, "");
    expect(pluginInstalled(AWS, engine)).toBe(false);
    rmSync(`${folder}.partial`);
    expect(pluginInstalled(AWS, engine)).toBe(true);
    rmSync(folder, { recursive: true });
    writeFileSync(join(engine, "pulumi-resource-aws"), "");
    expect(pluginInstalled(AWS, engine)).toBe(true);
  });

  it("stop a command when missing, with one line naming the provider, plugin, version and sst install", async () => {
    const error = await sstError(() => requireProviderPlugins(project(), fakePulumi()));
    expect(error.code).toBe("E_PROVIDER_PLUGIN_MISSING");
    expect(error.message).toBe(`providers.aws: the Pulumi provider plugin "aws" v7.48.0 is not installed (looked in ${join(dir, "config", "pulumi", "plugins")}).`);
    expect(error.hint).toBe("Run: sst install   (it runs pulumi plugin install resource aws 7.48.0; needs internet)");
  });

  it("are installed by sst install through the engine, into the engine's plugin folder", async () => {
    await installProviderPlugins(project(), fakePulumi());
    expect(calls()).toEqual([`${join(dir, "config", "pulumi")} plugin install resource aws 7.48.0`]);
  });

  it("say what went wrong when the engine cannot install one", async () => {
    const engine = fakePulumi(255, "error: Could not automatically download and install resource plugin 'pulumi-resource-aws'");
    const error = await sstError(() => installProviderPlugins(project(), engine));
    expect(error.code).toBe("E_PROVIDER_PLUGIN_INSTALL");
    expect(error.message).toBe(
      `Could not install the Pulumi provider plugin "aws" v7.48.0: error: Could not automatically download and install resource plugin 'pulumi-resource-aws'`,
    );
  });

  it("are left alone by sst install when installed or when installs are skipped", async () => {
    process.env.SST_SKIP_INSTALL = "1";
    await installProviderPlugins(project(), fakePulumi());
    delete process.env.SST_SKIP_INSTALL;
    mkdirSync(join(dir, "config", "pulumi", "plugins", "resource-aws-v7.48.0"), { recursive: true });
    await installProviderPlugins(project(), fakePulumi());
    expect(() => calls()).toThrow(/ENOENT/);
  });
});
