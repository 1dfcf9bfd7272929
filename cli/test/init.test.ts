import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { expectUserError, sandbox } from "./_app.js";

const box = sandbox();
afterAll(() => box.cleanup());
const read = (dir: string, file: string) => readFileSync(join(dir, file), "utf8");

describe("sst init", () => {
  it("writes a config for the chosen home, .gitignore and package.json; the config loads", async () => {
    const dir = box.dir("my-app");
    const r = await box.run(["init", "--yes", "--home", "local"], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Created sst.config.ts (app "my-app", home "local")');
    expect(r.stdout).toContain("skipped: npm install");
    const config = read(dir, "sst.config.ts");
    expect(config).toContain('/// <reference path="./.sst/platform/config.d.ts" />');
    expect(config).toContain('home: "local"');
    expect(read(dir, ".gitignore")).toBe("# sst\n.sst\n");
    expect(JSON.parse(read(dir, "package.json"))).toMatchObject({ name: "my-app", devDependencies: { sst: expect.stringMatching(/^\^\d/) } });
    const types = await box.run(["types"], { cwd: dir });
    expect(types.stderr).toBe("");
    expect(types.code).toBe(0);
  });

  it("defaults to the aws home with --yes, and writes the cloudflare template when asked", async () => {
    const aws = box.dir("aws-app");
    expect((await box.run(["init", "--yes"], { cwd: aws })).code).toBe(0);
    expect(read(aws, "sst.config.ts")).toContain('home: "aws"');
    const cf = box.dir("cf-app");
    expect((await box.run(["init", "--yes", "--home", "cloudflare"], { cwd: cf })).code).toBe(0);
    expect(read(cf, "sst.config.ts")).toContain('home: "cloudflare"');
  });

  it("refuses to overwrite an existing config and changes nothing", async () => {
    const dir = box.dir("existing", "// mine\n", { ".gitignore": "node_modules\n" });
    const err = expectUserError(await box.run(["init", "--yes"], { cwd: dir }));
    expect(err).toContain("sst.config.ts already exists");
    expect(read(dir, "sst.config.ts")).toBe("// mine\n");
    expect(read(dir, ".gitignore")).toBe("node_modules\n");
    expect(existsSync(join(dir, "package.json"))).toBe(false);
  });

  it("adds .sst to .gitignore once, keeping what is there, and keeps package.json's fields", async () => {
    const dir = box.dir("keep", undefined, {
      ".gitignore": "node_modules",
      "package.json": JSON.stringify({ name: "@acme/Shop Front", version: "1.0.0", scripts: { dev: "x" } }, null, 4),
    });
    expect((await box.run(["init", "--yes", "--home", "local"], { cwd: dir })).code).toBe(0);
    expect(read(dir, ".gitignore")).toBe("node_modules\n\n# sst\n.sst\n");
    const pkg = read(dir, "package.json");
    expect(pkg).toContain('    "scripts"');
    expect(JSON.parse(pkg)).toMatchObject({ name: "@acme/Shop Front", version: "1.0.0", scripts: { dev: "x" }, devDependencies: { sst: expect.any(String) } });
    expect(read(dir, "sst.config.ts")).toContain('name: "shop-front"');

    const again = box.dir("ignored", undefined, { ".gitignore": "/.sst/\n" });
    await box.run(["init", "--yes", "--home", "local"], { cwd: again });
    expect(read(again, ".gitignore")).toBe("/.sst/\n");
  });

  it.each([
    ["Next.js", "Nextjs", { "package.json": JSON.stringify({ name: "web", dependencies: { next: "15.0.0" } }) }],
    ["Next.js", "Nextjs", { "next.config.mjs": "export default {};\n" }],
    ["Remix", "Remix", { "package.json": JSON.stringify({ name: "web", dependencies: { "@remix-run/react": "2" } }) }],
    ["Astro", "Astro", { "astro.config.mjs": "export default {};\n" }],
    ["SvelteKit", "SvelteKit", { "svelte.config.js": "export default {};\n", "package.json": JSON.stringify({ name: "web", devDependencies: { "@sveltejs/kit": "2" } }) }],
  ])("detects %s and writes a drop-in config with sst.aws.%s", async (framework, component, files) => {
    const dir = box.dir(`fw-${component}-${Object.keys(files)[0]}`, undefined, files);
    const r = await box.run(["init", "--yes"], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`${framework} detected`);
    const config = read(dir, "sst.config.ts");
    expect(config).toContain(`new sst.aws.${component}("MyWeb");`);
    expect(config).toContain('home: "aws"');
    // Drop-in configs carry no comments (the reference line is a directive).
    expect(config.split("\n").filter((l) => l.trim().startsWith("//") && !l.startsWith("///"))).toEqual([]);
  });

  it("without a terminal and without --yes, writes the files but does not install", async () => {
    const dir = box.dir("no-tty");
    const r = await box.run(["init", "--home", "local"], { cwd: dir, env: { SST_SKIP_INSTALL: "" } });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("skipped: npm install (no terminal to confirm it");
    expect(existsSync(join(dir, "sst.config.ts"))).toBe(true);
  });

  it("rejects a bad --home, a framework with a non-aws home, and a broken package.json, writing nothing", async () => {
    const a = box.dir("bad-home");
    expect(expectUserError(await box.run(["init", "--yes", "--home", "gcp"], { cwd: a }))).toContain('--home "gcp" is not valid');
    const b = box.dir("fw-local", undefined, { "astro.config.mjs": "export default {};\n" });
    expect(expectUserError(await box.run(["init", "--yes", "--home", "local"], { cwd: b }))).toContain("needs --home aws");
    const c = box.dir("broken-pkg", undefined, { "package.json": "{ nope" });
    expect(expectUserError(await box.run(["init", "--yes"], { cwd: c }))).toContain("is not valid JSON");
    for (const dir of [a, b, c]) {
      expect(existsSync(join(dir, "sst.config.ts"))).toBe(false);
      expect(existsSync(join(dir, ".gitignore"))).toBe(false);
    }
  });

  it("with this build's packs (SST_PACKAGES), writes sst as a file: dependency on the packed CLI, not a registry range", async () => {
    const packs = box.dir("packs", undefined, {
      "index.json": JSON.stringify({ format: 1, packages: [{ name: "sst", version: "0.1.0", file: "sst-0.1.0.tgz" }] }),
    });
    const dir = box.dir("packed-app");
    const r = await box.run(["init", "--yes", "--home", "local"], { cwd: dir, env: { SST_PACKAGES: packs } });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`Added sst to devDependencies in package.json (this build: file:${join(packs, "sst-0.1.0.tgz")})`);
    expect(JSON.parse(read(dir, "package.json")).devDependencies).toEqual({ sst: `file:${join(packs, "sst-0.1.0.tgz")}` });
    // A folder that is not a pack fails before anything is written.
    const bad = box.dir("not-a-pack-app");
    expect(expectUserError(await box.run(["init", "--yes"], { cwd: bad, env: { SST_PACKAGES: join(packs, "nope") } }))).toContain("has no index.json");
    expect(existsSync(join(bad, "sst.config.ts"))).toBe(false);
    expect(existsSync(join(bad, "package.json"))).toBe(false);
  });
});
