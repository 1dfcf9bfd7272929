/**
 * A Python function's dependencies: the requirements of its project (from uv's lock through `uv export`, from
 * pyproject.toml's `[project].dependencies`, or a requirements.txt), installed into the artifact for the Lambda
 * platform (Linux, the function's architecture and Python version) with uv when it is on PATH, else pip.
 */
import { existsSync } from "node:fs";
import { readFile, rm } from "node:fs/promises";
import { dirname, join } from "node:path";
import { parse } from "smol-toml";
import type { BuildMessage } from "@sst/core";
import type { PythonHandler } from "./python-project.js";
import { findUp, run, tail, which, type Architecture } from "./tools.js";

/** How requirements were gathered: the text of a requirements file, and the files read to get it. */
export interface Requirements {
  text: string;
  inputs: string[];
}

/**
 * The project's requirements, as a requirements file's text:
 * - a pyproject.toml that lists no `[project].dependencies` beside a requirements.txt (a pyproject.toml for
 *   tools only): that requirements.txt;
 * - else, with uv, `uv export` from the project (its lock, updated when pyproject.toml changed; without dev
 *   dependencies, the project itself, editable installs or hashes);
 * - else pyproject.toml's `[project].dependencies`;
 * - without a pyproject.toml, the nearest requirements.txt as it is.
 */
export async function gatherRequirements(project: PythonHandler, uv: string | undefined): Promise<Requirements | BuildMessage> {
  const { pyproject } = project;
  if (!pyproject) return project.requirements ? { text: await readFile(project.requirements, "utf8"), inputs: [project.requirements] } : { text: "", inputs: [] };
  const dir = dirname(pyproject);
  let parsed: { project?: { dependencies?: unknown } };
  try {
    parsed = parse(await readFile(pyproject, "utf8")) as typeof parsed;
  } catch (error) {
    return { message: `pyproject.toml is not valid TOML: ${(error as Error).message.split("\n")[0]}`, file: pyproject };
  }
  const deps = parsed.project?.dependencies ?? [];
  if (!Array.isArray(deps) || deps.some((d) => typeof d !== "string")) {
    return { message: "[project].dependencies must be a list of requirement strings.", file: pyproject };
  }
  const beside = join(dir, "requirements.txt");
  if (deps.length === 0 && existsSync(beside)) return { text: await readFile(beside, "utf8"), inputs: [pyproject, beside] };
  // The lock (uv writes it at the workspace's root on the first export) and the workspace's pyproject.toml.
  const lockInputs = async () => {
    const lock = await findUp(dir, ["uv.lock"]);
    return lock ? [lock, join(dirname(lock), "pyproject.toml")].filter((f) => existsSync(f) && f !== pyproject) : [];
  };
  if (uv) {
    const args = ["export", "--format", "requirements-txt", "--no-hashes", "--no-dev", "--no-emit-project", "--no-editable", "--no-header", "--quiet"];
    const exported = await run(uv, args, { cwd: dir });
    if (exported.code !== 0) return { message: `uv export failed:\n${tail(exported.stderr)}`, file: pyproject };
    return { text: exported.stdout, inputs: [pyproject, ...(await lockInputs())] };
  }
  return { text: deps.map((d) => `${d}\n`).join(""), inputs: [pyproject, ...(await lockInputs())] };
}

/** True when a requirements text names no requirement (only comments and blank lines). */
export function noRequirements(text: string): boolean {
  return text.split("\n").every((line) => line.trim() === "" || line.trim().startsWith("#"));
}

/**
 * Installs `requirementsFile` into `out` for the Lambda platform of `version` (`3.12`) and `architecture`:
 * binary wheels only for manylinux2014 (Python 3.11 and older, Amazon Linux 2) or manylinux_2_28 (3.12 and
 * newer, Amazon Linux 2023), as SST does. With `host` (a dev build, run on this machine by `sst dev`), for this
 * machine's Python instead. No bytecode is compiled (it would carry build-time stamps).
 */
export async function installRequirements(options: {
  requirementsFile: string;
  out: string;
  cwd: string;
  version: string;
  architecture: Architecture;
  uv: string | undefined;
  host?: boolean;
}): Promise<BuildMessage | undefined> {
  const { requirementsFile, out, cwd, version, architecture, uv, host } = options;
  const machine = architecture === "arm64" ? "aarch64" : "x86_64";
  const legacy = Number(version.split(".")[1]) <= 11;
  if (uv) {
    const platform = `${machine}-${legacy ? "manylinux2014" : "manylinux_2_28"}`;
    const args = ["pip", "install", "--quiet", "-r", requirementsFile, "--target", out];
    if (!host) args.push("--python-platform", platform, "--python-version", version, "--only-binary", ":all:");
    const hadLock = existsSync(join(out, ".lock"));
    const result = await run(uv, args, { cwd });
    if (!hadLock) await rm(join(out, ".lock"), { force: true }); // uv's lock on the target directory
    return result.code === 0 ? undefined : { message: `uv pip install failed:\n${tail(result.stderr || result.stdout)}` };
  }
  const python = (await which("python3")) ?? (await which("python"));
  if (!python) return { message: "Python is not installed: neither uv nor python3 was found on PATH. Install uv (https://docs.astral.sh/uv) to build Python functions." };
  const platforms = legacy ? [`manylinux2014_${machine}`] : [`manylinux_2_28_${machine}`, `manylinux2014_${machine}`];
  const args = ["-m", "pip", "install", "--quiet", "--disable-pip-version-check", "--no-input", "--no-compile", "-r", requirementsFile, "--target", out];
  if (!host) args.push(...platforms.flatMap((p) => ["--platform", p]), "--implementation", "cp", "--python-version", version, "--only-binary=:all:");
  const result = await run(python, args, { cwd });
  return result.code === 0 ? undefined : { message: `pip install failed:\n${tail(result.stderr || result.stdout)}` };
}
