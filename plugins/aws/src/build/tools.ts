/**
 * What the native builders (python, go, rust) share: running a toolchain command, finding a tool on PATH, and
 * reading a builder's `properties`.
 */
import { spawn } from "node:child_process";
import { access, constants, readdir, stat } from "node:fs/promises";
import { delimiter, dirname, join, sep } from "node:path";
import type { BuildMessage } from "@sst/core";

/** The Lambda instruction set architectures (`architecture` of `sst.aws.Function`). */
export type Architecture = "x86_64" | "arm64";

/** The `properties` every native builder reads from a build request. */
export interface NativeBuildProperties {
  /**
   * The function's instruction set architecture: the artifact is built for Linux on it.
   * @default `"x86_64"`
   */
  architecture?: Architecture;
}

/** The output of a finished command. */
export interface CommandResult {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * Runs `command` to completion and collects its output. Never rejects for a non-zero exit: the builder turns the
 * output into build messages. Rejects only when the command cannot be started.
 */
export function run(command: string, args: string[], options: { cwd: string; env?: NodeJS.ProcessEnv }): Promise<CommandResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: options.cwd, env: options.env ?? process.env, stdio: ["ignore", "pipe", "pipe"] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on("data", (chunk: Buffer) => out.push(chunk));
    child.stderr.on("data", (chunk: Buffer) => err.push(chunk));
    child.on("error", reject);
    child.on("close", (code, signal) =>
      resolve({ code: code ?? (signal ? 128 : 1), stdout: Buffer.concat(out).toString("utf8"), stderr: Buffer.concat(err).toString("utf8") }),
    );
  });
}

/** The absolute path of an executable `name` on `PATH` (of `env`), or undefined. */
export async function which(name: string, env: NodeJS.ProcessEnv = process.env): Promise<string | undefined> {
  const extensions = process.platform === "win32" ? (env.PATHEXT ?? ".EXE;.CMD;.BAT").split(";") : [""];
  for (const dir of (env.PATH ?? "").split(delimiter)) {
    if (!dir) continue;
    for (const ext of extensions) {
      const candidate = join(dir, name + ext);
      if (await access(candidate, constants.X_OK).then(() => true, () => false)) return candidate;
    }
  }
  return undefined;
}

/** `properties.architecture`, checked. */
export function architectureOf(properties: Record<string, unknown>): Architecture | BuildMessage {
  const value = properties.architecture ?? "x86_64";
  if (value === "x86_64" || value === "arm64") return value;
  return { message: `architecture ${JSON.stringify(value)} is not one Lambda runs: use "x86_64" or "arm64".` };
}

/** The last `lines` lines of a tool's output, for a message that would otherwise be pages long. */
export function tail(text: string, lines = 40): string {
  const all = text.trimEnd().split("\n");
  return (all.length > lines ? ["…", ...all.slice(-lines)] : all).join("\n");
}

/** True for a build message (what the builders' steps return instead of a value when they fail). */
export function isMessage(value: unknown): value is BuildMessage {
  return typeof value === "object" && value !== null && typeof (value as BuildMessage).message === "string";
}

/**
 * The first of `names` found in `start` or a directory above it, up to `stop` (inclusive) when `stop` contains
 * `start`, else up to the filesystem root.
 */
export async function findUp(start: string, names: string[], stop?: string): Promise<string | undefined> {
  let dir = start;
  const bounded = stop !== undefined && (start === stop || start.startsWith(stop.endsWith(sep) ? stop : stop + sep));
  for (;;) {
    for (const name of names) {
      const candidate = join(dir, name);
      if (await stat(candidate).then((s) => s.isFile(), () => false)) return candidate;
    }
    const parent = dirname(dir);
    if (parent === dir || (bounded && dir === stop)) return undefined;
    dir = parent;
  }
}

/**
 * The files ending in `extension` under `dir`, skipping hidden directories, `node_modules`, `target` and the
 * directories in `skip`: the sources a failed build is retried on when one of them changes.
 */
export async function filesUnder(dir: string, extension: string, skip: string[] = []): Promise<string[]> {
  const found: string[] = [];
  const walk = async (current: string): Promise<void> => {
    const entries = await readdir(current, { withFileTypes: true }).catch(() => []);
    for (const entry of entries) {
      const path = join(current, entry.name);
      if (entry.isDirectory()) {
        if (!entry.name.startsWith(".") && entry.name !== "node_modules" && entry.name !== "target" && !skip.includes(path)) await walk(path);
      } else if (entry.name.endsWith(extension)) {
        found.push(path);
      }
    }
  };
  await walk(dir);
  return found.sort();
}
