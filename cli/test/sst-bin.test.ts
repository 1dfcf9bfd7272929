// The README's first command runs `npx sst` in examples/app-hello: that must be this CLI, so no other package
// installed by `npm ci` may link a bin named `sst` (SST's published package has one and once took it).
import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync, realpathSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const json = (path: string) => JSON.parse(readFileSync(join(ROOT, path), "utf8"));
const CLI_VERSION: string = json("cli/package.json").version;

/** Every workspace folder with a package.json, from the root's `workspaces` (`dir` or `dir/*`). */
function workspaces(): string[] {
  return (json("package.json").workspaces as string[]).flatMap((pattern) => {
    const dirs = pattern.endsWith("/*")
      ? readdirSync(join(ROOT, pattern.slice(0, -2)), { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => `${pattern.slice(0, -2)}/${d.name}`)
      : [pattern];
    return dirs.filter((dir) => existsSync(join(ROOT, dir, "package.json")));
  });
}

/** The bin names a manifest declares (`"bin": "x.js"` is named after the package). */
function binNames(manifest: { name?: string; bin?: string | Record<string, string> }): string[] {
  if (typeof manifest.bin === "string") return [manifest.name!.replace(/^@[^/]+\//, "")];
  return Object.keys(manifest.bin ?? {});
}

describe("the sst bin", () => {
  it("after npm ci, node_modules/.bin/sst is this CLI and prints its version", () => {
    const bin = join(ROOT, "node_modules", ".bin", "sst");
    expect(realpathSync(bin)).toBe(realpathSync(join(ROOT, "cli", "bin", "sst.js")));
    expect(execFileSync(bin, ["--version"], { encoding: "utf8" }).trim()).toBe(`sst ${CLI_VERSION}`);
  });

  it("only the cli workspace declares a bin named sst", () => {
    const withSst = workspaces().filter((dir) => binNames(json(`${dir}/package.json`)).includes("sst"));
    expect(withSst).toEqual(["cli"]);
    expect(workspaces()).toEqual(expect.arrayContaining(["core", "cli", "sdk-js", "examples/plugin-hello", "examples/app-hello"]));
  });

  it("no workspace depends on another package called sst (an npm: alias or a version the cli workspace is not)", () => {
    for (const dir of workspaces()) {
      const manifest = json(`${dir}/package.json`);
      for (const field of ["dependencies", "devDependencies", "optionalDependencies", "peerDependencies"]) {
        for (const [name, spec] of Object.entries<string>(manifest[field] ?? {})) {
          expect(spec, `${dir}/package.json ${field}.${name}`).not.toMatch(/^npm:sst@/);
          if (name === "sst") expect(spec, `${dir}/package.json ${field}.sst`).toBe(CLI_VERSION);
        }
      }
    }
  });

  it("package-lock.json installs no package with an sst bin but the cli workspace, linked as node_modules/sst", () => {
    const packages: Record<string, { bin?: Record<string, string>; link?: boolean; resolved?: string }> = json("package-lock.json").packages;
    const withSst = Object.entries(packages).filter(([, entry]) => Object.keys(entry.bin ?? {}).includes("sst")).map(([path]) => path);
    expect(withSst).toEqual(["cli"]);
    expect(packages["node_modules/sst"]).toEqual({ resolved: "cli", link: true });
  });
});
