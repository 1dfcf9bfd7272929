/**
 * The `python` builder of `sst.aws.Function` (`runtime: "python3.9"` … `"python3.13"`).
 *
 * The handler is `{path}/{file}.{function}` from the project root (`functions/src/functions/api.handler`). Its
 * project is the nearest pyproject.toml from the handler's directory up to the root (a uv project or a uv
 * workspace member, as the docs describe), else the nearest requirements.txt, else the root itself.
 *
 * The artifact (a zip deploy):
 * - the project's importable sources: from its `src/` when the handler is in it (a src layout), else from the
 *   project's directory, the `.py` files and every directory holding Python files. The handler given to Lambda
 *   is relative to that root: `functions/src/functions/api.handler` becomes `functions/api.handler`, so the
 *   package imports itself (`from functions import util`) as it does when installed.
 * - its dependencies, installed next to the sources for the Lambda platform: Linux, the function's
 *   `architecture`, the runtime's Python version, binary wheels only. With uv on PATH (SST requires it) they
 *   come from `uv export` of the project's lock (which writes uv.lock when the project has none); without uv, from pyproject.toml's `[project].dependencies` (or the
 *   requirements.txt) through `pip install --target`.
 *
 * With `python: { container: true }` the artifact is a Docker build context instead: the same sources, the
 * requirements in `requirements.txt`, and a Dockerfile (the project's own when its directory or the root has
 * one, else one on the AWS Lambda Python base image for the runtime's version). Building and pushing the image
 * is the deploy's, not the builder's: it calls `requireDocker` first, so only a deploy fails without Docker.
 *
 * In `sst dev` (`dev: true`) dependencies are installed for this machine's Python, which runs the handler.
 *
 * No bytecode is compiled into the artifact, so an unchanged project gives byte-identical files.
 */
import { copyFile, mkdtemp, rm, writeFile } from "node:fs/promises";
import { existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import type { BuildInput, BuildMessage, BuildResult, Kernel } from "@sst/core";
import { gatherRequirements, installRequirements, noRequirements } from "./python-deps.js";
import { copySources, resolvePythonHandler, type PythonHandler } from "./python-project.js";
import { architectureOf, isMessage, which, type NativeBuildProperties } from "./tools.js";

/** Bumped when the artifact this builder produces changes for the same inputs (part of every cache key). */
export const PYTHON_BUILDER_VERSION = "1";

/** The Python versions Lambda runs. */
export const PYTHON_RUNTIMES = ["python3.9", "python3.10", "python3.11", "python3.12", "python3.13"] as const;

/** The `properties` the `python` builder reads. */
export interface PythonBuildProperties extends NativeBuildProperties {
  /**
   * The function's Lambda runtime: its Python version is the one dependencies are installed for.
   * @default `"python3.12"`
   */
  runtime?: (typeof PYTHON_RUNTIMES)[number];
  /**
   * Build a Docker build context (sources, requirements.txt, Dockerfile) for a container image deploy
   * (`python.container` of the Function).
   * @default `false`
   */
  container?: boolean;
}

/** Registers the `python` builder on the kernel's build hook. */
export function registerPythonBuilder(kernel: Kernel): void {
  kernel.hooks.build.for("python").tapPromise({ name: "aws", version: PYTHON_BUILDER_VERSION }, buildPython);
}

/** Builds one Python function (see the module comment). */
export async function buildPython(input: BuildInput): Promise<BuildResult> {
  const fail = (errors: (string | BuildMessage)[], inputs: string[] = []): BuildResult => ({ handler: input.handler, out: input.out, errors, inputs });
  const properties = input.properties as PythonBuildProperties;
  const architecture = architectureOf(input.properties);
  if (isMessage(architecture)) return fail([architecture]);
  const runtime = properties.runtime ?? "python3.12";
  if (!PYTHON_RUNTIMES.includes(runtime)) return fail([`runtime ${JSON.stringify(runtime)} is not a Python runtime of Lambda (${PYTHON_RUNTIMES.join(", ")}).`]);
  const project = await resolvePythonHandler(input.root, input.handler);
  if (isMessage(project)) return fail([project]);

  const sources = await copySources(project.importRoot, input.out);
  const uv = await which("uv");
  const requirements = await gatherRequirements(project, uv);
  if (isMessage(requirements)) return fail([requirements], [...sources, ...[project.pyproject ?? project.requirements].filter((f): f is string => !!f)]);
  const inputs = [...new Set([...sources, ...requirements.inputs])].sort();

  if (properties.container) {
    await writeFile(join(input.out, "requirements.txt"), requirements.text);
    await writeDockerfile(input.root, project, runtime, input.out);
    const custom = dockerfileOf(input.root, project);
    return { handler: project.handler, out: input.out, inputs: custom ? [...inputs, custom].sort() : inputs };
  }
  if (!noRequirements(requirements.text)) {
    const scratch = await mkdtemp(join(tmpdir(), "sst-python-"));
    try {
      const requirementsFile = join(scratch, "requirements.txt");
      await writeFile(requirementsFile, requirements.text);
      const cwd = dirname(project.pyproject ?? project.requirements ?? project.file);
      const failed = await installRequirements({ requirementsFile, out: input.out, cwd, version: runtime.slice("python".length), architecture, uv, host: input.dev });
      if (failed) return fail([{ ...failed, file: project.pyproject ?? project.requirements }], inputs);
    } finally {
      await rm(scratch, { recursive: true, force: true });
    }
  }
  return { handler: project.handler, out: input.out, inputs };
}

/** The project's own Dockerfile: in the project's directory, else in the root. */
function dockerfileOf(root: string, project: PythonHandler): string | undefined {
  const dirs = [dirname(project.pyproject ?? project.requirements ?? join(root, "x")), root];
  return dirs.map((d) => join(d, "Dockerfile")).find((f) => existsSync(f));
}

/**
 * The Docker build context's Dockerfile: the project's own, or one on the Lambda Python base image that
 * installs requirements.txt and copies the sources into the task root, with the handler as the command.
 */
async function writeDockerfile(root: string, project: PythonHandler, runtime: string, out: string): Promise<void> {
  const custom = dockerfileOf(root, project);
  if (custom) return copyFile(custom, join(out, "Dockerfile"));
  const version = runtime.slice("python".length);
  const dockerfile = [
    `FROM public.ecr.aws/lambda/python:${version}`,
    "COPY requirements.txt ${LAMBDA_TASK_ROOT}/requirements.txt",
    "RUN pip install --no-cache-dir -r ${LAMBDA_TASK_ROOT}/requirements.txt --target ${LAMBDA_TASK_ROOT}",
    "COPY . ${LAMBDA_TASK_ROOT}",
    `CMD [${JSON.stringify(project.handler)}]`,
    "",
  ].join("\n");
  await writeFile(join(out, "Dockerfile"), dockerfile);
}
