/**
 * The program being run right now. Components, links and secrets are created inside `run()` without a
 * kernel argument (the docs' API has none), so they find it here. A run sets it and clears it when done.
 */
import type { Kernel } from "../kernel.js";
import type { ResolvedApp } from "../config/types.js";
import { SSTError } from "../errors.js";
import type { Linkable, LinkPayload } from "../link/types.js";

export type ComponentTransformFn = (args: any, opts: any, name: string) => void;

export interface ActiveProgram {
  kernel: Kernel;
  app: ResolvedApp;
  root: string;
  dev: boolean;
  /** `SST_SECRET_<Name>` values; the CLI fills them from the home, tests pass them in. */
  secrets: Record<string, string | undefined>;
  /** `$transform` callbacks for SST components, by Pulumi type, in registration order. */
  componentTransforms: Map<string, ComponentTransformFn[]>;
  /** Top-level names taken so far, lower-cased → the name as written. */
  names: Map<string, string>;
  /** Top-level linkables, in creation order. */
  linkables: { name: string; type: string; resource: Linkable }[];
  /** `Linkable.wrap` overrides, by Pulumi type. */
  wraps: Map<string, (resource: any) => LinkPayload>;
  /** Directories of code that receives links (for `sst-env.d.ts`), relative to the root or absolute. */
  receivers: Set<string>;
}

// Kept on globalThis, not in a module variable: an app can end up with two copies of @sst/core (the CLI's
// and a plugin's), and both must see the same running program.
const ACTIVE = Symbol.for("sst.core.activeProgram");
const slot = globalThis as unknown as { [ACTIVE]?: ActiveProgram };

/** @internal Sets the active program for the duration of `fn`. */
export async function withProgram<T>(program: ActiveProgram, fn: () => Promise<T>): Promise<T> {
  if (slot[ACTIVE]) {
    throw new SSTError({
      code: "E_PROGRAM_RUNNING",
      message: "Another SST program is already running in this process; run programs one after another.",
    });
  }
  slot[ACTIVE] = program;
  try {
    return await fn();
  } finally {
    slot[ACTIVE] = undefined;
  }
}

/** The active program; throws a user error when called outside `run()`. */
export function useProgram(what = "SST components"): ActiveProgram {
  const active = slot[ACTIVE];
  if (!active) {
    throw new SSTError({
      code: "E_OUTSIDE_RUN",
      message: `${what} can only be created inside the run() function of sst.config.ts.`,
      hint: "Move the code into `async run() { ... }`.",
    });
  }
  return active;
}

/** The active program or undefined (for code that also runs outside a program). */
export function peekProgram(): ActiveProgram | undefined {
  return slot[ACTIVE];
}

/**
 * Declares that the code in `dir` receives links (a function's handler directory, a site's path), so
 * `sst-env.d.ts` is written next to its nearest `package.json`.
 */
export function registerReceiver(dir: string): void {
  useProgram("Link receivers").receivers.add(dir);
}
