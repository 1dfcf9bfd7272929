import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectUserError, sandbox } from "./_app.js";
import { provider, startRegistry, type Registry } from "./_registry.js";

const box = sandbox();
let registry: Registry;
/** A pack folder as `npm run pack` writes it (installs are skipped, so no tarballs are needed). */
let packs: string;
beforeAll(async () => {
  registry = await startRegistry({
    "@pulumi/aws": { latest: provider("@pulumi/aws", "7.48.0", "aws") },
    "@pulumiverse/vercel": { latest: provider("@pulumiverse/vercel", "5.4.1", "vercel") },
    // Has no `pulumi` field: not a provider, so the search goes on (and finds nothing).
    "@pulumi/notaprovider": { latest: { name: "@pulumi/notaprovider", version: "1.0.0" } },
    // Our plugin, which names the provider package it needs.
    "@sst/hello": { latest: { name: "@sst/hello", version: "0.3.0", peerDependencies: { "@pulumi/hello": "^2.1.0" } } },
    // A third-party plugin on the registry (no provider), and a package that is not a plugin.
    "@acme/sst-greeter": { latest: { name: "@acme/sst-greeter", version: "1.2.0", sst: { plugin: "greeter" } } },
    "@acme/lib": { latest: { name: "@acme/lib", version: "1.0.0" } },
  });
  packs = box.dir("packs", undefined, {
    "index.json": JSON.stringify({
      format: 1,
      packages: [
        { name: "sst", version: "0.1.0", file: "sst-0.1.0.tgz" },
        { name: "@sst-examples/plugin-hello", version: "0.1.0", file: "plugin-hello.tgz", plugin: "hello" },
        { name: "@sst/tunnel-x", version: "0.1.0", file: "tunnel-x.tgz", plugin: "tunnel-x", dependencies: { "@pulumi/tunnel-x": "^1.4.0" } },
        { name: "@sst/core", version: "0.1.0", file: "core.tgz" },
      ],
    }),
  });
});
afterAll(async () => {
  await registry.close();
  box.cleanup();
});

const CONFIG = `/// <reference path="./.sst/platform/config.d.ts" />
export default $config({
  app(input) {
    return {
      name: "add-test",
      home: "local",
    };
  },
  async run() {},
});
`;
const add = (name: string, cwd: string, env: Record<string, string> = {}) => box.run(["add", name], { cwd, env: { SST_NPM_REGISTRY: registry.url, ...env } });
const config = (dir: string) => readFileSync(join(dir, "sst.config.ts"), "utf8");

describe("sst add", () => {
  it("adds a @pulumi provider to a config without providers, then installs it (skipped here)", async () => {
    const dir = box.dir("aws", CONFIG);
    const r = await add("aws", dir);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("Added aws (@pulumi/aws@7.48.0) to providers in sst.config.ts");
    expect(r.stdout).toContain("skipped: npm install @pulumi/aws@7.48.0 (SST_SKIP_INSTALL is set)");
    expect(config(dir)).toBe(CONFIG.replace('      home: "local",\n', '      home: "local",\n      providers: { aws: "7.48.0" },\n'));
    expect(readFileSync(join(dir, ".sst", "platform", "config.d.ts"), "utf8")).toContain('"@pulumi/aws"');
    // The lookup order: our plugin first, then the provider prefixes until one is a provider.
    expect(registry.requests.slice(-3)).toEqual(["/@sst/aws/latest", "/@sst-provider/aws/latest", "/@pulumi/aws/latest"]);
  });

  it("adds a provider from another scope as { package, version } to an existing providers object", async () => {
    const dir = box.dir("vercel", CONFIG.replace('home: "local",', 'home: "local",\n      providers: {\n        aws: "7.48.0",\n      },'));
    const r = await add("vercel", dir);
    expect(r.code).toBe(0);
    expect(config(dir)).toContain('      providers: {\n        aws: "7.48.0",\n        vercel: { package: "@pulumiverse/vercel", version: "5.4.1" },\n      },');
    expect(r.stdout).toContain("npm install @pulumi/aws@7.48.0 @pulumiverse/vercel@5.4.1");
  });

  it("installs our plugin with the provider version it declares", async () => {
    const dir = box.dir("plugin", CONFIG);
    const r = await add("hello", dir);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("Found the plugin @sst/hello@0.3.0");
    expect(config(dir)).toContain('providers: { hello: "2.1.0" }');
    expect(r.stdout).toContain("npm install @sst/hello@0.3.0 @pulumi/hello@2.1.0");
  });

  it("fails on an unknown package, naming every name it tried, and leaves the config alone", async () => {
    const dir = box.dir("unknown", CONFIG);
    for (const name of ["nope", "notaprovider"]) {
      const err = expectUserError(await add(name, dir));
      expect(err).toContain(`No plugin or provider named "${name}": tried @sst/${name}, @sst-provider/${name}, @pulumi/${name}, @pulumiverse/${name}, pulumi-${name}`);
    }
    expect(config(dir)).toBe(CONFIG);
  });

  it("rejects a bad name, a missing name, and a config it cannot edit", async () => {
    const dir = box.dir("bad", CONFIG);
    expect(expectUserError(await add("Not_A_Name", dir))).toContain('"Not_A_Name" is not a provider name');
    expect(expectUserError(await box.run(["add"], { cwd: dir }))).toContain("Missing required positional argument: PROVIDER");
    const odd = box.dir("odd", "const base = { name: 'x', home: 'local' };\nexport default $config({ app() { return base; }, async run() {} });\n");
    expect(expectUserError(await add("aws", odd))).toContain("does not `return { ... }` an object literal");
  });

  it("says so when the registry cannot be reached", async () => {
    const dir = box.dir("offline", CONFIG);
    const err = expectUserError(await box.run(["add", "aws"], { cwd: dir, env: { SST_NPM_REGISTRY: "http://127.0.0.1:9" } }));
    expect(err).toContain("Could not reach the npm registry at http://127.0.0.1:9");
    expect(config(dir)).toBe(CONFIG);
  });

  it("adds a plugin without a provider from this build's packs: installs its tarball, imports it, lists it in plugins", async () => {
    const dir = box.dir("packed-plugin", CONFIG);
    const asked = registry.requests.length;
    const r = await add("hello", dir, { SST_PACKAGES: packs });
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`Found the plugin @sst-examples/plugin-hello@0.1.0 (${join(packs, "plugin-hello.tgz")})`);
    expect(r.stdout).toContain(`skipped: npm install file:${join(packs, "plugin-hello.tgz")} (SST_SKIP_INSTALL is set)`);
    expect(r.stdout).toContain("Added hello() from @sst-examples/plugin-hello to plugins in sst.config.ts");
    expect(config(dir)).toBe(
      CONFIG.replace("export default $config({\n", 'import { hello } from "@sst-examples/plugin-hello";\n\nexport default $config({\n  plugins: [hello()],\n'),
    );
    // Found locally, and a package that says it is a plugin needs no provider search: no registry look-up.
    expect(registry.requests.length).toBe(asked);
    // By its package name too; a second add changes nothing.
    const again = await add("@sst-examples/plugin-hello", dir, { SST_PACKAGES: packs });
    expect(again.code).toBe(0);
    expect(again.stdout).toContain("@sst-examples/plugin-hello is already in `plugins` in sst.config.ts");
    expect(config(dir).match(/hello\(\)/g)).toHaveLength(1);
  });

  it("adds a packed plugin that declares a provider to providers, installing both", async () => {
    const dir = box.dir("packed-provider", CONFIG);
    const r = await add("tunnel-x", dir, { SST_PACKAGES: packs });
    expect(r.code).toBe(0);
    expect(config(dir)).toContain('providers: { "tunnel-x": "1.4.0" }');
    expect(r.stdout).toContain(`npm install file:${join(packs, "tunnel-x.tgz")} @pulumi/tunnel-x@1.4.0`);
  });

  it("adds a third-party plugin from the registry by its package name, under the name it declares", async () => {
    const dir = box.dir("registry-plugin", CONFIG);
    const r = await add("@acme/sst-greeter", dir);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("skipped: npm install @acme/sst-greeter@1.2.0");
    expect(config(dir)).toContain('import { greeter } from "@acme/sst-greeter";');
    expect(config(dir)).toContain("plugins: [greeter()],");
  });

  it("refuses a package that is not an SST plugin, or that nothing has, leaving the config alone", async () => {
    const dir = box.dir("not-plugin", CONFIG);
    expect(expectUserError(await add("@acme/lib", dir))).toContain('@acme/lib is not an SST plugin: its package.json has no "sst": { "plugin": "<name>" }.');
    expect(expectUserError(await add("@sst/core", dir, { SST_PACKAGES: packs }))).toContain("@sst/core is not an SST plugin");
    expect(expectUserError(await add("@acme/nothing", dir, { SST_PACKAGES: packs }))).toContain(`No plugin named @acme/nothing on ${registry.url} and the packs in ${packs}.`);
    expect(config(dir)).toBe(CONFIG);
  });
});
