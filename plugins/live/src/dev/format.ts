/** How `sst dev` prints what the relay and the workers report: one line per event, the function's name first. */
import type { RelayEvent } from "../relay/types.js";

/** A relay event as a line, or undefined for events not worth a line. */
export function formatRelayEvent(event: RelayEvent): string | undefined {
  switch (event.type) {
    case "invoke":
      return `➜ ${event.fn} invoked (${event.id})`;
    case "done":
      if (event.ok) return `✓ ${event.fn} done in ${event.durationMs} ms`;
      return [`✕ ${event.fn} failed in ${event.durationMs} ms: ${event.error?.errorType}: ${event.error?.errorMessage}`, ...(event.error?.stackTrace ?? []).map((l) => `    ${l}`)].join("\n");
    case "warning":
      return `! ${event.message}`;
    case "init":
    case "repeat":
      return undefined;
  }
}

/** A worker's log line, prefixed with its function. */
export function formatLog(line: { fn: string; text: string }): string {
  return `  ${line.fn} │ ${line.text}`;
}
