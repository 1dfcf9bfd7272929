/**
 * A Lambda runtime for Node.js handlers, run as a worker process by `sst dev`: it polls the Runtime API named in
 * `AWS_LAMBDA_RUNTIME_API` and calls the handler `_HANDLER` (`src/api.handler`, relative to `LAMBDA_TASK_ROOT`)
 * as Lambda's Node.js runtime does: async handlers, callback handlers, the `context` object, and
 * `awslambda.streamifyResponse` for response streaming. Started with `--enable-source-maps`, so stack traces
 * point at the user's sources.
 */
import { existsSync, statSync } from "node:fs";
import { request as httpRequest } from "node:http";
import { join } from "node:path";
import { PassThrough, Writable } from "node:stream";
import { pathToFileURL } from "node:url";

const api = process.env.AWS_LAMBDA_RUNTIME_API!;
const [host, ...base] = api.split("/");
const prefix = `${base.length ? `/${base.join("/")}` : ""}/2018-06-01/runtime`;
const STREAMING = Symbol.for("aws.lambda.runtime.handler.streaming");

type Handler = ((event: unknown, context: object, callback?: (error?: unknown, result?: unknown) => void) => unknown) & { [STREAMING]?: string };

/** One HTTP call to the Runtime API. `body` may be a stream (a streamed response). */
function call(method: string, path: string, headers: Record<string, string> = {}, body?: Buffer | PassThrough): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: Buffer }> {
  const [hostname, port] = host!.startsWith("[") ? [host!.slice(1, host!.indexOf("]")), host!.slice(host!.indexOf("]") + 2)] : host!.split(":");
  return new Promise((resolve, reject) => {
    const req = httpRequest({ hostname, port: Number(port), method, path: prefix + path, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on("error", reject);
    if (body instanceof PassThrough) body.pipe(req);
    else req.end(body);
  });
}

/** An error as the Runtime API takes it. */
function errorBody(error: unknown): { errorType: string; errorMessage: string; stackTrace: string[] } {
  if (error instanceof Error) {
    return { errorType: error.name || "Error", errorMessage: error.message, stackTrace: (error.stack ?? "").split("\n").slice(1).map((l) => l.trim()) };
  }
  return { errorType: "Error", errorMessage: typeof error === "string" ? error : JSON.stringify(error) ?? String(error), stackTrace: [] };
}

async function postError(path: string, error: unknown): Promise<void> {
  const body = errorBody(error);
  await call("POST", path, { "content-type": "application/json", "lambda-runtime-function-error-type": body.errorType }, Buffer.from(JSON.stringify(body)));
}

/** `awslambda`, the global Lambda's Node.js runtime gives handlers. */
function installGlobal(): void {
  class HttpResponseStream {
    /** Writes the HTTP metadata prelude a Function URL reads before the body. */
    static from(stream: Writable, prelude: object): Writable {
      stream.write(Buffer.concat([Buffer.from(JSON.stringify(prelude)), Buffer.alloc(8)]));
      return stream;
    }
  }
  (globalThis as Record<string, unknown>).awslambda = {
    streamifyResponse(handler: Handler): Handler {
      handler[STREAMING] = "response";
      return handler;
    },
    HttpResponseStream,
  };
}

/** The handler module as loaded: reloaded when `sst dev` rebuilds it in place (its file's mtime changes). */
interface Loaded {
  handler: Handler;
  path: string;
  mtimeMs: number;
}

function handlerPath(): { path: string; file: string; name: string } {
  const root = process.env.LAMBDA_TASK_ROOT ?? process.cwd();
  const spec = process.env._HANDLER ?? "index.handler";
  const dot = spec.lastIndexOf(".");
  const [file, name] = [spec.slice(0, dot), spec.slice(dot + 1)];
  const path = [".mjs", ".js", ".cjs", ""].map((ext) => join(root, file + ext)).find((p) => existsSync(p));
  if (!path) throw Object.assign(new Error(`Cannot find the handler module "${file}" in ${root}`), { name: "Runtime.ImportModuleError" });
  return { path, file, name };
}

/**
 * Imports the handler. A rebuilt bundle is imported again under a new URL (`?v=<mtime>`), which evaluates it
 * afresh in this process: the new code runs on the next invocation without starting a process. The old
 * module stays in memory; `sst dev` replaces a worker after many reloads.
 */
async function loadHandler(): Promise<Loaded> {
  const { path, file, name } = handlerPath();
  const mtimeMs = statSync(path).mtimeMs;
  const mod = (await import(`${pathToFileURL(path).href}?v=${mtimeMs}`)) as Record<string, unknown>;
  const handler = (mod[name] ?? (mod.default as Record<string, unknown> | undefined)?.[name]) as Handler | undefined;
  if (typeof handler !== "function") throw Object.assign(new Error(`${file}.${name} is not a function`), { name: "Runtime.HandlerNotFound" });
  return { handler, path, mtimeMs };
}

/** The loaded handler, or a new load when its file changed since. */
async function current(loaded: Loaded): Promise<Loaded> {
  let mtimeMs: number;
  try {
    mtimeMs = statSync(loaded.path).mtimeMs;
  } catch {
    return loaded; // being rewritten: keep the code that is loaded
  }
  return mtimeMs === loaded.mtimeMs ? loaded : loadHandler();
}

function contextFor(headers: Record<string, string | string[] | undefined>) {
  const deadline = Number(headers["lambda-runtime-deadline-ms"]);
  const header = (name: string) => (typeof headers[name] === "string" ? (headers[name] as string) : undefined);
  const json = (name: string) => (header(name) ? JSON.parse(header(name)!) : undefined);
  return {
    awsRequestId: header("lambda-runtime-aws-request-id")!,
    invokedFunctionArn: header("lambda-runtime-invoked-function-arn"),
    functionName: process.env.AWS_LAMBDA_FUNCTION_NAME,
    functionVersion: process.env.AWS_LAMBDA_FUNCTION_VERSION,
    memoryLimitInMB: process.env.AWS_LAMBDA_FUNCTION_MEMORY_SIZE,
    logGroupName: process.env.AWS_LAMBDA_LOG_GROUP_NAME,
    logStreamName: process.env.AWS_LAMBDA_LOG_STREAM_NAME,
    clientContext: json("lambda-runtime-client-context"),
    identity: json("lambda-runtime-cognito-identity"),
    callbackWaitsForEmptyEventLoop: true,
    getRemainingTimeInMillis: () => Math.max(0, deadline - Date.now()),
  };
}

/** Calls a buffered handler: a returned promise or the callback, whichever comes first. */
function invokeBuffered(handler: Handler, event: unknown, context: object): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const callback = (error?: unknown, result?: unknown) => (error ? reject(error) : resolve(result));
    try {
      const out = handler(event, context, callback);
      if (out && typeof (out as Promise<unknown>).then === "function") (out as Promise<unknown>).then(resolve, reject);
      else if (handler.length < 3) resolve(out);
    } catch (error) {
      reject(error);
    }
  });
}

async function main(): Promise<void> {
  installGlobal();
  let loaded: Loaded;
  try {
    loaded = await loadHandler();
  } catch (error) {
    await postError("/init/error", error);
    process.exit(1);
  }
  for (;;) {
    const next = await call("GET", "/invocation/next");
    const id = next.headers["lambda-runtime-aws-request-id"] as string;
    try {
      loaded = await current(loaded);
    } catch (error) {
      // The new code does not load (a top-level throw): this invocation fails with why; the next tries again.
      await postError(`/invocation/${id}/error`, error);
      continue;
    }
    const handler = loaded.handler;
    const context = contextFor(next.headers);
    let event: unknown;
    try {
      event = next.body.length ? JSON.parse(next.body.toString()) : null;
    } catch {
      event = next.body.toString();
    }
    if (handler[STREAMING] === "response") {
      const stream = new PassThrough();
      const posted = call("POST", `/invocation/${id}/response`, { "lambda-runtime-function-response-mode": "streaming", "transfer-encoding": "chunked" }, stream);
      try {
        await (handler as unknown as (e: unknown, s: Writable, c: object) => Promise<unknown>)(event, stream, context);
        if (!stream.writableEnded) stream.end();
      } catch (error) {
        stream.destroy(error instanceof Error ? error : new Error(String(error)));
      }
      await posted.catch(() => undefined);
      continue;
    }
    try {
      const result = await invokeBuffered(handler, event, context);
      await call("POST", `/invocation/${id}/response`, { "content-type": "application/json" }, Buffer.from(JSON.stringify(result ?? null)));
    } catch (error) {
      await postError(`/invocation/${id}/error`, error);
    }
  }
}

void main();
