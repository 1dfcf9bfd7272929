/**
 * Errors the user's code throws after `run()` has returned, inside an Output's `apply`: nothing awaits
 * them, so they surface as unhandled rejections, which Node turns into a crash with a stack trace and
 * the engine into "Unhandled exception" with Pulumi's stack. While collecting, they are kept instead
 * (the first one is the cause), so the command can report it as the program's error.
 */
export interface StrayErrors {
  /** The first error that surfaced, if any. */
  readonly first: unknown;
  /** Stops collecting. */
  stop(): void;
}

export function collectStrayErrors(): StrayErrors {
  const state: { first: unknown; seen: boolean } = { first: undefined, seen: false };
  const onRejection = (reason: unknown) => {
    if (state.seen) return;
    state.seen = true;
    state.first = reason;
  };
  process.on("unhandledRejection", onRejection);
  return {
    get first() {
      return state.first;
    },
    stop: () => void process.off("unhandledRejection", onRejection),
  };
}
