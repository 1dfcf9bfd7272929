/**
 * The worker pool of `sst dev`: runs each invocation in a local process of the function's runtime, through a
 * Lambda Runtime API (`@sst/aws/runtime`), one server per function and one process per concurrent invocation
 * (spec/live-protocol.md §4 step 4). Workers stay warm between invocations and are replaced when the function's
 * code is rebuilt, so the next invocation runs the new code.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { createInterface } from "node:readline";
import { lambdaEnvironment, RuntimeApi } from "@sst/aws/runtime";
import type { InitPayload, Invocation, InvokeResult, WorkerHost } from "../relay/types.js";
import { workerCommand } from "./command.js";

/** A function's code, built for running locally. */
export interface LocalArtifact {
  /** The artifact directory (the worker's `LAMBDA_TASK_ROOT` and working directory). */
  dir: string;
  /** The handler relative to `dir` (`src/api.handler`; `bootstrap` for go and rust). */
  handler: string;
  /** The content hash: a new hash replaces the function's workers. */
  hash: string;
}

export interface WorkerPoolOptions {
  /** Builds the function (or returns the current build) for a local run. */
  build(fn: string, init: InitPayload): Promise<LocalArtifact>;
  /** Variables every worker gets over the function's own (`SST_DEV`, ...). */
  env?: Record<string, string>;
  /**
   * The AWS credentials a function's workers get, from its role ARN (`SST_FUNCTION_ROLE_ARN` of its init):
   * see `roleCredentials`. None when not given.
   */
  credentials?: (fn: string, roleArn: string | undefined) => Promise<Record<string, string>>;
  /** Each line a worker prints, with the invocation it belongs to when one is running. */
  onLog?: (line: { fn: string; worker: string; stream: "stdout" | "stderr"; text: string }) => void;
  region?: string;
  /**
   * Idle worker processes kept warm across all functions; beyond it the least recently used are stopped (their
   * next invocation starts a new one). Bounds `sst dev`'s memory in apps with hundreds of functions.
   * @default 8
   */
  maxIdleWorkers?: number;
}

interface Worker {
  name: string;
  child: ChildProcess;
  hash: string;
  /** Set when a rebuild replaced its code: it stops once its invocation ends. */
  retiring?: boolean;
  /** When it last ended an invocation (or started). */
  lastUsed: number;
  /** How many rebuilds it loaded in place. */
  reloads: number;
  /** The artifact directory and handler it runs. */
  dir: string;
  handler: string;
}

/** Rebuilds a Node.js worker loads in place before it is replaced. */
const MAX_RELOADS = 50;

/** Whether the runtime's workers load a rebuilt artifact themselves (our Node.js runtime does). */
function reloadsInPlace(runtime: string): boolean {
  return runtime.startsWith("nodejs");
}

interface FunctionWorkers {
  api: RuntimeApi;
  workers: Worker[];
  /** Invocations handed to this function's API and not yet ended. */
  inFlight: number;
  hash?: string;
}

export class WorkerPool implements WorkerHost {
  readonly #options: WorkerPoolOptions;
  readonly #functions = new Map<string, Promise<FunctionWorkers>>();
  #count = 0;

  constructor(options: WorkerPoolOptions) {
    this.#options = options;
  }

  async invoke(invocation: Invocation): Promise<InvokeResult> {
    const { fn, init, request, id } = invocation;
    let artifact: LocalArtifact;
    try {
      artifact = await this.#options.build(fn, init);
    } catch (error) {
      return { ok: false, error: { errorType: "SSTDevBuild", errorMessage: `Building ${fn} failed: ${error instanceof Error ? error.message : String(error)}` } };
    }
    const group = await this.#group(fn);
    if (group.hash !== artifact.hash) {
      // New code. Node.js workers load it themselves on their next invocation (the bundle is rebuilt in place):
      // no process to start. Others (and a Node.js worker after many reloads, whose old modules stay in memory)
      // are replaced: idle ones stop now, busy ones once their invocation ends; new invocations get new workers.
      const idle = new Set(group.api.idleWorkers);
      for (const worker of group.workers.filter((w) => w.hash !== artifact.hash)) {
        if (reloadsInPlace(init.runtime) && worker.reloads < MAX_RELOADS && worker.dir === artifact.dir && worker.handler === artifact.handler) {
          worker.reloads++;
          worker.hash = artifact.hash;
        } else if (idle.has(worker.name)) this.#stop(group, worker, "SIGKILL");
        else worker.retiring = true;
      }
      group.hash = artifact.hash;
    }
    group.inFlight++;
    // One process per concurrent invocation: Lambda's model, and a handler's globals are never shared by two.
    if (group.workers.filter((w) => !w.retiring).length < group.inFlight) await this.#spawn(fn, group, init, artifact);
    const timeoutMs = Math.max(1, request.deadlineMs - Date.now());
    const result = await group.api.invoke(Buffer.from(request.body, "base64"), {
      requestId: id,
      timeoutMs,
      traceId: request.headers["lambda-runtime-trace-id"],
      clientContext: request.headers["lambda-runtime-client-context"],
      cognitoIdentity: request.headers["lambda-runtime-cognito-identity"],
      onChunk: invocation.onChunk,
    });
    group.inFlight--;
    const ran = group.workers.find((w) => w.name === result.worker);
    if (ran) ran.lastUsed = Date.now();
    if (ran?.retiring) this.#stop(group, ran, "SIGKILL");
    await this.#evictIdle();
    return result.ok ? { ok: true, body: result.body } : { ok: false, error: { errorType: result.error.errorType, errorMessage: result.error.errorMessage, stackTrace: result.error.stackTrace ?? [] } };
  }

  /** Stops every worker and server. */
  async close(): Promise<void> {
    const groups = await Promise.all(this.#functions.values());
    this.#functions.clear();
    for (const group of groups) {
      for (const worker of group.workers) worker.child.kill("SIGKILL");
      await group.api.close();
    }
  }

  /** Worker processes alive now, by function (for the status line and tests). */
  async workers(): Promise<Record<string, number>> {
    const out: Record<string, number> = {};
    for (const [fn, group] of this.#functions) out[fn] = (await group).workers.length;
    return out;
  }

  #group(fn: string): Promise<FunctionWorkers> {
    let group = this.#functions.get(fn);
    if (!group) {
      group = RuntimeApi.start({
        functionArn: `arn:aws:lambda:${this.#options.region ?? "us-east-1"}:000000000000:function:${fn}`,
        onTimeout: (name) => {
          // The process is stuck in the timed-out invocation: stop it, as Lambda does.
          void group!.then((g) => {
            const worker = g.workers.find((w) => w.name === name);
            if (worker) this.#stop(g, worker, "SIGKILL");
          });
        },
      }).then((api) => ({ api, workers: [], inFlight: 0 }));
      this.#functions.set(fn, group);
    }
    return group;
  }

  async #spawn(fn: string, group: FunctionWorkers, init: InitPayload, artifact: LocalArtifact): Promise<void> {
    const name = `w${++this.#count}`;
    // Each worker gets a port of its own (a plain host:port): Rust's runtime client takes no path prefix.
    const runtimeApi = await group.api.worker(name);
    const { command, args } = workerCommand(init.runtime, artifact);
    const env = {
      ...init.env,
      ...this.#options.env,
      ...(await this.#options.credentials?.(fn, init.env.SST_FUNCTION_ROLE_ARN)),
      ...lambdaEnvironment({
        runtimeApi,
        functionName: fn,
        handler: artifact.handler,
        taskRoot: artifact.dir,
        region: this.#options.region ?? init.env.AWS_REGION,
      }),
      SST_DEV: "true",
    };
    const child = spawn(command, args, { cwd: artifact.dir, env, stdio: ["ignore", "pipe", "pipe"] });
    const worker: Worker = { name, child, hash: artifact.hash, lastUsed: Date.now(), reloads: 0, dir: artifact.dir, handler: artifact.handler };
    group.workers.push(worker);
    for (const stream of ["stdout", "stderr"] as const) {
      createInterface({ input: child[stream]! }).on("line", (text) => this.#options.onLog?.({ fn, worker: name, stream, text }));
    }
    child.on("exit", (code, signal) => {
      const at = group.workers.indexOf(worker);
      if (at >= 0) group.workers.splice(at, 1);
      // An invocation it held fails now, as Lambda's Runtime.ExitError, rather than at its timeout.
      void group.api.removeWorker(name, { code, signal });
    });
    child.on("error", (error) => this.#options.onLog?.({ fn, worker: name, stream: "stderr", text: `Could not start ${command}: ${error.message}` }));
  }

  /** Stops the least recently used idle workers beyond `maxIdleWorkers`. */
  async #evictIdle(): Promise<void> {
    const max = this.#options.maxIdleWorkers ?? 8;
    const idle: { group: FunctionWorkers; worker: Worker }[] = [];
    for (const pending of this.#functions.values()) {
      const group = await pending;
      const waiting = new Set(group.api.idleWorkers);
      for (const worker of group.workers) if (waiting.has(worker.name)) idle.push({ group, worker });
    }
    idle.sort((a, b) => a.worker.lastUsed - b.worker.lastUsed);
    for (const { group, worker } of idle.slice(0, Math.max(0, idle.length - max))) this.#stop(group, worker, "SIGKILL");
  }

  #stop(group: FunctionWorkers, worker: Worker, signal: NodeJS.Signals): void {
    const at = group.workers.indexOf(worker);
    if (at >= 0) group.workers.splice(at, 1);
    group.api.retire(worker.name);
    worker.child.kill(signal);
  }
}
