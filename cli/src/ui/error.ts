/**
 * Renders a failure: a user error is its message (with location and hint) on stderr and no stack trace;
 * anything else is an unexpected error, shown with its stack only under `--verbose`. Always exit code 1.
 */
import { isSSTError } from "@sst/core/errors";

export function renderError(error: unknown, verbose: boolean, write: (line: string) => void = (l) => process.stderr.write(l + "\n")): number {
  if (isSSTError(error)) {
    write(`✕ ${error.message}`);
    if (error.hint) write(`  ${error.hint.split("\n").join("\n  ")}`);
    if (verbose && error.cause instanceof Error && error.cause.stack) write(error.cause.stack);
    return 1;
  }
  const message = error instanceof Error ? error.message : String(error);
  write(`✕ Unexpected error: ${message}`);
  if (verbose && error instanceof Error && error.stack) write(error.stack);
  else write("  Run again with --verbose for details.");
  return 1;
}
