/**
 * `@sst/core/testing`: unit-test infrastructure offline. Run a program (inline or a real `sst.config.ts`)
 * under Pulumi's mocks and query the resource graph. No config file, engine, network or credentials.
 *
 * @example
 * const graph = await synth({ plugins: [aws()], run() { new sst.aws.Bucket("Media") } });
 * graph.expectInputs(graph.byType("aws:s3/bucketV2:BucketV2")[0], { forceDestroy: true });
 */
import { join } from "node:path";
import { loadApp, resolveApp } from "../config/load.js";
import type { App } from "../config/types.js";
import { Kernel } from "../kernel.js";
import type { Plugin } from "../plugin.js";
import type { RunProgramOptions } from "../program/run.js";
import { synth as synthProgram } from "../synth/synth.js";
import type * as pulumi from "@pulumi/pulumi";
import { Graph } from "./graph.js";

export { Graph, matches } from "./graph.js";
export type { SynthResource, SynthResult, SynthLink } from "../synth/graph.js";

export interface SynthAppOptions {
  /** The program, as in `sst.config.ts`'s `run()`. `sst`, `$app` and the provider namespaces are globals. */
  run: () => unknown;
  /** The plugins, applied as `plugins` in `sst.config.ts` are (provider plugins are not looked up on disk). */
  plugins?: Plugin[];
  /** What `app()` would return; defaults to `{ name: "app", home: "local" }`. */
  app?: Partial<App>;
  /**
   * The app's providers, as in `app().providers` (merged over `app.providers`). A plugin's default provider
   * is created without it, as in a real run.
   * @example providers: { aws: { region: "eu-west-1" } }
   */
  providers?: App["providers"];
  /**
   * Bootstrap results by home or plugin name, as a real command's bootstrap would give them to
   * `useBootstrap`. Default: none (as offline).
   * @example bootstrap: { aws: { asset: "sst-asset-test" } }
   */
  bootstrap?: Record<string, unknown>;
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

/**
 * Synthesises an inline program as `sst diff --offline` would a config: validates the app, applies the
 * plugins, checks the home, runs the `config` hook, creates the plugins' default providers, runs `run()`.
 */
export async function synth(options: SynthAppOptions): Promise<Graph> {
  const kernel = options.kernel ?? new Kernel({ plugins: options.plugins });
  const root = options.root ?? process.cwd();
  const stage = options.stage ?? "test";
  const input = { name: "app", home: "local", ...options.app };
  if (options.providers) input.providers = { ...input.providers, ...options.providers };
  const app = await resolveApp(input, {
    kernel,
    stage,
    cliVersion: options.cliVersion,
    root,
    configPath: join(root, "sst.config.ts"),
    command: "test",
    providerPlugins: false,
  });
  const result = await synthProgram({
    kernel,
    app,
    root,
    run: options.run,
    dev: options.dev,
    secrets: options.secrets ?? {},
    linkSecret: options.linkSecret,
    bootstrap: options.bootstrap,
    mocks: options.mocks,
    build: { skip: !options.build },
  });
  return new Graph(result);
}

/** The former name of `synth`. */
export const synthApp = synth;

/** Loads a real `sst.config.ts` (from `cwd` upward, or `config`) and synthesises it. */
export async function synthConfig(options: {
  cwd?: string;
  config?: string;
  stage?: string;
  plugins?: Plugin[];
  secrets?: Record<string, string>;
  /** A CLI version to check the config's `version` against; by default the range is only checked for syntax. */
  cliVersion?: string;
  /** Bootstrap results by home or plugin name (see `synth`). */
  bootstrap?: Record<string, unknown>;
  /** Build the functions the program requests, as `synthApp`'s `build`. Default `false`. */
  build?: boolean;
  /** Mock behaviour, as `synth`'s `mocks`. */
  mocks?: Partial<pulumi.runtime.Mocks>;
  /** Run the program as `sst dev` does (`$dev` true). Default `false`. */
  dev?: boolean;
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
  return new Graph(
    await synthProgram({
      kernel,
      app: loaded.app,
      root: loaded.root,
      run: loaded.run,
      secrets: options.secrets ?? {},
      bootstrap: options.bootstrap,
      mocks: options.mocks,
      dev: options.dev,
      build: { skip: !options.build },
    }),
  );
}
