import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, readdirSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { Kernel, SSTError } from "@sst/core";
import { aws, buildPython, requireDocker } from "@sst/aws";
import { build, buildInput, elfMachine, project, remove, treeHash } from "./_native.js";

const HANDLER = "functions/src/functions/api.handler";
const python = execFileSync("python3", ["-c", "import sys; print(sys.executable)"], { encoding: "utf8" }).trim();
const hostVersion = execFileSync(python, ["-c", "import sys; print(f'python{sys.version_info[0]}.{sys.version_info[1]}')"], { encoding: "utf8" }).trim();

/** A PATH with python3 alone on it: the builder finds no uv and installs with pip. */
const pipOnly = mkdtempSync(join(tmpdir(), "sst-pip-only-"));
symlinkSync(python, join(pipOnly, "python3"));
const savedPath = process.env.PATH;
afterEach(() => {
  process.env.PATH = savedPath;
});

/**
 * Imports the artifact's handler the way Lambda's Python runtime does (module path from the handler) and calls it,
 * writing no bytecode into the artifact (Lambda's task root is read-only).
 */
function invoke(dir: string, handler: string, event: unknown): unknown {
  const dot = handler.lastIndexOf(".");
  const script = [
    "import importlib, json, sys",
    `sys.path.insert(0, ${JSON.stringify(dir)})`,
    `module = importlib.import_module(${JSON.stringify(handler.slice(0, dot).split("/").join("."))})`,
    `print(json.dumps(getattr(module, ${JSON.stringify(handler.slice(dot + 1))})(json.loads(sys.argv[1]), None)))`,
  ].join("\n");
  return JSON.parse(execFileSync(python, ["-I", "-B", "-c", script, JSON.stringify(event)], { cwd: dir, encoding: "utf8" }));
}

let root: string;
beforeAll(() => {
  root = project("python-api");
});
afterAll(() => {
  remove(root);
  remove(pipOnly);
});

// Installs download from PyPI: allow for a slow index.
describe("the python builder", { timeout: 600_000 }, () => {
  it("is registered by the aws plugin for runtime python", () => {
    expect(new Kernel({ plugins: [aws()] }).hooks.build.get("python")?.isUsed()).toBe(true);
  });

  it("with uv: copies the package's sources, installs its locked dependencies, and the handler runs from the artifact", async () => {
    if (!existsSync(join(savedPath?.split(":").find((d) => existsSync(join(d, "uv"))) ?? "/nowhere", "uv"))) {
      throw new Error("uv is not on PATH: scripts/test.sh installs it (python3 -m pip install uv).");
    }
    const { artifact, status } = await build(root, "python", HANDLER, { runtime: hostVersion });
    expect(status).toEqual(["built"]);
    expect(artifact.handler).toBe("functions/api.handler");
    expect(readdirSync(artifact.dir).sort()).toEqual(["functions", "inflection", "inflection-0.5.1.dist-info", "inflection.py"]);
    expect(invoke(artifact.dir, artifact.handler, { name: "ada lovelace" })).toEqual({
      greeting: "hello Ada Lovelace from python!",
      inflection: join(artifact.dir, "inflection", "__init__.py"),
    });
    expect(existsSync(join(root, "uv.lock"))).toBe(true);
  });

  it("reuses the artifact while no input changed, and rebuilds when a source of the package changes", async () => {
    expect((await build(root, "python", HANDLER, { runtime: hostVersion })).status).toEqual(["cached"]);
    writeFileSync(join(root, "functions/src/functions/words.py"), 'def shout(text):\n    return text.upper()\n');
    const rebuilt = await build(root, "python", HANDLER, { runtime: hostVersion });
    expect(rebuilt.status).toEqual(["built"]);
    expect(invoke(rebuilt.artifact.dir, rebuilt.artifact.handler, { name: "bo" })).toMatchObject({ greeting: "HELLO BO FROM PYTHON" });
  });

  it("without uv: installs pyproject.toml's dependencies with pip, and the handler runs the same", async () => {
    process.env.PATH = pipOnly;
    const out = join(root, ".out", "out-pip");
    const result = await buildPython(buildInput(root, "python", HANDLER, { runtime: hostVersion }, out));
    expect(result.errors ?? []).toEqual([]);
    expect(result.handler).toBe("functions/api.handler");
    expect(invoke(out, result.handler, { name: "cy" })).toMatchObject({ inflection: join(out, "inflection", "__init__.py") });
    expect(result.inputs).toEqual(
      ["functions/pyproject.toml", "functions/src/functions/__init__.py", "functions/src/functions/api.py", "functions/src/functions/words.py", "pyproject.toml", "uv.lock"].map((f) => join(root, f)),
    );
    expect(readdirSync(out).some((f) => f === "__pycache__" || f.endsWith(".pyc"))).toBe(false);
  });

  it("gives byte-identical artifacts for the same project", async () => {
    process.env.PATH = pipOnly;
    const one = await buildPython(buildInput(root, "python", HANDLER, {}, join(root, ".out", "same-1")));
    const two = await buildPython(buildInput(root, "python", HANDLER, {}, join(root, ".out", "same-2")));
    expect([one.errors ?? [], two.errors ?? []]).toEqual([[], []]);
    expect(treeHash(join(root, ".out", "same-1"))).toBe(treeHash(join(root, ".out", "same-2")));
  });

  it("installs binary wheels for the function's platform: a requirements.txt project on arm64 and Python 3.12, with uv and with pip", async () => {
    const native = project("python-native");
    try {
      for (const path of [savedPath, pipOnly]) {
        process.env.PATH = path;
        const out = join(native, ".out", path === pipOnly ? "pip" : "uv");
        const result = await buildPython(buildInput(native, "python", "handler.handler", { architecture: "arm64", runtime: "python3.12" }, out));
        expect(result.errors ?? []).toEqual([]);
        expect(result).toMatchObject({ handler: "handler.handler", inputs: [join(native, "handler.py"), join(native, "requirements.txt")] });
        expect(elfMachine(join(out, "markupsafe", "_speedups.cpython-312-aarch64-linux-gnu.so"))).toBe("aarch64");
      }
    } finally {
      remove(native);
    }
  });

  it("takes the requirements.txt beside a pyproject.toml that lists no dependencies", async () => {
    const native = project("python-native");
    try {
      writeFileSync(join(native, "pyproject.toml"), '[project]\nname = "tools-only"\nversion = "0.1.0"\n\n[tool.ruff]\nline-length = 100\n');
      const out = join(native, ".out", "beside");
      const result = await buildPython(buildInput(native, "python", "handler.handler", { runtime: hostVersion }, out));
      expect(result.errors ?? []).toEqual([]);
      expect(result.inputs).toEqual([join(native, "handler.py"), join(native, "pyproject.toml"), join(native, "requirements.txt")]);
      expect(invoke(out, "handler.handler", { html: "a&b" })).toEqual({ escaped: "a&amp;b" });
    } finally {
      remove(native);
    }
  });

  it("in sst dev (a dev build): installs dependencies for this machine's Python, whatever the function's platform", async () => {
    process.env.PATH = pipOnly;
    const native = project("python-native");
    try {
      const out = join(native, ".out", "dev");
      const result = await buildPython({ ...buildInput(native, "python", "handler.handler", { architecture: "arm64", runtime: "python3.12" }, out), dev: true });
      expect(result.errors ?? []).toEqual([]);
      const tag = execFileSync(python, ["-c", "import sysconfig; print(sysconfig.get_config_var('EXT_SUFFIX'))"], { encoding: "utf8" }).trim();
      expect(readdirSync(join(out, "markupsafe"))).toContain(`_speedups${tag}`);
      expect(invoke(out, "handler.handler", { html: "<b>" })).toEqual({ escaped: "&lt;b&gt;" });
    } finally {
      remove(native);
    }
  });

  it("with python.container: writes a Docker build context (sources, requirements.txt, a Dockerfile on the Lambda base image) and installs nothing", async () => {
    process.env.PATH = pipOnly;
    const out = join(root, ".out", "out-container");
    const result = await buildPython(buildInput(root, "python", HANDLER, { container: true, runtime: "python3.13" }, out));
    expect(result.errors ?? []).toEqual([]);
    expect(readdirSync(out).sort()).toEqual(["Dockerfile", "functions", "requirements.txt"]);
    expect(readFileSync(join(out, "requirements.txt"), "utf8")).toBe("inflection==0.5.1\n");
    const dockerfile = readFileSync(join(out, "Dockerfile"), "utf8");
    expect(dockerfile.split("\n")[0]).toBe("FROM public.ecr.aws/lambda/python:3.13");
    expect(dockerfile).toContain('CMD ["functions/api.handler"]');
  });

  it("with python.container and a Dockerfile in the function's project: uses that one", async () => {
    process.env.PATH = pipOnly;
    writeFileSync(join(root, "functions/Dockerfile"), "FROM scratch\n");
    try {
      const out = join(root, ".out", "out-custom");
      const result = await buildPython(buildInput(root, "python", HANDLER, { container: true }, out));
      expect(readFileSync(join(out, "Dockerfile"), "utf8")).toBe("FROM scratch\n");
      expect(result.inputs).toContain(join(root, "functions/Dockerfile"));
    } finally {
      remove(join(root, "functions/Dockerfile"));
    }
  });

  it("at deploy, a container-image function without Docker fails with one error saying what to do", async () => {
    const missing = await requireDocker('sst.aws.Function "Api"', { PATH: pipOnly }).catch((e: unknown) => e);
    expect(missing).toBeInstanceOf(SSTError);
    expect(missing).toMatchObject({ code: "E_DOCKER_MISSING", message: expect.stringContaining('sst.aws.Function "Api" is deployed as a container image') });

    const bin = mkdtempSync(join(tmpdir(), "sst-fake-docker-"));
    try {
      writeFileSync(join(bin, "docker"), "#!/bin/sh\necho 'Cannot connect to the Docker daemon at unix:///var/run/docker.sock.' >&2\nexit 1\n", { mode: 0o755 });
      const stopped = await requireDocker('sst.aws.Function "Api"', { PATH: bin }).catch((e: unknown) => e);
      expect(stopped).toMatchObject({ code: "E_DOCKER_NOT_RUNNING", message: expect.stringContaining("Cannot connect to the Docker daemon") });
      writeFileSync(join(bin, "docker"), "#!/bin/sh\necho 27.0.1\n", { mode: 0o755 });
      await expect(requireDocker('sst.aws.Function "Api"', { PATH: bin })).resolves.toBeUndefined();
    } finally {
      remove(bin);
    }
  });

  it("names a missing handler file, a handler without a function, a bad runtime, and a pyproject.toml that is not TOML", async () => {
    process.env.PATH = pipOnly;
    const missing = await buildPython(buildInput(root, "python", "functions/src/functions/nope.handler", {}, join(root, ".out", "e1")));
    expect(missing.errors).toEqual([{ message: "the handler's file functions/src/functions/nope.py does not exist.", file: join(root, "functions/src/functions/nope.py") }]);
    const bare = await buildPython(buildInput(root, "python", "functions/src/functions/api", {}, join(root, ".out", "e2")));
    expect(bare.errors).toEqual([{ message: expect.stringContaining("is not {path}/{file}.{function}") }]);
    const runtime = await buildPython(buildInput(root, "python", HANDLER, { runtime: "python2.7" }, join(root, ".out", "e3")));
    expect(runtime.errors).toEqual([expect.stringContaining('runtime "python2.7" is not a Python runtime of Lambda')]);

    const broken = project("python-api");
    try {
      writeFileSync(join(broken, "functions/pyproject.toml"), "[project\nname = 1\n");
      const result = await buildPython(buildInput(broken, "python", HANDLER, {}, join(broken, ".out", "out")));
      expect(result.errors).toEqual([{ message: expect.stringContaining("pyproject.toml is not valid TOML"), file: join(broken, "functions/pyproject.toml") }]);
    } finally {
      remove(broken);
    }
  });

  it("reports a dependency that does not exist for the platform with the installer's output, at the project's file", async () => {
    process.env.PATH = pipOnly;
    const broken = project("python-native");
    try {
      writeFileSync(join(broken, "requirements.txt"), "markupsafe==0.0.0.999\n");
      const result = await buildPython(buildInput(broken, "python", "handler.handler", {}, join(broken, ".out", "out")));
      expect(result.errors).toEqual([{ message: expect.stringMatching(/^pip install failed:\n[\s\S]*markupsafe==0\.0\.0\.999/), file: join(broken, "requirements.txt") }]);
    } finally {
      remove(broken);
    }
  });
});
