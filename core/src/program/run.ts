/**
 * Runs the user's `run()` as a Pulumi program: installs the globals, routes every resource through the
 * kernel's `transform` hook, calls the `program` hooks, and records the app's links (as `sst:sst:LinkRef`
 * components, so the CLI can read them back from state). Must be called inside a Pulumi stack: the engine's
 * inline program, or `synth` offline.
 */
import * as pulumi from "@pulumi/pulumi";
import type { ResolvedApp } from "../config/types.js";
import type { ProgramContext } from "../hooks.js";
import { BuildOwner } from "../build/owner.js";
import type { BuildOptions } from "../build/types.js";
import type { Kernel } from "../kernel.js";
import { announceComponents, dropAnnouncements } from "../component/announce.js";
import { LinkRef } from "../link/link-ref.js";
import { recordedLinks } from "../link/resolve.js";
import { type ActiveProgram, withProgram } from "./context.js";
import { owningComponent } from "./core-taps.js";
import { createGlobals, installGlobals } from "./globals.js";
import { loadProviders } from "./provider-namespaces.js";
import { createDefaultProviders } from "./default-providers.js";
import { programOutputs } from "./outputs.js";

export interface RunProgramOptions {
  kernel: Kernel;
  app: ResolvedApp;
  /** The app root (directory of `sst.config.ts`). */
  root: string;
  /** The user's `run()`. */
  run: () => unknown;
  dev?: boolean;
  /** Secret values by name. Default: every `SST_SECRET_<Name>` in `process.env`. */
  secrets?: Record<string, string | undefined>;
  /**
   * The stage's link secret (base64 of 32 bytes, from the home), which `linkArtifact` derives link-file keys
   * from; a function is called (once) only when a component first encodes links, so a run that encodes none
   * never creates one. Without it `linkArtifact` fails; `synth` passes a fixed test secret unless given one.
   */
  linkSecret?: string | (() => Promise<string>);
  /** Bootstrap results by home or plugin name (see `runBootstrap`), for `useBootstrap`. Default: none. */
  bootstrap?: Record<string, unknown>;
  /** How the functions the program requests are built (`requestBuild`). Default: built, SST_BUILD_CONCURRENCY at once. */
  build?: BuildOptions;
}

/** The link secret as the program reads it: fetched at most once, on first use. */
function once(secret: RunProgramOptions["linkSecret"]): (() => Promise<string>) | undefined {
  if (!secret) return undefined;
  let pending: Promise<string> | undefined;
  return () => (pending ??= typeof secret === "string" ? Promise.resolve(secret) : secret());
}

export function secretsFromEnv(env: NodeJS.ProcessEnv = process.env): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(env)) {
    if (key.startsWith("SST_SECRET_") && value !== undefined) out[key.slice("SST_SECRET_".length)] = value;
  }
  return out;
}

/** Runs the program and returns its outputs (what `run()` returned, with outputs of links resolved by Pulumi). */
export interface ProgramOutcome {
  outputs: Record<string, unknown>;
  /** Directories registered with `registerReceiver`. */
  receivers: string[];
}

export async function runProgram(options: RunProgramOptions): Promise<ProgramOutcome> {
  const { kernel, app, root } = options;
  const program: ActiveProgram = {
    hooks: kernel.hooks,
    registry: kernel.registry,
    plugin: (name) => kernel.plugin(name),
    app,
    root,
    dev: options.dev ?? false,
    secrets: options.secrets ?? secretsFromEnv(),
    componentTransforms: new Map(),
    names: new Map(),
    linkables: new Map(),
    linkSecret: once(options.linkSecret),
    wraps: new Map(),
    receivers: new Set(),
    bootstrap: Object.freeze({ ...options.bootstrap }),
    providers: new Map(),
    builds: new BuildOwner({ kernel, root, dev: options.dev ?? false, build: options.build }),
  };
  return withProgram(program, async () => {
    const globals = createGlobals({ app, root, dev: program.dev, registry: kernel.registry });
    const modules = await loadProviders(app, root, kernel.registry);
    Object.assign(globals, modules);
    // Before the transform hook is registered: the default providers are not resources the taps change.
    program.providers = createDefaultProviders(kernel, app, modules);
    const context: ProgramContext = { app, root, dev: program.dev, globals, bootstrap: program.bootstrap };
    pulumi.runtime.registerStackTransformation((args) => {
      const value = kernel.hooks.transform.call(
        { props: args.props as Record<string, any>, opts: args.opts },
        { type: args.type, name: args.name, resource: args.resource, component: owningComponent(args.opts.parent) },
      );
      return { props: value.props, opts: value.opts };
    });
    await kernel.hooks.program.before.promise(context);
    const restore = installGlobals(globals);
    let outputs: Record<string, unknown>;
    try {
      let returned: unknown;
      try {
        returned = await options.run();
      } catch (error) {
        dropAnnouncements(program);
        throw error;
      }
      // Every component run() made is fully constructed: the `component` taps have run before links resolve.
      announceComponents(program);
      outputs = programOutputs(returned);
      for (const link of recordedLinks(program)) new LinkRef(link);
    } catch (error) {
      await program.builds.abandon();
      throw error;
    } finally {
      restore();
    }
    await program.builds.settle();
    await kernel.hooks.program.after.promise(context, { outputs, builds: [...program.builds.records] });
    announceComponents(program);
    return { outputs, receivers: [...program.receivers] };
  });
}
