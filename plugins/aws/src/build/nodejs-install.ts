/**
 * `nodejs.install`: packages left out of the bundle and installed with npm into the package's `node_modules/`,
 * at the version the project uses, for Linux and the function's architecture.
 */
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { readFile, realpath, rm, writeFile } from "node:fs/promises";
import { join, resolve, sep } from "node:path";
import type { BuildMessage } from "@sst/core";
import { upwards } from "./nodejs-handler.js";

const DEPENDENCY_FIELDS = ["dependencies", "devDependencies", "optionalDependencies", "peerDependencies"] as const;
const LOCKFILES = ["package-lock.json", "npm-shrinkwrap.json", "yarn.lock", "pnpm-lock.yaml", "bun.lock", "bun.lockb"];

export interface InstallRequest {
  names: string[];
  root: string;
  /** The handler's directory: package.json files and node_modules are looked up from here to the root. */
  from: string;
  /** The package directory: gets `package.json` and `node_modules/`. */
  dir: string;
  architecture?: "x86_64" | "arm64";
}

export interface InstallResult {
  /** The package.json and lockfiles the versions came from. */
  inputs: string[];
  errors: BuildMessage[];
}

async function readJson(file: string): Promise<Record<string, unknown> | undefined> {
  try {
    return JSON.parse(await readFile(file, "utf8")) as Record<string, unknown>;
  } catch {
    return undefined;
  }
}

/** The version spec npm installs for `name`: see `NodejsArgs.install`. */
async function specFor(name: string, dirs: string[], inputs: Set<string>): Promise<string | undefined> {
  let declared: { spec: string; dir: string } | undefined;
  for (const dir of dirs) {
    const file = join(dir, "package.json");
    const manifest = await readJson(file);
    if (!manifest) continue;
    inputs.add(file);
    for (const field of DEPENDENCY_FIELDS) {
      const spec = (manifest[field] as Record<string, unknown> | undefined)?.[name];
      if (typeof spec === "string" && !declared) declared = { spec, dir };
    }
    if (declared) break;
  }
  if (!declared) return undefined;
  if (/^(file|link):/.test(declared.spec)) return `file:${resolve(declared.dir, declared.spec.replace(/^(file|link):/, ""))}`;
  for (const dir of dirs) {
    const installed = join(dir, "node_modules", name);
    const manifest = await readJson(join(installed, "package.json"));
    if (!manifest) continue;
    inputs.add(join(installed, "package.json"));
    const real = await realpath(installed);
    // A workspace package (linked into node_modules from the project itself): install that directory.
    if (!real.split(sep).includes("node_modules") || declared.spec.startsWith("workspace:")) return `file:${real}`;
    if (typeof manifest.version === "string") return manifest.version; // the version the lockfile pinned
  }
  return declared.spec;
}

/** Runs npm in `dir`; resolves with its exit code and output. */
function npm(args: string[], dir: string): Promise<{ code: number; output: string }> {
  // Settings npm passes to the scripts it runs would point this install at the project (or the global prefix).
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^npm_(config_(local_prefix|prefix|global|workspaces?)|package_|lifecycle_)/i.test(k)));
  return new Promise((done, fail) => {
    const child = spawn("npm", args, { cwd: dir, env, shell: process.platform === "win32", stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    child.stdout.on("data", (d: Buffer) => (output += d.toString()));
    child.stderr.on("data", (d: Buffer) => (output += d.toString()));
    child.on("error", fail);
    child.on("close", (code) => done({ code: code ?? 1, output }));
  });
}

/** Writes `package.json` with the packages' versions into `dir` and installs them there. */
export async function installPackages(request: InstallRequest): Promise<InstallResult> {
  const dirs = upwards(request.from, request.root);
  const inputs = new Set<string>();
  for (const lock of LOCKFILES) if (existsSync(join(request.root, lock))) inputs.add(join(request.root, lock));
  const dependencies: Record<string, string> = {};
  const missing: string[] = [];
  for (const name of [...new Set(request.names)].sort()) {
    const spec = await specFor(name, dirs, inputs);
    if (spec === undefined) missing.push(name);
    else dependencies[name] = spec;
  }
  if (missing.length) {
    return {
      inputs: [...inputs],
      errors: missing.map((name) => ({
        message: `nodejs.install lists "${name}", but no package.json from the handler's directory up to the project root depends on it. Add it to your package.json (npm install ${name}) or remove it from nodejs.install.`,
      })),
    };
  }
  await writeFile(join(request.dir, "package.json"), JSON.stringify({ dependencies }, null, 2) + "\n");
  const cpu = request.architecture === "arm64" ? "arm64" : "x64";
  const args = ["install", "--omit=dev", "--no-audit", "--no-fund", "--no-package-lock", "--install-links", "--os=linux", `--cpu=${cpu}`, "--libc=glibc", "--loglevel=error"];
  const { code, output } = await npm(args, request.dir).catch((error: Error) => ({ code: -1, output: `could not run npm: ${error.message}` }));
  if (code !== 0) {
    const list = Object.entries(dependencies).map(([n, v]) => `${n}@${v}`).join(", ");
    const tail = output.trim().split("\n").slice(-12).join("\n");
    return { inputs: [...inputs], errors: [{ message: `nodejs.install: npm install of ${list} failed (exit ${code}):\n${tail}` }] };
  }
  // npm's record of what it installed names absolute paths and changes with nothing the function uses.
  await rm(join(request.dir, "node_modules", ".package-lock.json"), { force: true });
  return { inputs: [...inputs], errors: [] };
}
