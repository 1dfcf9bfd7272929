import { chmodSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { Kernel, LocalHome, definePlugin, descendingId, validateApp, withPluginDefaults } from "@sst/core";
import { openHome } from "../src/home/open.js";
import { openWorkspace } from "../src/engine/workspace.js";
import { PULUMI_VERSION } from "../src/engine/pulumi.js";
import { sandbox as appSandbox, expectUserError } from "./_app.js";
import { ENGINE, sandbox, sst } from "./engine.js";

const tmp = mkdtempSync(join(import.meta.dirname, ".tmp-homes-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe("opening the app's home", () => {
  it("awaits a plugin's async home factory", async () => {
    const home = new LocalHome({ dir: tmp });
    const kernel = new Kernel({ plugins: [definePlugin({ name: "mem", apply: (k) => k.registry.home("mem", async () => home) })] });
    expect(await openHome(kernel, validateApp({ name: "a", home: "mem" }, "dev"))).toBe(home);
  });

  it("names the package that provides a home no plugin registered", async () => {
    await expect(openHome(new Kernel(), validateApp({ name: "a", home: "aws" }, "dev"))).rejects.toMatchObject({
      code: "E_CONFIG_HOME_UNKNOWN",
      hint: 'Install @sst/aws, which provides it: sst add aws   (or use home: "local")',
    });
  });
});

describe("an app whose home's plugin is not installed", () => {
  const box = appSandbox();
  afterAll(() => box.cleanup());
  const app = box.dir("aws-home", `export default $config({\n  app() { return { name: "x", home: "aws" } },\n  async run() {},\n});\n`);

  it("fails a command that needs the home, naming the plugin and how to add it", async () => {
    const err = expectUserError(await box.run(["types"], { cwd: app }));
    expect(err).toContain('home "aws" is not available: no plugin of this app provides it (available: "local").');
    expect(err).toContain("Install @sst/aws, which provides it: sst add aws");
  });

  it("still runs sst install, which is how that plugin gets installed", async () => {
    const engine = box.dir("pulumi");
    writeFileSync(join(engine, "pulumi"), `#!/bin/sh\necho v${PULUMI_VERSION}\n`);
    chmodSync(join(engine, "pulumi"), 0o755);
    const r = await box.run(["install"], { cwd: app, env: { SST_PULUMI_PATH: join(engine, "pulumi") } });
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
  });
});

const suite = ENGINE ? describe : describe.skip;

suite("a plugin's default provider in the engine workspace", () => {
  it("configures the engine from the provider's args and gives it what stays out of state as environment", async () => {
    const aws = definePlugin({
      name: "aws",
      apply: (k) =>
        k.registry.provider("aws", ({ config: { profile, ...rest } }) => ({
          args: { region: "us-east-1", ...rest },
          env: { AWS_PROFILE: String(profile) },
        })),
    });
    const kernel = new Kernel({ plugins: [aws] });
    const providers = { aws: { region: "eu-west-1", profile: "prod-admin" }, random: { length: 3 } };
    const app = withPluginDefaults(kernel, validateApp({ name: "ws-app", home: "local", providers }, "dev"));
    const saved = process.env.SST_CONFIG_DIR;
    process.env.SST_CONFIG_DIR = join(tmp, "config");
    try {
      const workspace = await openWorkspace({
        kernel,
        app,
        root: tmp,
        home: new LocalHome({ dir: join(tmp, "state") }),
        passphrase: "x".repeat(44),
        pulumiDir: ENGINE!,
        updateId: descendingId(),
        program: async () => ({}),
      });
      try {
        const config = await workspace.stack.getAllConfig();
        expect(Object.fromEntries(Object.entries(config).map(([k, v]) => [k, v.value]))).toEqual({
          "aws:region": "eu-west-1",
          "random:length": "3",
        });
        expect((workspace.stack.workspace as { envVars: Record<string, string> }).envVars.AWS_PROFILE).toBe("prod-admin");
      } finally {
        await workspace.close();
      }
    } finally {
      if (saved === undefined) delete process.env.SST_CONFIG_DIR;
      else process.env.SST_CONFIG_DIR = saved;
    }
  });
});

suite("bootstrap in an engine command", () => {
  const box = sandbox("bootstrap-app");
  afterAll(() => box.cleanup());

  it("runs before the lock is taken, and run() reads its result", async () => {
    const r = await sst(box, ["deploy", "--stage", "boot"]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("   command: deploy");
    expect(r.stdout).toContain("   locked: false");
  });

  it("is not run offline: sst diff --offline sees nothing bootstrapped", async () => {
    const r = await sst(box, ["diff", "--offline", "--stage", "boot"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("  command: none");
  });
});
