/**
 * A running `sst dev` session's local side: the relay listening for the app's bridges and the worker pool that
 * runs their invocations, building each function with the kernel's builders (`rebuild`: unchanged code is not
 * built again, a saved change is built before the next invocation runs it).
 */
import { rebuild, SSTError, type BuildJob, type InvocationEvent, type Kernel, type ResolvedApp } from "@sst/core";
import { LiveRelay } from "../relay/relay.js";
import type { RelayEvent } from "../relay/types.js";
import type { LiveTransport } from "../transport/types.js";
import { WorkerPool } from "../workers/pool.js";
import { formatLog, formatRelayEvent } from "./format.js";

export interface DevSessionOptions {
  kernel: Kernel;
  root: string;
  app: ResolvedApp;
  transport: LiveTransport;
  /** The build jobs of the last deploy, by function name: what a local run builds. */
  jobs: () => ReadonlyMap<string, BuildJob>;
  /** Variables every worker gets. */
  env?: Record<string, string>;
  /** The AWS credentials of a function's workers, from its role (see `roleCredentials`). */
  credentials?: (fn: string, roleArn: string | undefined) => Promise<Record<string, string>>;
  region?: string;
  /** Where lines go (the CLI's output). */
  print: (line: string) => void;
}

/** A relay event as the kernel's `dev.invocation` hook takes it. */
function invocationEvent(event: RelayEvent): InvocationEvent | undefined {
  if (event.type === "invoke") return { name: event.fn, requestId: event.id, phase: "start" };
  if (event.type !== "done") return undefined;
  return event.ok
    ? { name: event.fn, requestId: event.id, phase: "end", payload: { durationMs: event.durationMs } }
    : { name: event.fn, requestId: event.id, phase: "error", payload: { durationMs: event.durationMs, error: event.error } };
}

export interface DevSession {
  relay: LiveRelay;
  pool: WorkerPool;
  stop(): Promise<void>;
}

export async function startDevSession(options: DevSessionOptions): Promise<DevSession> {
  const { kernel, root, print } = options;
  const pool = new WorkerPool({
    region: options.region,
    env: options.env,
    credentials: options.credentials,
    onLog: (line) => print(formatLog(line)),
    async build(fn) {
      const job = options.jobs().get(fn);
      if (!job) {
        throw new SSTError({
          code: "E_LIVE_UNKNOWN_FUNCTION",
          message: `A bridge for "${fn}" called, but the last deploy built no function of that name.`,
          hint: "It may be from another version of sst.config.ts: save the config to redeploy, or restart sst dev.",
        });
      }
      const artifact = await rebuild({ kernel, root, job, dev: true });
      return { dir: artifact.dir, handler: artifact.handler, hash: artifact.hash };
    },
  });
  const relay = new LiveRelay({
    transport: options.transport,
    app: options.app.name,
    stage: options.app.stage,
    host: pool,
    onEvent: (event) => {
      const line = formatRelayEvent(event);
      if (line) print(line);
      const hook = invocationEvent(event);
      if (hook) kernel.hooks.dev.invocation.call(hook);
    },
  });
  await relay.start();
  await kernel.hooks.dev.start.promise({ app: options.app });
  return {
    relay,
    pool,
    async stop() {
      await relay.stop();
      await options.transport.close();
      await pool.close();
      await kernel.hooks.dev.stop.promise({ app: options.app });
    },
  };
}
