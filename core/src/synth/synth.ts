/**
 * Offline synth: runs a whole program under Pulumi's mock runtime and returns the resource graph. No
 * engine, no network, no credentials. Each synth gets its own Pulumi runtime store, so synths in one process
 * do not see each other.
 */
import * as pulumi from "@pulumi/pulumi";
import { createRequire } from "node:module";
import { readLinkRef, LINK_REF_TYPE } from "../link/link-ref.js";
import { assertOutputsSerialisable } from "../program/outputs.js";
import { runProgram, type RunProgramOptions } from "../program/run.js";
import { collectStrayErrors } from "../program/stray-errors.js";
import type { SynthLink, SynthResource, SynthResult } from "./graph.js";
import { recordInto } from "./recorder.js";
import { redact } from "./redact.js";

const require = createRequire(import.meta.url);
// Internal modules of @pulumi/pulumi: the per-run store and the monitor. Both are stable across 3.x.
const pulumiState = require("@pulumi/pulumi/runtime/state.js") as { withLocalStorage<T>(fn: () => T): T };
const pulumiSettings = require("@pulumi/pulumi/runtime/settings.js") as {
  getMonitor(): any;
  disconnect(): Promise<void>;
};

/**
 * The link secret of a synth not given one: fixed, so two synths of the same program encode the same link
 * files. Not secret; never the secret of a deployed stage (the CLI passes the home's).
 */
export const TEST_LINK_SECRET = Buffer.alloc(32, "sst-synth-link-secret").toString("base64");

export interface SynthOptions extends RunProgramOptions {
  /**
   * Mock behaviour. By default a created resource's state is its inputs and its id is `<name>-id`; an invoke
   * returns its inputs.
   */
  mocks?: Partial<pulumi.runtime.Mocks>;
  /** Builds are skipped unless asked for: `build: {}` builds every requested function for real. */
  build?: RunProgramOptions["build"];
}

export async function synth(options: SynthOptions): Promise<SynthResult> {
  const { app } = options;
  const resources: SynthResource[] = [];
  return pulumiState.withLocalStorage(async () => {
    await pulumi.runtime.setMocks(
      {
        newResource: options.mocks?.newResource ?? ((a) => ({ id: a.custom ? `${a.name}-id` : undefined, state: a.inputs })),
        call: options.mocks?.call ?? ((a) => a.inputs),
      },
      app.name,
      app.stage,
      false,
    );
    recordInto(pulumiSettings.getMonitor(), app.name, app.stage, resources);
    let outputs: Record<string, unknown> = {};
    let receivers: string[] = [];
    let failure: unknown;
    const stray = collectStrayErrors();
    let resolved: Record<string, unknown> = {};
    try {
      let programDone: Promise<void> = Promise.resolve();
      const run = pulumi.runtime.runInPulumiStack(async () => {
        programDone = (async () => {
          try {
            const build = options.build ?? { skip: true };
            ({ outputs, receivers } = await runProgram({ ...options, secrets: options.secrets ?? {}, linkSecret: options.linkSecret ?? TEST_LINK_SECRET, build }));
          } catch (error) {
            failure = error;
          }
        })();
        await programDone;
        return {};
      });
      // An error in an apply (or a failed build) fails the resource it feeds, whose outputs then never resolve
      // under mocks: whatever waits on them (a component's registered outputs) would keep the run and the
      // disconnect waiting forever. So the first such error (not a build failure: the owner reports those when the
      // program ends) ends the wait, once the program itself is done.
      const stop = stray.surfaced.then(() => programDone);
      await Promise.race([run, stop]);
      // A failed program (a build error) is not waited on either: the resources fed by the failed build hold the
      // disconnect the same way.
      if (failure === undefined) await Promise.race([pulumiSettings.disconnect(), stop]);
      if (!failure) resolved = await resolveOutputs(referenceResources(outputs) as Record<string, unknown>);
    } catch (error) {
      failure ??= error;
    } finally {
      // Rejections are reported once the microtasks of a turn have run: let that happen while collecting.
      await new Promise((resolve) => setImmediate(resolve));
      stray.stop();
    }
    failure ??= stray.first;
    if (failure) throw failure;
    return { app: { name: app.name, stage: app.stage }, resources, outputs: resolved, links: linksOf(resources), receivers };
  });
}

/**
 * A resource in what `run()` returned stands for its URN, `{ resource: urn }` (as Pulumi's resource references
 * do); walking into the object itself would dump the SDK's internals, or never end on a component's cycles.
 */
function referenceResources(value: unknown): unknown {
  if (pulumi.Resource.isInstance(value)) return { resource: value.urn };
  if (Array.isArray(value)) return value.map(referenceResources);
  if (value && typeof value === "object" && Object.getPrototypeOf(value) === Object.prototype) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, referenceResources(v)]));
  }
  return value;
}

/** Resolves Outputs nested anywhere in `value`, keeping secrets out. */
async function resolveOutputs(value: Record<string, unknown>): Promise<Record<string, unknown>> {
  const out = pulumi.output(value) as unknown as pulumi.Output<Record<string, unknown>>;
  // `promise()` (unlike a callback passed to apply) rejects when an apply in the user's code threw.
  const plain = (await (out as any).promise()) as Record<string, unknown>;
  assertOutputsSerialisable(plain);
  const secret = await (out as any).isSecret;
  if (secret) {
    // Secrets anywhere make the whole Output secret; redact per key instead of hiding everything.
    const entries = await Promise.all(
      Object.entries(value).map(async ([k, v]) => {
        const o = pulumi.output(v) as any;
        return [k, (await o.isSecret) ? "[secret]" : await o.promise()] as const;
      }),
    );
    return redact(Object.fromEntries(entries)) as Record<string, unknown>;
  }
  return redact(plain) as Record<string, unknown>;
}

function linksOf(resources: SynthResource[]): SynthLink[] {
  return resources.flatMap((r) => (r.type === LINK_REF_TYPE ? (readLinkRef(r.outputs) ?? []) : []));
}
