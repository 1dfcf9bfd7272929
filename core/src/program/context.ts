/**
 * The program being run right now. Components, links and secrets are created inside `run()` without a
 * kernel argument (the docs' API has none), so they find it here. A run sets it and clears it when done.
 */
import type * as pulumi from "@pulumi/pulumi";
import type { KernelHooks } from "../hooks.js";
import type { Plugin } from "../plugin.js";
import type { Registries } from "../registries.js";
import type { ResolvedApp } from "../config/types.js";
import { SSTError } from "../errors.js";
import type { LinkPayload } from "../link/types.js";
import type { BuildOwner } from "../build/owner.js";

/** A linkable resource as the program knows it: name and type taken once, its payload computed once. */
export interface LinkSource {
  name: string;
  /** `sst.aws.Bucket` style. */
  type: string;
  resource: object;
  /** Top-level (its name passed the app-wide check): recorded in the state as a `LinkRef`. */
  recorded: boolean;
  /** What `getSSTLink()` (or a `Linkable.wrap` override) returned, on first use. */
  payload?: LinkPayload;
}

export type ComponentTransformFn = (args: any, opts: any, name: string) => void;

/**
 * What component code can reach while `run()` runs: the kernel's hooks and registries and its plugins by name,
 * not the kernel itself (adding plugins or taps mid-run is not a thing a component may do).
 */
export interface ActiveProgram {
  hooks: KernelHooks;
  registry: Registries;
  /** A plugin of this app by name (for its options), or undefined. */
  plugin(name: string): Plugin | undefined;
  app: ResolvedApp;
  root: string;
  dev: boolean;
  /** `SST_SECRET_<Name>` values; the CLI fills them from the home, tests pass them in. */
  secrets: Record<string, string | undefined>;
  /** `$transform` callbacks for SST components, by Pulumi type, in registration order. */
  componentTransforms: Map<string, ComponentTransformFn[]>;
  /** Top-level names taken so far, lower-cased → the name as written. */
  names: Map<string, string>;
  /** Every linkable the program knows, by resource, in creation order: one record each (`link/resolve.ts`). */
  linkables: Map<object, LinkSource>;
  /** The stage's link secret (base64), which link-file keys derive from, fetched on first use; the CLI passes the home's. */
  linkSecret?: () => Promise<string>;
  /** `Linkable.wrap` overrides, by link type (`aws.s3/bucketV2.BucketV2`). */
  wraps: Map<string, (resource: any) => LinkPayload>;
  /** Directories of code that receives links (for `sst-env.d.ts`), relative to the root or absolute. */
  receivers: Set<string>;
  /** Bootstrap results by home or plugin name (`useBootstrap`). */
  bootstrap: Readonly<Record<string, unknown>>;
  /** The default providers created for this run, by provider name (`useProvider`). */
  providers: Map<string, pulumi.ProviderResource>;
  /** Builds what the program's functions request (`requestBuild`). */
  builds: BuildOwner;
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
