/**
 * Errors the user's code throws after `run()` has returned, inside an Output's `apply`: nothing awaits
 * them, so they surface as unhandled rejections, which Node turns into a crash with a stack trace and
 * the engine into "Unhandled exception" with Pulumi's stack. While collecting, they are kept instead
 * (the first one is the cause), so the command can report it as the program's error.
 */
import { isBuildFailure } from "../build/errors.js";

export interface StrayErrors {
  /** The first error that surfaced, if any. */
  readonly first: unknown;
  /**
   * Settles when the first error other than an already reported build failure surfaces (never otherwise): a run
   * under mocks races it, since the outputs of a resource whose inputs failed never resolve, and a component
   * registering them would wait forever.
   */
  readonly surfaced: Promise<void>;
  /** Stops collecting. */
  stop(): void;
}

export function collectStrayErrors(): StrayErrors {
  const state: { first: unknown; seen: boolean } = { first: undefined, seen: false };
  let signal!: () => void;
  const surfaced = new Promise<void>((resolve) => (signal = resolve));
  const onRejection = (reason: unknown) => {
    if (state.seen) return;
    state.seen = true;
    state.first = reason;
    if (!isBuildFailure(reason)) signal();
  };
  process.on("unhandledRejection", onRejection);
  return {
    get first() {
      return state.first;
    },
    surfaced,
    stop: () => void process.off("unhandledRejection", onRejection),
  };
}
