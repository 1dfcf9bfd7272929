#!/usr/bin/env node
// Packs this checkout's packages so an app outside the repo can use this build (README: "Use this build in
// your own app"). Every workspace package that exports something (`exports`, `main` or `bin`: core, cli,
// sdk-js, plugins, examples/plugin-hello; not the example apps) becomes a tarball in the output folder, with
// its dependencies on the other packed packages rewritten to `file:` paths of their tarballs, so each
// tarball installs with npm without the registry knowing our packages.
// The folder's index.json lists them; the CLI reads it (cli/src/util/packs.ts) for `sst init` and `sst add`:
//   { "format": 1, "packages": [{ "name", "version", "file", "plugin"?, "dependencies", "peerDependencies" }] }
// `plugin` is the manifest's `sst.plugin`: the short name `sst add <name>` finds a plugin by.
// Usage: npm run pack [-- --out <dir>]   (default <repo>/.packs; the build must be current: `npm run pack` builds)
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const readJson = (path) => JSON.parse(readFileSync(path, "utf8"));

function parseOut(argv) {
  const at = argv.indexOf("--out");
  if (at >= 0 && !argv[at + 1]) throw new Error("--out needs a folder");
  return resolve(at >= 0 ? argv[at + 1] : join(root, ".packs"));
}

/** Workspace folders (relative) with a package.json that exports something. */
function packable() {
  return readJson(join(root, "package.json")).workspaces.flatMap((pattern) => {
    const dirs = pattern.endsWith("/*")
      ? readdirSync(join(root, pattern.slice(0, -2)), { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => `${pattern.slice(0, -2)}/${d.name}`)
      : [pattern];
    return dirs.filter((dir) => {
      const path = join(root, dir, "package.json");
      if (!existsSync(path)) return false;
      const manifest = readJson(path);
      return Boolean(manifest.exports || manifest.main || manifest.bin);
    });
  });
}

/** `npm pack <args> --json`: [{ name, version, filename }]. */
function npmPack(args, cwd) {
  const out = execFileSync("npm", ["pack", ...args, "--json", "--ignore-scripts", "--loglevel=error"], { cwd, encoding: "utf8", stdio: ["ignore", "pipe", "inherit"] });
  return JSON.parse(out);
}

const out = parseOut(process.argv.slice(2));
const dirs = packable();
// Each package's own `prepack` (the live plugin builds its bridge binaries); the packing itself runs no scripts.
for (const dir of dirs) {
  if (readJson(join(root, dir, "package.json")).scripts?.prepack) execFileSync("npm", ["run", "prepack", "--silent"], { cwd: join(root, dir), stdio: ["ignore", "inherit", "inherit"] });
}
const stage = mkdtempSync(join(tmpdir(), "sst-pack-"));
try {
  const packed = npmPack([...dirs.flatMap((dir) => ["--workspace", dir]), "--pack-destination", stage], root);
  const fileOf = new Map(packed.map((p) => [p.name, p.filename]));
  mkdirSync(out, { recursive: true });
  for (const name of readdirSync(out)) if (name.endsWith(".tgz") || name === "index.json") rmSync(join(out, name));
  const index = { format: 1, packages: [] };
  for (const [i, pkg] of packed.entries()) {
    const unpacked = join(stage, String(i));
    mkdirSync(unpacked);
    execFileSync("tar", ["-xzf", join(stage, pkg.filename), "-C", unpacked]);
    const manifestPath = join(unpacked, "package", "package.json");
    const manifest = readJson(manifestPath);
    for (const field of ["dependencies", "optionalDependencies"]) {
      for (const dep of Object.keys(manifest[field] ?? {})) {
        if (fileOf.has(dep)) manifest[field][dep] = `file:${join(out, fileOf.get(dep))}`;
      }
    }
    writeFileSync(manifestPath, JSON.stringify(manifest, null, 2) + "\n");
    const [repacked] = npmPack([join(unpacked, "package"), "--pack-destination", out], stage);
    index.packages.push({
      name: pkg.name,
      version: pkg.version,
      file: repacked.filename,
      ...(typeof manifest.sst?.plugin === "string" ? { plugin: manifest.sst.plugin } : {}),
      dependencies: manifest.dependencies ?? {},
      peerDependencies: manifest.peerDependencies ?? {},
    });
    process.stdout.write(`packed ${pkg.name}@${pkg.version} → ${join(out, repacked.filename)}\n`);
  }
  writeFileSync(join(out, "index.json"), JSON.stringify(index, null, 2) + "\n");
  process.stdout.write(`${join(out, "index.json")}\n`);
} finally {
  rmSync(stage, { recursive: true, force: true });
}
