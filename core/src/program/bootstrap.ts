/**
 * Bootstrap: what a command sets up once, before the stage's lock, for the program to read — the home's own
 * step (the AWS home's asset bucket) and the `bootstrap` taps of other plugins (the live plugin's endpoint).
 * Results are keyed by name: the home's under the home's name, each plugin's under its own.
 */
import type { ResolvedApp } from "../config/types.js";
import { PluginError, isSSTError } from "../errors.js";
import type { Home } from "../home/types.js";
import type { Kernel } from "../kernel.js";
import { useProgram } from "./context.js";

/** Bootstrap results by name, as `run()` sees them. */
export type BootstrapResults = Record<string, unknown>;

export interface BootstrapOptions {
  kernel: Kernel;
  app: ResolvedApp;
  home: Home;
  /** The command being run. */
  command: string;
  /** The program will run with `$dev`. @default false */
  dev?: boolean;
}

/** Runs the home's `bootstrap`, then the kernel's `bootstrap` hook; returns every result by name. */
export async function runBootstrap(options: BootstrapOptions): Promise<BootstrapResults> {
  const { kernel, app, home } = options;
  const results: BootstrapResults = {};
  if (home.bootstrap) {
    try {
      results[app.home] = await home.bootstrap();
    } catch (error) {
      throw isSSTError(error) ? error : new PluginError(app.home, "home.bootstrap", error);
    }
  }
  await kernel.hooks.bootstrap.promise({ app, command: options.command, dev: options.dev ?? false, results });
  return results;
}

/**
 * Inside `run()` (component code): the bootstrap result stored under `key` — a home's name or a plugin's.
 * `undefined` when nothing was bootstrapped under it, which is always the case offline (`sst diff --offline`,
 * `sst types`, `@sst/core/testing` without `bootstrap`): use a placeholder there.
 * @example const { asset } = useBootstrap<{ asset: string }>("aws") ?? { asset: "sst-asset-offline" };
 */
export function useBootstrap<T = unknown>(key: string): T | undefined {
  return useProgram("useBootstrap()").bootstrap[key] as T | undefined;
}
