/**
 * Renders a failure: a user error is its message (with location and hint) on stderr, then its stable code
 * (`  error code E_CONFIG_EMPTY`: what to search for, and what tests match on), and no stack trace; anything
 * else is an unexpected error, shown with its stack only under `--verbose`. Always exit code 1.
 */
import { isSSTError } from "@sst/core/errors";
import { logger } from "./logger.js";

export function renderError(error: unknown, verbose: boolean): number {
  // One `logger.error` call: the `✕` goes on the first line, the hint (indented) and the stack follow.
  const lines: string[] = [];
  if (isSSTError(error)) {
    lines.push(error.message);
    if (error.hint) lines.push(`  ${error.hint.split("\n").join("\n  ")}`);
    lines.push(`  error code ${error.code}`);
    if (verbose && error.cause instanceof Error && error.cause.stack) lines.push(error.cause.stack);
  } else {
    lines.push(`Unexpected error: ${error instanceof Error ? error.message : String(error)}`);
    if (verbose && error instanceof Error && error.stack) lines.push(error.stack);
    else lines.push("  Run again with --verbose for details.");
  }
  logger.error(lines.join("\n"));
  return 1;
}
