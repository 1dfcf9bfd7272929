/**
 * `@sst/core/testing`: unit-test infrastructure offline. Run a program (inline or a real `sst.config.ts`)
 * under Pulumi's mocks and query the resource graph.
 *
 * @example
 * const graph = await synthApp({ plugins: [aws()], run() { new sst.aws.Bucket("Media") } });
 * graph.expectInputs(graph.byType("aws:s3/bucketV2:BucketV2")[0], { forceDestroy: true });
 */
import { loadApp } from "../config/load.js";
import type { App, ResolvedApp } from "../config/types.js";
import { validateApp } from "../config/validate.js";
import { Kernel } from "../kernel.js";
import type { Plugin } from "../plugin.js";
import type { RunProgramOptions } from "../program/run.js";
import { synth } from "../synth/synth.js";
import type * as pulumi from "@pulumi/pulumi";
import { Graph } from "./graph.js";

export { Graph, matches } from "./graph.js";
export type { SynthResource, SynthResult, SynthLink } from "../synth/graph.js";

export interface SynthAppOptions {
  /** The program, as in `sst.config.ts`'s `run()`. */
  run: () => unknown;
  plugins?: Plugin[];
  /** App config; defaults to `{ name: "app", home: "local" }`. */
  app?: Partial<App>;
  /** Default `"test"`. */
  stage?: string;
  /** Directory the app lives in (for `$asset` and providers). Default: cwd. */
  root?: string;
  /** Values of `sst.Secret`s by name. */
  secrets?: Record<string, string>;
  /**
   * The stage's link secret (base64 of 32 bytes) that `linkArtifact` keys derive from, or a function fetching it
   * on first use. Default: a fixed test secret.
   */
  linkSecret?: RunProgramOptions["linkSecret"];
  dev?: boolean;
  mocks?: Partial<pulumi.runtime.Mocks>;
  /** The kernel to use; a new one with `plugins` otherwise. */
  kernel?: Kernel;
  /** A CLI version to check `app.version` against; by default the range is only checked for syntax. */
  cliVersion?: string;
  /**
   * Build the functions the program requests (`requestBuild`) through the plugins' builders, into
   * `<root>/.sst/artifacts/`. Default `false`: every artifact is a placeholder marked `skipped`.
   */
  build?: boolean;
}

/** Synthesises an inline program. */
export async function synthApp(options: SynthAppOptions): Promise<Graph> {
  const kernel = options.kernel ?? new Kernel({ plugins: options.plugins });
  const app: ResolvedApp = validateApp({ name: "app", home: "local", ...options.app }, options.stage ?? "test", options.cliVersion);
  const result = await synth({
    kernel,
    app,
    root: options.root ?? process.cwd(),
    run: options.run,
    dev: options.dev,
    secrets: options.secrets ?? {},
    linkSecret: options.linkSecret,
    mocks: options.mocks,
    build: { skip: !options.build },
  });
  return new Graph(result);
}

/** Loads a real `sst.config.ts` (from `cwd` upward, or `config`) and synthesises it. */
export async function synthConfig(options: {
  cwd?: string;
  config?: string;
  stage?: string;
  plugins?: Plugin[];
  secrets?: Record<string, string>;
  /** A CLI version to check the config's `version` against; by default the range is only checked for syntax. */
  cliVersion?: string;
  /** Build the functions the program requests, as `synthApp`'s `build`. Default `false`. */
  build?: boolean;
}): Promise<Graph> {
  const kernel = new Kernel({ plugins: options.plugins });
  const loaded = await loadApp({
    kernel,
    stage: options.stage ?? "test",
    cliVersion: options.cliVersion,
    cwd: options.cwd,
    config: options.config,
    command: "test",
  });
  return new Graph(await synth({ kernel, app: loaded.app, root: loaded.root, run: loaded.run, secrets: options.secrets ?? {}, build: { skip: !options.build } }));
}
