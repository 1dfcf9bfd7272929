/** What the CLI side of the live protocol hands to the workers, and what it gets back. */

/** The `init` payload a bridge sends (spec/live-protocol.md §3). */
export interface InitPayload {
  /** The function's environment, without Lambda's own variables. */
  env: Record<string, string>;
  runtime: string;
  handler: string;
  timeoutMs: number;
  architecture: string;
}

/** The `next` payload: one invocation. */
export interface NextPayload {
  /** The Runtime API's `lambda-runtime-*` headers of the invocation. */
  headers: Record<string, string>;
  /** Epoch milliseconds after which Lambda stops the invocation. */
  deadlineMs: number;
  /** The event, base64. */
  body: string;
}

/** The Runtime API's error body. */
export interface LambdaError {
  errorType: string;
  errorMessage: string;
  stackTrace?: string[];
}

export type InvokeResult = { ok: true; body: Buffer } | { ok: false; error: LambdaError };

/** One invocation, as the relay hands it to the workers. */
export interface Invocation {
  /** The function's name. */
  fn: string;
  /** The bridge instance it came from. */
  worker: string;
  /** The Lambda request id. */
  id: string;
  init: InitPayload;
  request: NextPayload;
  /** Set for streaming functions: each piece of the response as the handler writes it. */
  onChunk?: (chunk: Buffer) => void;
}

/** Runs invocations locally: the live plugin's worker pool, or anything else that answers like Lambda. */
export interface WorkerHost {
  invoke(invocation: Invocation): Promise<InvokeResult>;
}

/** What the relay reports, for the CLI's output. */
export type RelayEvent =
  | { type: "init"; fn: string; worker: string }
  | { type: "invoke"; fn: string; id: string }
  | { type: "done"; fn: string; id: string; ok: boolean; durationMs: number; error?: LambdaError }
  | { type: "repeat"; fn: string; id: string }
  | { type: "warning"; message: string };
