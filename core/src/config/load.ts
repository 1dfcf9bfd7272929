/**
 * Loads an app: finds and compiles `sst.config.ts`, evaluates `app({ stage })`, runs the `config` hook and
 * validates the result. `run()` is returned, not called: it runs later inside a Pulumi program.
 */
import { rmSync } from "node:fs";
import { basename, dirname } from "node:path";
import { pathToFileURL } from "node:url";
import { SSTError } from "../errors.js";
import type { Kernel } from "../kernel.js";
import { compileConfig } from "./compile.js";
import { assertConfigNotEmpty, guardUserCode, missingPackageError, userCodeError } from "./guard.js";
import { findConfig } from "./find.js";
import { checkPlugins } from "./plugins.js";
import type { Config, ResolvedApp } from "./types.js";
import { validateApp } from "./validate.js";
import { applyProviderPlugins } from "./provider-plugins.js";
import { withPluginDefaults } from "./plugin-defaults.js";

export interface LoadOptions {
  kernel: Kernel;
  /** The stage, already resolved (see `resolveStage`). */
  stage: string;
  /** The running CLI's version, checked against `version`; omitted only where no CLI runs (tests). */
  cliVersion?: string;
  cwd?: string;
  /** `--config`. */
  config?: string;
  command?: string;
  /**
   * Fail when no plugin provides the app's `home` (default `true`). `sst add` and `sst install`, which
   * install that plugin, pass `false`.
   */
  requireHome?: boolean;
}

export interface LoadedApp {
  /** Absolute path of `sst.config.ts`. */
  configPath: string;
  /** The app root: the directory of `sst.config.ts`. */
  root: string;
  app: ResolvedApp;
  run: () => unknown;
  console?: Record<string, unknown>;
}

/** `$config` is the identity: it exists so the config is typed. */
export function $config(input: Config): Config {
  return input;
}

export { userCodeError };

export interface ResolveAppOptions {
  kernel: Kernel;
  stage: string;
  cliVersion?: string;
  /** The app root, where `@sst/<provider>` plugins are looked for. */
  root: string;
  configPath: string;
  command: string;
  /** Apply the `@sst/<provider>` plugins installed in `root` for the app's providers and home. Default `true`. */
  providerPlugins?: boolean;
  /** See `LoadOptions.requireHome`. */
  requireHome?: boolean;
}

/**
 * From what `app()` returned to the app `run()` sees: validates it, applies the provider plugins and adds the
 * providers they bring, runs the `config` hook, validates its result again and checks the home against the
 * registered ones (after the hook, which may change it).
 */
export async function resolveApp(returned: unknown, options: ResolveAppOptions): Promise<ResolvedApp> {
  const { kernel, stage, cliVersion } = options;
  let app = validateApp(returned, stage, cliVersion);
  if (options.providerPlugins !== false) await applyProviderPlugins(kernel, app, options.root);
  app = withPluginDefaults(kernel, app, { requireHome: false });
  app = await kernel.hooks.config.promise(app, { configPath: options.configPath, command: options.command });
  // A plugin may change the app; what it returns must still be valid.
  const { stage: _stage, ...changed } = app;
  return withPluginDefaults(kernel, validateApp(changed, stage, cliVersion), { requireHome: options.requireHome });
}

export async function loadApp(options: LoadOptions): Promise<LoadedApp> {
  const configPath = await findConfig({ cwd: options.cwd, config: options.config });
  const root = dirname(configPath);
  assertConfigNotEmpty(configPath);
  const { outfile } = await compileConfig(configPath);
  process.setSourceMapsEnabled(true);
  const g = globalThis as Record<string, unknown>;
  g.$config ??= $config;
  let mod: { default?: unknown; stacks?: unknown; config?: unknown };
  try {
    mod = await guardUserCode(configPath, "the top level", () => import(pathToFileURL(outfile).href));
  } catch (error) {
    throw missingPackageError(error, configPath) ?? userCodeError(error, configPath);
  } finally {
    if (!process.env.SST_NO_CLEANUP) rmSync(outfile, { force: true });
  }
  const config = mod.default as Partial<Config> | undefined;
  if (mod.stacks || mod.config || (config && ("stacks" in config || "config" in config) && !("app" in config))) {
    throw new SSTError({
      code: "E_CONFIG_V2",
      message: `${basename(configPath)} looks like an SST v2 config (it exports \`config\`/\`stacks\`).`,
      hint: "Migrate it to `export default $config({ app(input) {...}, async run() {...} })`.",
    });
  }
  if (!config || typeof config.app !== "function" || typeof config.run !== "function") {
    throw new SSTError({
      code: "E_CONFIG_SHAPE",
      message: `${basename(configPath)} must \`export default $config({ app(input) { ... }, async run() { ... } })\`.`,
      hint: "Both app() and run() are required.",
    });
  }
  for (const plugin of checkPlugins(config.plugins, configPath)) {
    if (!options.kernel.plugin(plugin.name)) options.kernel.use(plugin);
  }
  let returned: unknown;
  try {
    returned = await guardUserCode(configPath, "app()", () => config.app!({ stage: options.stage }));
  } catch (error) {
    throw userCodeError(error, configPath);
  }
  const app = await resolveApp(returned, { ...options, root, configPath, command: options.command ?? "" });
  const run = config.run.bind(config);
  return {
    configPath,
    root,
    app,
    run: async () => {
      try {
        return await guardUserCode(configPath, "run()", run);
      } catch (error) {
        throw userCodeError(error, configPath, "E_RUN_FAILED");
      }
    },
    console: config.console,
  };
}
