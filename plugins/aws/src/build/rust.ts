/**
 * The `rust` builder of `sst.aws.Function` (`runtime: "rust"`): compiles the handler's crate into a `bootstrap`
 * executable for the `provided.al2023` runtime.
 *
 * The handler is the directory of the crate (`handler: "./crates/api/"`, where `crates/api/Cargo.toml` is), or
 * `<crate directory>.<binary>` to pick one binary of a crate that has several (as SST does). Without a binary
 * name, the crate's only binary, else the one named like the package.
 *
 * - With cargo-lambda on PATH (what SST uses): `cargo lambda build --release [--arm64]`, its
 *   `target/lambda/<binary>/bootstrap` copied to the artifact.
 * - Without it: `cargo build --release --target x86_64-unknown-linux-gnu` (or `aarch64-unknown-linux-gnu` for
 *   `architecture: "arm64"`), when rustup lists that target as installed; else the build fails naming the target
 *   and the `rustup target add` command. The binary links against this machine's glibc: build on a machine whose
 *   glibc is not newer than Amazon Linux 2023's (2.34), or install cargo-lambda, which targets it with zig.
 * - In `sst dev` (`dev: true`): `cargo build` for this machine (debug), for the local worker to run.
 *
 * The build's inputs are the source files cargo's dep-info lists for the binary (the crate's and its path
 * dependencies'), the crate's Cargo.toml, and the workspace's Cargo.toml and Cargo.lock.
 */
import { chmod, copyFile, mkdir, stat } from "node:fs/promises";
import { existsSync } from "node:fs";
import { basename, dirname, join, relative, resolve } from "node:path";
import type { BuildInput, BuildMessage, BuildResult, Kernel } from "@sst/core";
import { binariesOf, cargoMessages, cargoMetadata, depInfoSources, type CargoMetadata } from "./cargo.js";
import { architectureOf, filesUnder, findUp, isMessage, run, which, type Architecture, type NativeBuildProperties } from "./tools.js";

/** Bumped when the artifact this builder produces changes for the same inputs (part of every cache key). */
export const RUST_BUILDER_VERSION = "1";

/** The `properties` the `rust` builder reads (the Function passes its `architecture`). */
export type RustBuildProperties = NativeBuildProperties;

/** The Rust target triple of a Lambda architecture. */
export function rustTarget(architecture: Architecture): string {
  return architecture === "arm64" ? "aarch64-unknown-linux-gnu" : "x86_64-unknown-linux-gnu";
}

/** Registers the `rust` builder on the kernel's build hook. */
export function registerRustBuilder(kernel: Kernel): void {
  kernel.hooks.build.for("rust").tapPromise({ name: "aws", version: RUST_BUILDER_VERSION }, buildRust);
}

/** Builds one Rust function (see the module comment). */
export async function buildRust(input: BuildInput): Promise<BuildResult> {
  const fail = (errors: (string | BuildMessage)[], inputs: string[] = []): BuildResult => ({ handler: "bootstrap", out: input.out, errors, inputs });
  const architecture = architectureOf(input.properties);
  if (isMessage(architecture)) return fail([architecture]);
  const crate = await locateCrate(input.root, input.handler);
  if (isMessage(crate)) return fail([crate]);
  const cargo = await which("cargo");
  if (!cargo) return fail(["Rust is not installed: `cargo` was not found on PATH. Install it with rustup (https://rustup.rs) to build Rust functions."]);

  const env = { ...process.env };
  const metadata = await cargoMetadata(cargo, crate.manifest, env);
  if (isMessage(metadata)) return fail([metadata], [crate.manifest]);
  const binary = pickBinary(metadata, crate.manifest, crate.binary, input.root);
  if (isMessage(binary)) return fail([binary], [crate.manifest]);

  const plan = await buildPlan(input.dev, architecture, metadata, binary, env);
  if (isMessage(plan)) return fail([plan], [crate.manifest]);
  const built = await run(cargo, [...plan.args, "--bin", binary, "--manifest-path", crate.manifest, "--message-format", "json"], {
    cwd: dirname(crate.manifest),
    env,
  });
  const manifests = [...new Set([crate.manifest, join(metadata.workspace_root, "Cargo.toml"), join(metadata.workspace_root, "Cargo.lock")])].filter((f) => existsSync(f));
  if (built.code !== 0) {
    // What `sst dev` watches to retry: the crate's Rust files (a failed build has no dep-info).
    const sources = await filesUnder(dirname(crate.manifest), ".rs", [metadata.target_directory]);
    return fail(cargoMessages(built.stdout, built.stderr, metadata.workspace_root), [...manifests, ...sources].sort());
  }

  const out = join(input.out, "bootstrap");
  await mkdir(input.out, { recursive: true });
  await copyFile(plan.binary, out);
  await chmod(out, 0o755);
  const sources = (await depInfoSources(plan.depInfo, env)) ?? [];
  return { handler: "bootstrap", out: input.out, inputs: [...new Set([...manifests, ...sources])].sort() };
}

/** The crate a handler names: its Cargo.toml and, with `<dir>.<binary>`, the binary. */
async function locateCrate(root: string, handler: string): Promise<{ manifest: string; binary?: string } | BuildMessage> {
  const path = resolve(root, handler.replace(/[/\\]+$/, ""));
  const isDir = async (p: string) => (await stat(p).catch(() => undefined))?.isDirectory() ?? false;
  let dir = path;
  let binary: string | undefined;
  if (!(await isDir(path))) {
    const name = basename(path);
    const dot = name.lastIndexOf(".");
    const candidate = dot > 0 ? join(dirname(path), name.slice(0, dot)) : undefined;
    if (!candidate || !(await isDir(candidate))) {
      return { message: `the handler ${handler} is not a directory: a Rust handler is the directory of the crate, like "./crates/api/".`, file: path };
    }
    dir = candidate;
    binary = name.slice(dot + 1);
  }
  const manifest = await findUp(dir, ["Cargo.toml", "cargo.toml"]);
  if (!manifest) return { message: `no Cargo.toml in ${relative(root, dir) || "."} or above it: a Rust handler is the directory of a crate.`, file: dir };
  return { manifest, ...(binary ? { binary } : {}) };
}

/** The binary to build: the named one, else the crate's only binary, else the one named like the package. */
function pickBinary(metadata: CargoMetadata, manifest: string, wanted: string | undefined, root: string): string | BuildMessage {
  const pkg = metadata.packages.find((p) => resolve(p.manifest_path) === resolve(manifest));
  if (!pkg) {
    return { message: `${manifest} is a workspace manifest, not a crate: point the handler at the directory of the crate to deploy.`, file: manifest };
  }
  const bins = binariesOf(pkg);
  if (wanted !== undefined) {
    if (bins.includes(wanted)) return wanted;
    return { message: `the crate ${pkg.name} has no binary "${wanted}" (its binaries: ${bins.join(", ") || "none"}).`, file: manifest };
  }
  if (bins.length === 1) return bins[0]!;
  if (bins.includes(pkg.name)) return pkg.name;
  if (bins.length === 0) return { message: `the crate ${pkg.name} has no binary: a Rust function needs a src/main.rs whose main() runs the Lambda runtime.`, file: manifest };
  return { message: `the crate ${pkg.name} has several binaries (${bins.join(", ")}): name one in the handler, like "${relative(root, dirname(manifest)) || "."}.${bins[0]}".`, file: manifest };
}

/** How to build: cargo's arguments, where the binary lands, and its dep-info file. */
async function buildPlan(
  dev: boolean,
  architecture: Architecture,
  metadata: CargoMetadata,
  binary: string,
  env: NodeJS.ProcessEnv,
): Promise<{ args: string[]; binary: string; depInfo: string } | BuildMessage> {
  const targetDir = metadata.target_directory;
  if (dev) return { args: ["build"], binary: join(targetDir, "debug", binary), depInfo: join(targetDir, "debug", `${binary}.d`) };
  const triple = rustTarget(architecture);
  if (await which("cargo-lambda", env)) {
    return {
      args: ["lambda", "build", "--release", architecture === "arm64" ? "--arm64" : "--x86-64"],
      binary: join(targetDir, "lambda", binary, "bootstrap"),
      depInfo: join(targetDir, triple, "release", `${binary}.d`),
    };
  }
  const missing = await missingTarget(triple, env);
  if (missing) return missing;
  if (architecture === "arm64" && process.arch !== "arm64") {
    const variable = "CARGO_TARGET_AARCH64_UNKNOWN_LINUX_GNU_LINKER";
    const linker = await which("aarch64-linux-gnu-gcc", env);
    if (!env[variable] && linker) env[variable] = linker;
  }
  return {
    args: ["build", "--release", "--target", triple],
    binary: join(targetDir, triple, "release", binary),
    depInfo: join(targetDir, triple, "release", `${binary}.d`),
  };
}

/** A message when rustup is there and does not list `triple` as installed. */
async function missingTarget(triple: string, env: NodeJS.ProcessEnv): Promise<BuildMessage | undefined> {
  const rustup = await which("rustup", env);
  if (!rustup) return undefined; // a toolchain without rustup: cargo says what is missing
  const listed = await run(rustup, ["target", "list", "--installed"], { cwd: process.cwd(), env });
  if (listed.code !== 0 || listed.stdout.split("\n").some((t) => t.trim() === triple)) return undefined;
  return {
    message:
      `the Rust target ${triple} is not installed, and cargo-lambda was not found. ` +
      `Add the target with \`rustup target add ${triple}\` (or install cargo-lambda: https://www.cargo-lambda.info).`,
  };
}
