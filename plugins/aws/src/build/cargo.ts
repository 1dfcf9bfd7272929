/**
 * What the rust builder asks cargo: the crate's metadata (its binaries and target directory), the compiler's
 * messages of a failed build, and the source files a build read (cargo's dep-info files).
 */
import { readFile } from "node:fs/promises";
import { dirname, join, resolve, sep } from "node:path";
import type { BuildMessage } from "@sst/core";
import { run, tail } from "./tools.js";

/** One package of `cargo metadata`. */
export interface CargoPackage {
  name: string;
  manifest_path: string;
  targets: { name: string; kind: string[] }[];
}

/** The part of `cargo metadata --no-deps` the builder uses. */
export interface CargoMetadata {
  packages: CargoPackage[];
  target_directory: string;
  workspace_root: string;
}

/** `cargo metadata` of the manifest, or the message saying why it failed (a broken Cargo.toml). */
export async function cargoMetadata(cargo: string, manifest: string, env: NodeJS.ProcessEnv): Promise<CargoMetadata | BuildMessage> {
  const result = await run(cargo, ["metadata", "--format-version", "1", "--no-deps", "--manifest-path", manifest], { cwd: dirname(manifest), env });
  if (result.code !== 0) return { message: `cargo metadata failed:\n${tail(result.stderr)}`, file: manifest };
  return JSON.parse(result.stdout) as CargoMetadata;
}

/** The binaries of a package. */
export function binariesOf(pkg: CargoPackage): string[] {
  return pkg.targets.filter((t) => t.kind.includes("bin")).map((t) => t.name);
}

/**
 * The compiler's errors from `--message-format json` output, located in their files; the tail of stderr when
 * there are none (a failed link, a missing toolchain).
 */
export function cargoMessages(stdout: string, stderr: string, workspaceRoot: string): (string | BuildMessage)[] {
  const messages: BuildMessage[] = [];
  for (const line of stdout.split("\n")) {
    if (!line.startsWith("{")) continue;
    let parsed: { reason?: string; message?: { level?: string; message?: string; rendered?: string; spans?: Span[] } };
    try {
      parsed = JSON.parse(line);
    } catch {
      continue;
    }
    const message = parsed.message;
    if (parsed.reason !== "compiler-message" || !message || message.level !== "error" || !message.message) continue;
    const span = message.spans?.find((s) => s.is_primary) ?? message.spans?.[0];
    messages.push(
      span
        ? { message: message.message, file: resolve(workspaceRoot, span.file_name), line: span.line_start, column: span.column_start }
        : { message: (message.rendered ?? message.message).trimEnd() }, // a link error: its details are in the rendering
    );
  }
  return messages.length ? messages : [`cargo build failed:\n${tail(stderr)}`];
}

interface Span {
  file_name: string;
  line_start: number;
  column_start: number;
  is_primary?: boolean;
}

/**
 * The local source files listed in a dep-info file (`<binary>.d`, make syntax: `target: dep dep\ with\ space`):
 * every file but those of the registry and git checkouts under `CARGO_HOME`, which change only with Cargo.lock.
 */
export async function depInfoSources(depInfo: string, env: NodeJS.ProcessEnv): Promise<string[] | undefined> {
  const text = await readFile(depInfo, "utf8").catch(() => undefined);
  if (text === undefined) return undefined;
  const firstRule = text.split(/\n\s*\n/)[0] ?? "";
  const colon = firstRule.search(/:(\s|$)/);
  if (colon < 0) return undefined;
  const deps = firstRule
    .slice(colon + 1)
    .replace(/\\\n/g, " ")
    .split(/(?<!\\)\s+/)
    .map((d) => d.replace(/\\ /g, " "))
    .filter(Boolean);
  const cargoHome = env.CARGO_HOME ?? join(env.HOME ?? "", ".cargo");
  const vendored = [join(cargoHome, "registry") + sep, join(cargoHome, "git") + sep];
  return deps.filter((d) => !vendored.some((v) => d.startsWith(v)));
}
