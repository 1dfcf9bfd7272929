/**
 * Default providers: a provider plugin registers how to build its provider from `providers.<name>`
 * (`kernel.registry.provider`), and the kernel creates it once per program run, named `sst:<name>` with the
 * pinned version, and gives it to every resource of that package that has no provider of its own. Components
 * can pass it on (`useProvider(name)`): to invokes, or to resources they create for another package.
 *
 * The pinned version reaches the engine as the provider resource's `version` option: the engine runs (and
 * installs when missing) that version of the provider's plugin for every resource using the provider.
 */
import * as pulumi from "@pulumi/pulumi";
import semver from "semver";
import type { ResolvedApp } from "../config/types.js";
import { pluginPackage } from "../config/provider-plugins.js";
import { PluginError, SSTError, isSSTError } from "../errors.js";
import type { Kernel } from "../kernel.js";
import { CORE_TAP } from "./core-taps.js";
import { peekProgram, useProgram } from "./context.js";
import { providerAlias, providerPackage } from "./provider-namespaces.js";

/** What a default-provider factory receives. */
export interface ProviderFactoryInput {
  /** `providers.<name>` from the config, without `version` and `package`. */
  config: Record<string, unknown>;
  app: ResolvedApp;
}

/** What a default-provider factory returns: the provider's inputs, and what must stay out of state. */
export interface DefaultProviderSpec {
  /** The provider resource's inputs. They are stored in state: no credentials, no profiles. */
  args: Record<string, unknown>;
  /**
   * Environment variables for the engine and the provider plugin it starts, never stored in state
   * (e.g. `{ AWS_PROFILE: config.profile }`).
   */
  env?: Record<string, string>;
}

/** Builds an app's default provider from its `providers.<name>` config. Must be pure: it is called more than once. */
export type ProviderFactory = (input: ProviderFactoryInput) => DefaultProviderSpec;

/** A default provider as the kernel creates it. */
export interface ResolvedDefaultProvider {
  /** The provider name: the Pulumi package, the prefix of its type tokens. */
  name: string;
  args: Record<string, unknown>;
  env: Record<string, string>;
  /** `providers.<name>.version` when it is an exact version; otherwise the installed package's version is used. */
  version?: string;
}

/** The default provider of each of the app's providers that a plugin registered a factory for. */
export function defaultProviders(kernel: Kernel, app: ResolvedApp): ResolvedDefaultProvider[] {
  const out: ResolvedDefaultProvider[] = [];
  for (const [name, factory] of kernel.registry.defaultProviders) {
    const entry = app.providers[name];
    if (!entry) continue;
    const { version, package: _pkg, ...config } = entry;
    let spec: DefaultProviderSpec;
    try {
      spec = factory({ config, app });
    } catch (error) {
      throw isSSTError(error) ? error : new PluginError(name, "registry.provider", error);
    }
    out.push({
      name,
      args: spec.args,
      env: spec.env ?? {},
      version: typeof version === "string" && semver.valid(version) ? version : undefined,
    });
  }
  return out;
}

type ProviderClass = new (name: string, args: Record<string, unknown>, opts?: pulumi.CustomResourceOptions) => pulumi.ProviderResource;

/**
 * Creates the default providers inside a running Pulumi program. `modules` are the provider namespaces by
 * alias, as `loadProviders` returns them; each must export its `Provider` class.
 */
export function createDefaultProviders(
  kernel: Kernel,
  app: ResolvedApp,
  modules: Record<string, unknown>,
): Map<string, pulumi.ProviderResource> {
  const created = new Map<string, pulumi.ProviderResource>();
  for (const spec of defaultProviders(kernel, app)) {
    const Provider = (modules[providerAlias(spec.name)] as { Provider?: ProviderClass } | undefined)?.Provider;
    if (typeof Provider !== "function") {
      const pkg = providerPackage(spec.name, app.providers[spec.name] ?? {}, kernel.registry);
      throw new SSTError({
        code: "E_PROVIDER_CLASS",
        message: `The default "${spec.name}" provider cannot be created: ${pkg} does not export a Provider class.`,
        hint: `Point providers.${spec.name}.package at the Pulumi package of "${spec.name}".`,
      });
    }
    created.set(spec.name, new Provider(`sst:${spec.name}`, spec.args, spec.version ? { version: spec.version } : {}));
  }
  return created;
}

/** The package a provider resource serves (`getPackage` is not in Pulumi's typings). */
const packageOf = (provider: pulumi.ProviderResource) => (provider as unknown as { getPackage(): string }).getPackage();

/**
 * The transform tap that applies the defaults: every resource gets, in `providers`, the default providers its
 * parent does not already pass down. Pulumi then gives a custom resource of a package its provider from
 * there, and a component passes them on to its children and to invokes made with `{ parent }`. A provider
 * chosen explicitly wins: the resource's own `provider` and `providers` over these, and a parent's over none
 * being added. Stage 100: after plugin taps, which may route resources elsewhere.
 */
export function tapDefaultProviders(kernel: Kernel): void {
  kernel.hooks.transform.tap({ name: CORE_TAP, stage: 100 }, (value) => {
    const defaults = peekProgram()?.providers;
    if (!defaults?.size) return value;
    const opts = value.opts as pulumi.ComponentResourceOptions;
    const missing = [...defaults].filter(([pkg]) => !opts.parent?.getProvider(`${pkg}:index:Provider`));
    if (!missing.length) return value;
    const own = Array.isArray(opts.providers) ? Object.fromEntries(opts.providers.map((p) => [packageOf(p), p])) : opts.providers;
    return { ...value, opts: { ...value.opts, providers: { ...Object.fromEntries(missing), ...own } } as pulumi.ResourceOptions };
  });
}

/**
 * Inside `run()` (component code): the app's default provider for `name`, to pass on explicitly.
 * @example aws.getRegionOutput({}, { provider: useProvider("aws") })
 */
export function useProvider(name: string): pulumi.ProviderResource {
  const provider = useProgram("useProvider()").providers.get(name);
  if (!provider) {
    throw new SSTError({
      code: "E_PROVIDER_NONE",
      message: `There is no default "${name}" provider: no plugin of this app registers one.`,
      hint: `Install the plugin for it (${pluginPackage(name)}: sst add ${name}), or create a provider and pass it yourself.`,
    });
  }
  return provider;
}
