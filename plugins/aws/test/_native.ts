/**
 * For the native builders' tests: a fixture copied to a scratch project, a build through the kernel's build
 * owner (as `sst deploy` builds), and a `bootstrap` run against the Runtime API server.
 */
import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import * as pulumi from "@pulumi/pulumi";
import { Kernel, requestBuild, synth, validateApp, type Artifact, type BuildEvent, type BuildInput, type BuildResult } from "@sst/core";
import { aws } from "@sst/aws";
import { lambdaEnvironment, RuntimeApi, type InvokeResult } from "@sst/aws/runtime";

const fixtures = fileURLToPath(new URL("./fixtures/", import.meta.url));

/** A scratch project holding a copy of `fixtures/<name>` at `<at>` (default: the project's root). */
export function project(name: string, at = "."): string {
  const root = mkdtempSync(join(tmpdir(), `sst-${name}-`));
  cpSync(join(fixtures, name), join(root, at), { recursive: true });
  return root;
}

export function remove(root: string): void {
  rmSync(root, { recursive: true, force: true });
}

/** A BuildInput for calling a builder directly; the output in a hidden directory of the project, as `.sst/` is. */
export function buildInput(root: string, runtime: string, handler: string, properties: Record<string, unknown> = {}, out = join(root, ".out", "out")): BuildInput {
  return { name: "Api", runtime, handler, root, out, dev: false, properties, links: {} };
}

/** Builds one function through the kernel's build owner with the aws plugin; the artifact and progress events. */
export async function build(root: string, runtime: string, handler: string, properties: Record<string, unknown> = {}) {
  const events: BuildEvent[] = [];
  const app = validateApp({ name: "app", home: "local" }, "test");
  const result = await synth({
    kernel: new Kernel({ plugins: [aws()] }),
    app,
    root,
    secrets: {},
    build: { onEvent: (e) => events.push(e) },
    run: () => ({ artifact: requestBuild({ name: "Api", runtime, handler, properties, plugin: "@sst/aws" }) as pulumi.Output<Artifact> }),
  });
  const status = events.flatMap((e) => (e.type === "end" ? [e.status] : []));
  return { artifact: result.outputs.artifact as Artifact, status };
}

/** SHA-256 of every file under `dir` (paths and bytes). */
export function treeHash(dir: string): string {
  const hash = createHash("sha256");
  const walk = (d: string) => {
    for (const entry of readdirSync(d, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const path = join(d, entry.name);
      if (entry.isDirectory()) walk(path);
      else hash.update(relative(dir, path)).update("\0").update(readFileSync(path)).update("\0");
    }
  };
  walk(dir);
  return hash.digest("hex");
}

/** The ELF machine of an executable: `x86_64`, `aarch64`, or the raw number. */
export function elfMachine(file: string): string {
  const bytes = readFileSync(file);
  if (bytes.subarray(0, 4).toString("latin1") !== "\x7fELF") return "not ELF";
  const machine = bytes.readUInt16LE(18);
  return machine === 0x3e ? "x86_64" : machine === 0xb7 ? "aarch64" : String(machine);
}

/**
 * Starts `bootstrap` against a fresh Runtime API server as Lambda would, runs each invocation in turn, then
 * stops the process and the server.
 */
export async function invokeBootstrap(bootstrap: string, payloads: unknown[]): Promise<InvokeResult[]> {
  const api = await RuntimeApi.start({ functionArn: "arn:aws:lambda:us-east-1:123456789012:function:Api" });
  const env = { PATH: process.env.PATH ?? "", ...lambdaEnvironment({ runtimeApi: await api.worker("w1"), functionName: "Api", handler: "bootstrap" }) };
  const child = spawn(bootstrap, [], { env, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  child.stdout.on("data", (d: Buffer) => (output += d.toString()));
  child.stderr.on("data", (d: Buffer) => (output += d.toString()));
  const exited = new Promise<void>((resolve) => {
    child.on("exit", () => resolve());
    child.on("error", (error) => ((output += String(error)), resolve()));
  });
  try {
    const results: InvokeResult[] = [];
    for (const payload of payloads) {
      const result = await Promise.race([
        api.invoke(payload, { timeoutMs: 60_000 }),
        exited.then((): InvokeResult => ({ ok: false, requestId: "", error: { kind: "closed", errorType: "Exited", errorMessage: `bootstrap exited:\n${output}` } })),
      ]);
      results.push(result);
    }
    return results;
  } finally {
    child.kill();
    await exited;
    await api.close();
  }
}

/** The body of a successful invocation as JSON; the error otherwise, to fail the assertion readably. */
export function json(result: InvokeResult | undefined): unknown {
  if (!result) return undefined;
  return result.ok ? JSON.parse(result.body.toString("utf8")) : { error: result.error };
}

export type { BuildResult };
