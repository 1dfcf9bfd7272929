/** Build messages: where in the user's code an error is, from esbuild's messages or a builder's own. */
import type { Message } from "esbuild";
import { basename, isAbsolute, relative } from "node:path";
import type { BuildMessage } from "../hooks.js";

/**
 * esbuild's errors (`BuildFailure.errors`, `result.errors`) as build messages, for a builder's `errors`:
 * `catch (e) { return { handler, out, errors: esbuildMessages(e.errors) } }`.
 */
export function esbuildMessages(messages: readonly Message[]): BuildMessage[] {
  return messages.map((m) =>
    m.location
      ? { message: m.text, file: m.location.file, line: m.location.line, column: m.location.column + 1 }
      : { message: m.text },
  );
}

/** `src/api.ts:3:7` (relative to `root` when inside it), or undefined without a file. */
export function formatLocation(message: BuildMessage, root: string): string | undefined {
  if (!message.file) return undefined;
  const file = isAbsolute(message.file) ? relative(root, message.file) || basename(message.file) : message.file;
  return [file, message.line, message.line !== undefined ? message.column : undefined].filter((p) => p !== undefined).join(":");
}

/** `src/api.ts:3:7: Expected ";"`, or the bare message when there is no file. */
export function formatMessage(message: string | BuildMessage, root: string): string {
  if (typeof message === "string") return message;
  const where = formatLocation(message, root);
  return where ? `${where}: ${message.message}` : message.message;
}
