/** HTTP details of the Runtime API server: bounded body reads, JSON replies, error bodies, trace ids. */
import type { IncomingMessage, ServerResponse } from "node:http";
import type { FunctionError } from "./types.js";

/** A JSON reply; a reply to a request whose client went away is dropped. */
export function sendJson(res: ServerResponse, status: number, body: object): void {
  if (res.headersSent || res.destroyed) return;
  const text = JSON.stringify(body);
  res.writeHead(status, { "Content-Type": "application/json", "Content-Length": Buffer.byteLength(text) });
  res.end(text);
}

/**
 * The request's body, or undefined when it is longer than `limit` bytes. A longer body is still read to its end
 * (and dropped), so the runtime gets the 413 instead of a broken connection. `onData` sees each piece as it
 * arrives, up to the limit (a streamed response).
 */
export function readLimited(req: IncomingMessage, limit: number, onData?: (chunk: Buffer) => void): Promise<Buffer | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limit) onData?.(chunk);
      if (size <= limit) chunks.push(chunk);
      else chunks.length = 0;
    });
    req.on("end", () => resolve(size <= limit ? Buffer.concat(chunks) : undefined));
    req.on("error", reject);
  });
}

/**
 * A runtime's error body (`{"errorMessage", "errorType", "stackTrace"}`) as a `FunctionError`. The type is the
 * body's, else the `Lambda-Runtime-Function-Error-Type` header's, else `Unhandled`; a body that is not that JSON
 * becomes the message.
 */
export function toFunctionError(body: Buffer, headerType: string | undefined, kind: FunctionError["kind"]): FunctionError {
  const text = body.toString("utf8");
  let parsed: { errorMessage?: unknown; errorType?: unknown; stackTrace?: unknown } | undefined;
  try {
    const value = JSON.parse(text) as unknown;
    if (value && typeof value === "object" && !Array.isArray(value)) parsed = value as typeof parsed;
  } catch {
    parsed = undefined;
  }
  const errorType = typeof parsed?.errorType === "string" && parsed.errorType ? parsed.errorType : headerType || "Unhandled";
  const errorMessage = parsed ? (typeof parsed.errorMessage === "string" ? parsed.errorMessage : "") : text;
  const stack = parsed?.stackTrace;
  const stackTrace = Array.isArray(stack) ? stack.map((line) => (typeof line === "string" ? line : JSON.stringify(line))) : undefined;
  return { kind, errorType, errorMessage, ...(stackTrace ? { stackTrace } : {}) };
}

/** A fresh X-Ray trace header, not sampled: `Root=1-<time>-<24 hex>;Parent=<16 hex>;Sampled=0`. */
export function traceId(random: (size: number) => Buffer): string {
  const time = Math.floor(Date.now() / 1000).toString(16).padStart(8, "0");
  return `Root=1-${time}-${random(12).toString("hex")};Parent=${random(8).toString("hex")};Sampled=0`;
}
