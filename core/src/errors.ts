/**
 * The one user-error class. Every error a user can fix carries a stable code, the input it is about, and a
 * hint. Colour and stack traces are decided by the CLI at render time, never here.
 */
export interface Problem {
  /** Stable code, `E_CONFIG_HOME_MISSING` style. */
  code: string;
  /** What is wrong: names the input and the bad value. */
  message: string;
  /** How to fix it. */
  hint?: string;
}

export class SSTError extends Error {
  readonly code: string;
  readonly hint?: string;
  /** The file (and line) the error is about, when known: `sst.config.ts:12:3`. */
  readonly location?: string;
  /** Every problem found, so one run reports them all. The first is also `code`/`message`. */
  readonly problems: Problem[];

  constructor(problem: Problem | Problem[], options: { cause?: unknown; location?: string } = {}) {
    const problems = Array.isArray(problem) ? problem : [problem];
    if (problems.length === 0) throw new TypeError("SSTError needs at least one problem");
    const first = problems[0]!;
    const message =
      problems.length === 1
        ? first.message
        : `${problems.length} problems:\n` + problems.map((p) => `  - ${p.message}`).join("\n");
    super(message, { cause: options.cause });
    // Pulumi prefixes the message of an error thrown while it serialises a resource's inputs (`error serializing
    // property "x": ...`, once per level): a user error keeps the message written for the user.
    // (A setter that ignores the write: assigning to a read-only property would throw in Pulumi's strict code.)
    Object.defineProperty(this, "message", { get: () => message, set: () => undefined, enumerable: false, configurable: true });
    this.name = "SSTError";
    this.code = first.code;
    // Problems of one kind share a hint: say it once.
    this.hint = problems.length === 1 ? first.hint : [...new Set(problems.map((p) => p.hint).filter(Boolean))].join("\n") || undefined;
    this.location = options.location;
    this.problems = problems;
  }
}

/** True for errors meant for the user (rendered without a stack trace). */
export function isSSTError(error: unknown): error is SSTError {
  return error instanceof Error && (error as { name?: string }).name === "SSTError" && "code" in error;
}

/** Raised when a plugin's tap throws: names the plugin and the hook, keeps the original as `cause`. */
export class PluginError extends SSTError {
  readonly plugin: string;
  readonly hook: string;
  constructor(plugin: string, hook: string, cause: unknown) {
    const reason = cause instanceof Error ? cause.message : String(cause);
    super(
      { code: "E_PLUGIN_FAILED", message: `Plugin "${plugin}" failed in hook "${hook}": ${reason}` },
      { cause },
    );
    this.name = "SSTError";
    this.plugin = plugin;
    this.hook = hook;
  }
}
