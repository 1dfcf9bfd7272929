/** The public shapes of the Lambda Runtime API server: options, invocations and their outcomes. */

/**
 * Lambda's limit on a synchronous invocation's request payload: 6 MB.
 * (https://docs.aws.amazon.com/lambda/latest/dg/gettingstarted-limits.html)
 */
export const MAX_REQUEST_BYTES = 6 * 1024 * 1024;

/** Lambda's limit on a buffered response (and an error body) posted by the runtime: 6 MB and 100 bytes, as Lambda counts it. */
export const MAX_RESPONSE_BYTES = 6 * 1024 * 1024 + 100;

/** Lambda's soft limit on a streamed response: 20 MB. */
export const MAX_STREAMED_RESPONSE_BYTES = 20 * 1024 * 1024;

export interface RuntimeApiOptions {
  /**
   * The ARN the runtime reads in `Lambda-Runtime-Invoked-Function-Arn`.
   * @default `"arn:aws:lambda:us-east-1:000000000000:function:local"`
   */
  functionArn?: string;
  /**
   * The interface to listen on. Loopback only by default: the API has no authentication, as in Lambda.
   * @default `"127.0.0.1"`
   */
  host?: string;
  /**
   * The port; 0 picks a free one.
   * @default `0`
   */
  port?: number;
  /** Called when a runtime reports that it failed to initialise (`POST /runtime/init/error`). */
  onInitError?: (worker: string, error: FunctionError) => void;
  /** Called when an invocation a worker took timed out: the worker is stuck in it and should be stopped. */
  onTimeout?: (worker: string, requestId: string) => void;
}

export interface InvokeOptions {
  /**
   * How long the function may run once a worker took the invocation (its `timeout`). The runtime reads the
   * deadline in `Lambda-Runtime-Deadline-Ms`.
   * @default `3000` (Lambda's default timeout)
   */
  timeoutMs?: number;
  /** The request id. @default a random UUID */
  requestId?: string;
  /** `Lambda-Runtime-Trace-Id`. @default a fresh X-Ray trace header, not sampled */
  traceId?: string;
  /** `Lambda-Runtime-Client-Context` (mobile SDK client context), as JSON or a value to serialise. */
  clientContext?: string | object;
  /** `Lambda-Runtime-Cognito-Identity`, as JSON or a value to serialise. */
  cognitoIdentity?: string | object;
  /**
   * Called with each piece of a streamed response (`Lambda-Runtime-Function-Response-Mode: streaming`) as the
   * runtime sends it; the result's `body` still holds the whole response.
   */
  onChunk?: (chunk: Buffer) => void;
  /** Cancels the invocation: a queued one is dropped, a running one is failed with kind `"aborted"`. */
  signal?: AbortSignal;
}

/** An error as Lambda reports it: the body a runtime posts to `/error` or `/init/error`, or one of Lambda's own. */
export interface FunctionError {
  errorType: string;
  errorMessage: string;
  stackTrace?: string[];
  /**
   * Where it came from: `function` (the runtime posted to `/error`), `init` (to `/init/error`), `timeout`,
   * `response-too-large`, `request-too-large`, `aborted`, or `closed` (the server closed first).
   */
  kind: "function" | "init" | "timeout" | "response-too-large" | "request-too-large" | "aborted" | "closed";
}

/** How an invocation ended: the response body the runtime posted, or the error. */
export type InvokeResult =
  | { ok: true; requestId: string; body: Buffer; worker: string }
  | { ok: false; requestId: string; error: FunctionError; worker?: string };
