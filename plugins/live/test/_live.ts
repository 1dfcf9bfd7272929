/**
 * An end-to-end live setup on loopback: the local Events server, a Lambda Runtime API playing Lambda, the real
 * bridge binary started against it, and the CLI side (relay + worker pool) of `sst dev`.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { join } from "node:path";
import { RuntimeApi } from "@sst/aws/runtime";
import { AppSyncTransport, bridgeBinary, LiveRelay, startEventsServer, WorkerPool, type EventsServer, type LocalArtifact, type RelayEvent } from "@sst/live";

export const KEY = { accessKeyId: "AKIDLIVEE2E", secretAccessKey: "live-e2e-secret" };
export const FIXTURES = join(import.meta.dirname, "fixtures");

export interface BridgeOptions {
  runtime?: string;
  handler?: string;
  env?: Record<string, string>;
  streaming?: boolean;
}

export class LiveHarness {
  readonly #closers: (() => Promise<void> | void)[] = [];
  server!: EventsServer;
  /** The Runtime API Lambda would give the bridge. */
  lambda!: RuntimeApi;
  bridgeLogs: string[] = [];
  events: RelayEvent[] = [];

  static async start(): Promise<LiveHarness> {
    const h = new LiveHarness();
    h.server = await startEventsServer({ region: "us-east-1", credentials: [KEY] });
    h.lambda = await RuntimeApi.start();
    h.#closers.push(() => h.lambda.close(), () => h.server.close());
    return h;
  }

  /** Starts the bridge binary as the function `fn`'s execution environment. */
  async bridge(fn: string, options: BridgeOptions = {}): Promise<ChildProcess> {
    const binary = await bridgeBinary("x86_64");
    const child = spawn(binary, [], {
      env: {
        PATH: process.env.PATH,
        AWS_LAMBDA_RUNTIME_API: this.lambda.endpoint(`bridge-${fn}`),
        AWS_LAMBDA_LOG_STREAM_NAME: `2026/11/25/[$LATEST]${fn}0123456789abcdef0123456789`,
        AWS_REGION: "us-east-1",
        AWS_ACCESS_KEY_ID: KEY.accessKeyId,
        AWS_SECRET_ACCESS_KEY: KEY.secretAccessKey,
        SST_LIVE_HTTP: this.server.endpoint.http,
        SST_LIVE_REALTIME: this.server.endpoint.realtime,
        SST_LIVE_INSECURE: "true",
        SST_FUNCTION_ID: fn,
        SST_APP: "app",
        SST_STAGE: "dev",
        SST_FUNCTION_RUNTIME: options.runtime ?? "nodejs20.x",
        SST_FUNCTION_HANDLER: options.handler ?? "index.handler",
        SST_FUNCTION_TIMEOUT_MS: "20000",
        SST_FUNCTION_STREAMING: options.streaming ? "true" : "false",
        ...options.env,
      },
      stdio: ["ignore", "pipe", "pipe"],
    });
    child.stderr!.on("data", (d: Buffer) => this.bridgeLogs.push(d.toString()));
    this.#closers.unshift(() => void child.kill("SIGKILL"));
    return child;
  }

  /** Starts `sst dev`'s side: a relay on its own connection, and a worker pool building with `build`. */
  async cli(build: (fn: string) => LocalArtifact | Promise<LocalArtifact>, env: Record<string, string> = {}) {
    const transport = new AppSyncTransport({ endpoint: this.server.endpoint, credentials: KEY });
    const logs: string[] = [];
    const pool = new WorkerPool({ build: async (fn) => build(fn), env, onLog: (l) => logs.push(l.text), region: "us-east-1" });
    const relay = new LiveRelay({ transport, app: "app", stage: "dev", host: pool, ackIntervalMs: 200, onEvent: (e) => this.events.push(e) });
    await relay.start();
    const stop = async () => {
      await relay.stop().catch(() => undefined);
      await transport.close();
      await pool.close();
    };
    this.#closers.unshift(stop);
    return { relay, pool, logs, stop };
  }

  async close(): Promise<void> {
    for (const close of this.#closers.splice(0)) await close();
  }
}

export function artifact(dir: string, handler = "index.handler"): LocalArtifact {
  return { dir: join(FIXTURES, dir), handler, hash: dir };
}
