/**
 * The `go` builder of `sst.aws.Function` (`runtime: "go"`): cross-compiles the handler's Go package into a
 * `bootstrap` executable for the `provided.al2023` runtime.
 *
 * The handler is the directory of a `main` package inside a Go module (`handler: "./src"`,
 * `handler: "packages/functions/go/some_module"`); the module's `go.mod` is the first found from that directory
 * upwards. The build, from the module's root:
 *
 *     CGO_ENABLED=0 GOOS=linux GOARCH=amd64|arm64 go build -trimpath -buildvcs=false -tags lambda.norpc \
 *       -ldflags "-s -w" -o <out>/bootstrap ./<package>
 *
 * `-trimpath` and `-buildvcs=false` keep the binary free of local paths and VCS stamps, so an unchanged module
 * gives a byte-identical `bootstrap`. In `sst dev` (`dev: true`) the package is built for this machine instead,
 * with symbols, for the local worker to run.
 *
 * The build's inputs (what the cache and `sst dev`'s watcher follow) are the Go files and embedded files of every
 * package of the module (and of modules replaced by a local directory) that the handler imports, its `go.mod`,
 * `go.sum` and the `go.work` in use.
 */
import { existsSync } from "node:fs";
import { stat } from "node:fs/promises";
import { dirname, isAbsolute, join, relative, resolve } from "node:path";
import type { BuildInput, BuildMessage, BuildResult, Kernel } from "@sst/core";
import { architectureOf, filesUnder, findUp, isMessage, run, tail, which, type NativeBuildProperties } from "./tools.js";

/** Bumped when the artifact this builder produces changes for the same inputs (part of every cache key). */
export const GO_BUILDER_VERSION = "1";

/** The `properties` the `go` builder reads (the Function passes its `architecture`). */
export type GoBuildProperties = NativeBuildProperties;

/** Registers the `go` builder on the kernel's build hook. */
export function registerGoBuilder(kernel: Kernel): void {
  kernel.hooks.build.for("go").tapPromise({ name: "aws", version: GO_BUILDER_VERSION }, buildGo);
}

/** Builds one Go function (see the module comment). */
export async function buildGo(input: BuildInput): Promise<BuildResult> {
  const fail = (errors: (string | BuildMessage)[], inputs: string[] = []): BuildResult => ({ handler: "bootstrap", out: input.out, errors, inputs });
  const architecture = architectureOf(input.properties);
  if (isMessage(architecture)) return fail([architecture]);

  const target = resolve(input.root, input.handler);
  const info = await stat(target).catch(() => undefined);
  if (!info) return fail([{ message: `the handler ${input.handler} does not exist: a Go handler is the directory of a main package, like "./src".`, file: target }]);
  const dir = info.isDirectory() ? target : dirname(target);
  const gomod = await findUp(dir, ["go.mod"]);
  if (!gomod) return fail([{ message: `no go.mod in ${relative(input.root, dir) || "."} or above it: a Go handler must be inside a Go module (run \`go mod init\`).`, file: dir }]);
  const go = await which("go");
  if (!go) return fail(["Go is not installed: `go` was not found on PATH. Install Go (https://go.dev/dl) to build Go functions."]);

  const moduleRoot = dirname(gomod);
  const rel = relative(moduleRoot, dir).split("\\").join("/");
  const pkg = rel ? `./${rel}` : ".";
  const env: NodeJS.ProcessEnv = { ...process.env, CGO_ENABLED: "0", GOFLAGS: [process.env.GOFLAGS, "-buildvcs=false"].filter(Boolean).join(" ") };
  if (!input.dev) Object.assign(env, { GOOS: "linux", GOARCH: architecture === "arm64" ? "arm64" : "amd64" });
  const flags = input.dev ? ["-tags", "lambda.norpc"] : ["-trimpath", "-tags", "lambda.norpc", "-ldflags", "-s -w"];
  const out = join(input.out, "bootstrap");

  const built = await run(go, ["build", ...flags, "-o", out, pkg], { cwd: moduleRoot, env });
  const fallbackInputs = [gomod, join(moduleRoot, "go.sum")].filter((f) => existsSync(f));
  if (built.code !== 0) return fail(goMessages(built.stderr || built.stdout, moduleRoot), [...fallbackInputs, ...(await filesUnder(moduleRoot, ".go", [join(moduleRoot, "vendor")]))].sort());
  return { handler: "bootstrap", out: input.out, inputs: await goInputs(go, pkg, moduleRoot, env, flags) };
}

/**
 * The local files the build read: from `go list -deps`, the Go and embedded files of every package of the main
 * module or of a module replaced by a local directory, with their go.mod and go.sum; and the go.work in use.
 */
async function goInputs(go: string, pkg: string, moduleRoot: string, env: NodeJS.ProcessEnv, flags: string[]): Promise<string[]> {
  const template =
    '{{if not .Standard}}{{with .Module}}{{if or .Main (and .Replace (eq .Replace.Version ""))}}' +
    '{{$.Dir}}\t{{join $.GoFiles ","}}\t{{join $.EmbedFiles ","}}\t{{.GoMod}}\n{{end}}{{end}}{{end}}';
  const tags = flags.slice(flags.indexOf("-tags"), flags.indexOf("-tags") + 2);
  const listed = await run(go, ["list", "-deps", ...tags, "-f", template, pkg], { cwd: moduleRoot, env });
  const files = new Set<string>();
  if (listed.code !== 0) {
    // Never an empty list (the cache would reuse the artifact forever): every Go file of the module instead.
    for (const file of await filesUnder(moduleRoot, ".go")) files.add(file);
    for (const file of [join(moduleRoot, "go.mod"), join(moduleRoot, "go.sum")]) if (existsSync(file)) files.add(file);
  }
  for (const line of listed.stdout.split("\n")) {
    const [dir, goFiles, embedFiles, gomod] = line.split("\t");
    if (!dir) continue;
    for (const name of [...(goFiles ?? "").split(","), ...(embedFiles ?? "").split(",")]) if (name) files.add(join(dir, name));
    if (gomod) {
      files.add(gomod);
      const gosum = join(dirname(gomod), "go.sum");
      if (existsSync(gosum)) files.add(gosum);
    }
  }
  const work = await run(go, ["env", "GOWORK"], { cwd: moduleRoot, env });
  const gowork = work.stdout.trim();
  if (gowork && gowork !== "off" && isAbsolute(gowork)) files.add(gowork);
  return [...files].sort();
}

/** `go build`'s errors as build messages: `src/main.go:12:2: undefined: x` located in the file. */
export function goMessages(output: string, moduleRoot: string): (string | BuildMessage)[] {
  const messages: BuildMessage[] = [];
  for (const line of output.split("\n")) {
    const match = /^(\S+?\.go):(\d+)(?::(\d+))?: (.+)$/.exec(line.trim());
    if (!match) continue;
    const [, file, row, column, text] = match;
    messages.push({ message: text!, file: resolve(moduleRoot, file!), line: Number(row), ...(column ? { column: Number(column) } : {}) });
  }
  return messages.length ? messages : [`go build failed:\n${tail(output)}`];
}
