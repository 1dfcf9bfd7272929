/**
 * A local Lambda Runtime API (version 2018-06-01): the HTTP API a Lambda runtime (aws-lambda-go,
 * lambda_runtime, awslambdaric, a `bootstrap` of one's own) polls for invocations and posts results to. `sst dev`
 * runs functions against it; the builders' tests run the Go and Rust artifacts against it.
 *
 * - `GET /2018-06-01/runtime/invocation/next` long-polls until an invocation is queued, then answers with its
 *   payload and the `Lambda-Runtime-Aws-Request-Id`, `-Deadline-Ms`, `-Invoked-Function-Arn`, `-Trace-Id`,
 *   `-Client-Context` and `-Cognito-Identity` headers.
 * - `POST .../invocation/{id}/response` (buffered, or streamed with `Lambda-Runtime-Function-Response-Mode:
 *   streaming` and error trailers), `POST .../invocation/{id}/error` (`Lambda-Runtime-Function-Error-Type`, a JSON
 *   `{errorMessage, errorType, stackTrace}`), `POST /2018-06-01/runtime/init/error`: 202 `{"status":"OK"}`; an
 *   unknown request id is a 400 `InvalidRequestID`, a response over 6 MB a 413 and a failed invocation, as in
 *   Lambda.
 *
 * Workers: each runtime process is one worker with one invocation at a time. Give each process its own endpoint:
 * - `await api.worker("w1")`: a port of its own, a plain `host:port` that every runtime client takes;
 * - `api.endpoint("w1")`: `host:port/w1`, a path prefix on the main port. The Go, Python and Node runtimes (and a
 *   `bootstrap` using curl) append the API path to it; Rust's `lambda_runtime` refuses a path without a scheme
 *   (give it `http://${api.endpoint("w1")}`, or a port of its own).
 * A process given `api.address` is the worker `default`. A worker asking for the next invocation while one it took
 * is unanswered gets a 403 `InvalidStateTransition`, as from Lambda. Invocations queue in order and go to the
 * worker that has waited longest.
 *
 * @example
 * const api = await RuntimeApi.start();
 * const child = spawn("./bootstrap", { env: { ...process.env, AWS_LAMBDA_RUNTIME_API: await api.worker("w1") } });
 * const result = await api.invoke({ name: "Ada" }, { timeoutMs: 10_000 }); // { ok: true, body } or { ok: false, error }
 * child.kill();
 * await api.close();
 */
import { randomBytes, randomUUID } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { readLimited, sendJson, toFunctionError, traceId } from "./http.js";
import { MAX_REQUEST_BYTES, MAX_RESPONSE_BYTES, MAX_STREAMED_RESPONSE_BYTES, type FunctionError, type InvokeOptions, type InvokeResult, type RuntimeApiOptions } from "./types.js";

export type { FunctionError, InvokeOptions, InvokeResult, RuntimeApiOptions } from "./types.js";
export { MAX_REQUEST_BYTES, MAX_RESPONSE_BYTES, MAX_STREAMED_RESPONSE_BYTES } from "./types.js";

/** The worker of requests without a worker prefix. */
export const DEFAULT_WORKER = "default";

/** `[/<worker>]/2018-06-01/runtime/...`: the worker prefix, then next | {id}/response|error | init error. */
const ROUTE = /^(?:\/([^/]+))?\/2018-06-01\/runtime\/(?:invocation\/(next)|invocation\/([^/]+)\/(response|error)|init\/(error))$/;
const WORKER_NAME = /^[A-Za-z0-9._~-]+$/;

interface Invocation {
  requestId: string;
  payload: Buffer;
  options: InvokeOptions;
  settle: (result: InvokeResult) => void;
  worker?: string;
  timer?: NodeJS.Timeout;
  unlisten?: () => void;
}

export class RuntimeApi {
  /** One server per worker: the worker is the port a request came in on. */
  readonly #servers = new Map<string, Server>();
  readonly #options: RuntimeApiOptions;
  readonly #queue: Invocation[] = [];
  /** Workers long-polling `/next`, longest waiting first. */
  readonly #waiting = new Map<string, ServerResponse>();
  /** Dispatched invocations, by request id. */
  readonly #running = new Map<string, Invocation>();
  /** The request id each busy worker holds. */
  readonly #busy = new Map<string, string>();
  #closed = false;

  private constructor(options: RuntimeApiOptions) {
    this.#options = options;
  }

  /** Starts the server of the worker `default` on `options.host` (127.0.0.1) and `options.port` (a free one). */
  static async start(options: RuntimeApiOptions = {}): Promise<RuntimeApi> {
    const api = new RuntimeApi(options);
    await api.#listen(DEFAULT_WORKER, options.port ?? 0);
    return api;
  }

  /** `host:port` of the worker `default`: what `AWS_LAMBDA_RUNTIME_API` takes. */
  get address(): string {
    return addressOf(this.#servers.get(DEFAULT_WORKER)!);
  }

  /**
   * The `AWS_LAMBDA_RUNTIME_API` of a worker on the main port: `host:port/<name>` (see the module comment for the
   * runtimes that take a path). Its name is what `idleWorkers`, results and callbacks report.
   */
  endpoint(name: string): string {
    checkName(name);
    return `${this.address}/${name}`;
  }

  /**
   * Opens an endpoint for one more worker (a runtime process) on a free port, and returns its
   * `AWS_LAMBDA_RUNTIME_API` (`127.0.0.1:PORT`), which every runtime client takes. Its name is what
   * `idleWorkers`, results and callbacks report.
   */
  async worker(name: string): Promise<string> {
    checkName(name);
    if (this.#closed) throw new Error("The Runtime API server is closed.");
    if (this.#servers.has(name)) throw new Error(`The Runtime API server already has a worker named ${JSON.stringify(name)}.`);
    return addressOf(await this.#listen(name, 0));
  }

  /**
   * Forgets a worker once its process is gone (and closes its port, from `worker()`). An invocation it held fails
   * with `Runtime.ExitError` (kind `function`), as in Lambda when the runtime exits mid-invocation; `exit` says
   * how it ended.
   */
  async removeWorker(name: string, exit: { code?: number | null; signal?: string | null } = {}): Promise<void> {
    if (name === DEFAULT_WORKER) throw new Error(`The worker ${DEFAULT_WORKER} is the server's own: close the server instead.`);
    const server = this.#servers.get(name);
    this.#servers.delete(name);
    this.retire(name);
    const held = this.#busy.get(name);
    const invocation = held === undefined ? undefined : this.#running.get(held);
    if (invocation) {
      const how = exit.signal ? `signal: ${exit.signal}` : `exit status ${exit.code ?? "unknown"}`;
      const errorMessage = `RequestId: ${invocation.requestId} Error: Runtime exited with error: ${how}`;
      this.#finish(invocation, { ok: false, requestId: invocation.requestId, worker: name, error: { kind: "function", errorType: "Runtime.ExitError", errorMessage } });
    }
    if (server) await closeServer(server);
  }

  async #listen(worker: string, port: number): Promise<Server> {
    const server = createServer((req, res) => this.#route(worker, req, res));
    // Long polls and keep-alive connections stay open as long as the runtime keeps them: a server-side idle
    // timeout races with a runtime reusing the connection for its next POST, which would fail it.
    server.keepAliveTimeout = 0;
    server.requestTimeout = 0;
    this.#servers.set(worker, server);
    await new Promise<void>((resolve, reject) => {
      server.once("error", reject);
      server.listen(port, this.#options.host ?? "127.0.0.1", () => resolve());
    }).catch((error: unknown) => {
      this.#servers.delete(worker);
      throw error;
    });
    return server;
  }

  /** Workers waiting for an invocation now. */
  get idleWorkers(): string[] {
    return [...this.#waiting.keys()];
  }

  /** Invocations queued for a worker. */
  get queued(): number {
    return this.#queue.length;
  }

  /**
   * Invokes the function: queues the payload for the next worker and resolves when the runtime posts the
   * response or an error, when the invocation times out, or when it is aborted or the server closes. Never
   * rejects. A Buffer or string payload is sent as it is, any other value as JSON.
   */
  invoke(payload: unknown, options: InvokeOptions = {}): Promise<InvokeResult> {
    const requestId = options.requestId ?? randomUUID();
    const bytes = Buffer.isBuffer(payload) || payload instanceof Uint8Array ? Buffer.from(payload) : Buffer.from(typeof payload === "string" ? payload : JSON.stringify(payload ?? null));
    const failed = (error: Omit<FunctionError, "stackTrace">): Promise<InvokeResult> => Promise.resolve({ ok: false, requestId, error });
    if (this.#closed) return failed({ kind: "closed", errorType: "ServiceException", errorMessage: "The Runtime API server is closed." });
    if (bytes.length > MAX_REQUEST_BYTES) {
      return failed({ kind: "request-too-large", errorType: "RequestEntityTooLargeException", errorMessage: `Request must be smaller than ${MAX_REQUEST_BYTES} bytes for the InvokeFunction operation` });
    }
    if (options.signal?.aborted) return failed({ kind: "aborted", errorType: "Aborted", errorMessage: "The invocation was aborted." });
    return new Promise((settle) => {
      const invocation: Invocation = { requestId, payload: bytes, options, settle };
      if (options.signal) {
        const onAbort = () => this.#finish(invocation, { ok: false, requestId, error: { kind: "aborted", errorType: "Aborted", errorMessage: "The invocation was aborted." } });
        options.signal.addEventListener("abort", onAbort, { once: true });
        invocation.unlisten = () => options.signal!.removeEventListener("abort", onAbort);
      }
      const [worker, res] = this.#waiting.entries().next().value ?? [];
      if (worker !== undefined && res) {
        this.#waiting.delete(worker);
        this.#dispatch(invocation, worker, res);
      } else {
        this.#queue.push(invocation);
      }
    });
  }

  /**
   * Stops handing invocations to a worker that is being stopped (its code was replaced): its pending `/next`
   * is dropped at once, so no invocation is dispatched to a process about to die.
   */
  retire(worker: string): void {
    const res = this.#waiting.get(worker);
    if (!res) return;
    this.#waiting.delete(worker);
    res.destroy();
  }

  /**
   * Stops the server: queued and running invocations end with kind `closed`, waiting runtimes get a 500 (a
   * runtime exits on it), every connection is closed.
   */
  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    const closing = { errorType: "ServiceException", errorMessage: "The Runtime API server closed before the invocation ended." };
    for (const invocation of [...this.#queue, ...this.#running.values()]) {
      this.#finish(invocation, { ok: false, requestId: invocation.requestId, error: { kind: "closed", ...closing }, worker: invocation.worker });
    }
    for (const res of this.#waiting.values()) sendJson(res, 500, { errorType: "ServiceException", errorMessage: "The Runtime API server is closing." });
    this.#waiting.clear();
    await Promise.all([...this.#servers.values()].map(closeServer));
  }

  /** A request on the port of `portWorker`; a path prefix names another worker. */
  #route(portWorker: string, req: IncomingMessage, res: ServerResponse): void {
    const match = ROUTE.exec((req.url ?? "").split("?")[0]!);
    if (!match) return sendJson(res, 404, { errorType: "NotFound", errorMessage: `No Runtime API route ${req.method} ${req.url}.` });
    const worker = match[1] === undefined ? portWorker : decodeURIComponent(match[1]);
    const method = match[2] ? "GET" : "POST";
    if (req.method !== method) return sendJson(res, 405, { errorType: "MethodNotAllowed", errorMessage: `${req.method} is not allowed on ${req.url}.` });
    if (match[2]) return this.#next(worker, res);
    if (match[5]) return void this.#initError(worker, req, res);
    return void this.#result(worker, decodeURIComponent(match[3]!), match[4] as "response" | "error", req, res);
  }

  #next(worker: string, res: ServerResponse): void {
    if (this.#closed) return sendJson(res, 500, { errorType: "ServiceException", errorMessage: "The Runtime API server is closing." });
    const held = this.#busy.get(worker);
    if (held !== undefined || this.#waiting.has(worker)) {
      const why = held !== undefined ? `it has not answered the invocation ${held}` : "it is already waiting for one";
      return sendJson(res, 403, { errorType: "InvalidStateTransition", errorMessage: `Worker ${worker} asked for the next invocation while ${why}.` });
    }
    const invocation = this.#queue.shift();
    if (invocation) return this.#dispatch(invocation, worker, res);
    this.#waiting.set(worker, res);
    res.on("close", () => {
      if (this.#waiting.get(worker) === res) this.#waiting.delete(worker);
    });
  }

  #dispatch(invocation: Invocation, worker: string, res: ServerResponse): void {
    const { options, requestId } = invocation;
    const timeoutMs = options.timeoutMs ?? 3000;
    const json = (value: string | object) => (typeof value === "string" ? value : JSON.stringify(value));
    const headers: Record<string, string | number> = {
      "Content-Type": "application/json",
      "Content-Length": invocation.payload.length,
      "Lambda-Runtime-Aws-Request-Id": requestId,
      "Lambda-Runtime-Deadline-Ms": String(Date.now() + timeoutMs),
      "Lambda-Runtime-Invoked-Function-Arn": this.#options.functionArn ?? "arn:aws:lambda:us-east-1:000000000000:function:local",
      "Lambda-Runtime-Trace-Id": options.traceId ?? traceId(randomBytes),
    };
    if (options.clientContext !== undefined) headers["Lambda-Runtime-Client-Context"] = json(options.clientContext);
    if (options.cognitoIdentity !== undefined) headers["Lambda-Runtime-Cognito-Identity"] = json(options.cognitoIdentity);
    invocation.worker = worker;
    this.#running.set(requestId, invocation);
    this.#busy.set(worker, requestId);
    invocation.timer = setTimeout(() => {
      const seconds = (timeoutMs / 1000).toFixed(2);
      this.#finish(invocation, { ok: false, requestId, worker, error: { kind: "timeout", errorType: "Sandbox.Timedout", errorMessage: `Task timed out after ${seconds} seconds` } });
      this.#options.onTimeout?.(worker, requestId);
    }, timeoutMs);
    res.writeHead(200, headers);
    res.end(invocation.payload);
  }

  async #result(worker: string, requestId: string, kind: "response" | "error", req: IncomingMessage, res: ServerResponse): Promise<void> {
    const invocation = this.#running.get(requestId);
    if (!invocation || invocation.worker !== worker) {
      req.resume();
      return sendJson(res, 400, { errorType: "InvalidRequestID", errorMessage: "Invalid request ID" });
    }
    const streaming = kind === "response" && /^streaming$/i.test(String(req.headers["lambda-runtime-function-response-mode"] ?? ""));
    const limit = streaming ? MAX_STREAMED_RESPONSE_BYTES : MAX_RESPONSE_BYTES;
    const body = await readLimited(req, limit, streaming ? invocation.options.onChunk : undefined);
    if (!this.#running.has(requestId)) return sendJson(res, 400, { errorType: "InvalidRequestID", errorMessage: "Invalid request ID" }); // timed out meanwhile
    if (body === undefined) {
      this.#finish(invocation, {
        ok: false,
        requestId,
        worker,
        error: { kind: "response-too-large", errorType: "Function.ResponseSizeTooLarge", errorMessage: `Response payload size exceeded maximum allowed payload size (${limit} bytes).` },
      });
      return sendJson(res, 413, { errorType: "RequestEntityTooLarge", errorMessage: `Exceeded maximum allowed payload size (${limit} bytes).` });
    }
    const trailerType = req.trailers["lambda-runtime-function-error-type"];
    if (kind === "error" || trailerType) {
      const raw = kind === "error" ? body : Buffer.from(req.trailers["lambda-runtime-function-error-body"] ?? "", "base64");
      const header = kind === "error" ? req.headers["lambda-runtime-function-error-type"] : trailerType;
      this.#finish(invocation, { ok: false, requestId, worker, error: toFunctionError(raw, typeof header === "string" ? header : undefined, "function") });
    } else {
      this.#finish(invocation, { ok: true, requestId, worker, body });
    }
    sendJson(res, 202, { status: "OK" });
  }

  async #initError(worker: string, req: IncomingMessage, res: ServerResponse): Promise<void> {
    const body = (await readLimited(req, MAX_RESPONSE_BYTES)) ?? Buffer.alloc(0);
    const header = req.headers["lambda-runtime-function-error-type"];
    const error = toFunctionError(body, typeof header === "string" ? header : undefined, "init");
    // As in Lambda, the invocation that was waiting for this runtime to start fails with its init error.
    const waiting = this.#queue[0];
    if (waiting) this.#finish(waiting, { ok: false, requestId: waiting.requestId, worker, error });
    this.#options.onInitError?.(worker, error);
    sendJson(res, 202, { status: "OK" });
  }

  /** Ends an invocation once: settles its promise and frees its worker. */
  #finish(invocation: Invocation, result: InvokeResult): void {
    const queued = this.#queue.indexOf(invocation);
    if (queued >= 0) this.#queue.splice(queued, 1);
    else if (this.#running.get(invocation.requestId) !== invocation) return; // already ended
    this.#running.delete(invocation.requestId);
    if (invocation.worker !== undefined && this.#busy.get(invocation.worker) === invocation.requestId) this.#busy.delete(invocation.worker);
    clearTimeout(invocation.timer);
    invocation.unlisten?.();
    invocation.settle(result);
  }
}

function addressOf(server: Server): string {
  const { address, port } = server.address() as AddressInfo;
  return `${address.includes(":") ? `[${address}]` : address}:${port}`;
}

function closeServer(server: Server): Promise<void> {
  return new Promise<void>((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
}

function checkName(name: string): void {
  if (!WORKER_NAME.test(name) || name === "2018-06-01") {
    throw new Error(`Invalid worker name ${JSON.stringify(name)}: use letters, digits, ".", "_", "~" or "-".`);
  }
}
