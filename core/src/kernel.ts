/**
 * The kernel: owns the hooks and the registries, and the plugins that fill them. One kernel per CLI run
 * (or per test). Every tap is wrapped so an error names the plugin and the hook it came from.
 */
import { _createHooks, type KernelHooks } from "./hooks.js";
import { PluginError, SSTError, isSSTError } from "./errors.js";
import type { Plugin } from "./plugin.js";
import { componentPaths, Registries } from "./registries.js";
import { tapCore } from "./program/core-taps.js";
import { LocalHome } from "./home/local.js";

export interface KernelOptions {
  plugins?: Plugin[];
}

export class Kernel {
  readonly hooks: KernelHooks;
  readonly #plugins = new Map<string, Plugin>();
  /** The plugin whose `apply` is running: registrations record it. */
  #applying?: string;
  readonly registry = new Registries(() => this.#applying);

  constructor(options: KernelOptions = {}) {
    this.hooks = _createHooks();
    for (const [name, hook] of listHooks(this.hooks)) wrapTaps(name, hook);
    tapCore(this);
    this.registry.home("local", () => new LocalHome());
    for (const plugin of options.plugins ?? []) this.use(plugin);
  }

  /** Adds a plugin: registers its `components`, then runs its `apply`. A name can be used once. */
  use(plugin: Plugin): this {
    if (this.#plugins.has(plugin.name)) {
      throw new SSTError({
        code: "E_PLUGIN_DUPLICATE",
        message: `Plugin "${plugin.name}" is added twice`,
        hint: "List each plugin once (plugins for your providers are added for you).",
      });
    }
    this.#plugins.set(plugin.name, plugin);
    this.#applying = plugin.name;
    try {
      for (const [path, cls] of componentPaths(plugin.components ?? {})) this.registry.component(path, cls);
      plugin.apply(this);
    } catch (error) {
      // A plugin rejecting its options (or failing otherwise) is named, like a failing tap.
      throw wrapError(plugin.name, "apply", error);
    } finally {
      this.#applying = undefined;
    }
    return this;
  }

  /** A plugin by name (to tap its own hooks), or undefined. */
  plugin<P extends Plugin = Plugin>(name: string): P | undefined {
    return this.#plugins.get(name) as P | undefined;
  }

  get plugins(): Plugin[] {
    return [...this.#plugins.values()];
  }
}

type AnyHook = { intercept(i: object): void };

/** Walks the frozen hooks object: `["transform", hook]`, `["program.before", hook]`, `["build", hookMap]`. */
export function listHooks(hooks: object, prefix = ""): [string, AnyHook][] {
  const out: [string, AnyHook][] = [];
  for (const [key, value] of Object.entries(hooks)) {
    const name = prefix ? `${prefix}.${key}` : key;
    if (value && typeof (value as AnyHook).intercept === "function") out.push([name, value as AnyHook]);
    else if (value && typeof value === "object") out.push(...listHooks(value, name));
  }
  return out;
}

function wrapError(plugin: string, hook: string, error: unknown): unknown {
  // A user error raised inside a tap (a missing secret, a bad argument) is already about the user's input.
  if (isSSTError(error)) return error;
  return new PluginError(plugin, hook, error);
}

/** Registers an interceptor that wraps every tap's function so its errors carry the plugin and hook names. */
function wrapTaps(name: string, hook: AnyHook): void {
  const interceptor = {
    register(tap: { name: string; type: "sync" | "async" | "promise"; fn: (...args: any[]) => any }) {
      const fn = tap.fn;
      if (tap.type === "sync") {
        tap.fn = (...args: any[]) => {
          try {
            return fn(...args);
          } catch (error) {
            throw wrapError(tap.name, name, error);
          }
        };
      } else if (tap.type === "promise") {
        tap.fn = async (...args: any[]) => {
          try {
            return await fn(...args);
          } catch (error) {
            throw wrapError(tap.name, name, error);
          }
        };
      } else {
        tap.fn = (...args: any[]) => {
          const callback = args.pop() as (err?: unknown, result?: unknown) => void;
          fn(...args, (err?: unknown, result?: unknown) => callback(err ? wrapError(tap.name, name, err) : err, result));
        };
      }
      return tap;
    },
  };
  // A HookMap intercepts its hooks through a factory.
  if (typeof (hook as { for?: unknown }).for === "function") {
    hook.intercept({
      factory: (_key: string, inner: AnyHook) => {
        inner.intercept(interceptor);
        return inner;
      },
    });
  } else {
    hook.intercept(interceptor);
  }
}
