/**
 * First-party plugins come with their providers: an app whose `providers` (or `home`) names `aws` gets the
 * `@sst/aws` plugin when that package is installed in the app. Nothing to configure; `plugins` in the config
 * is for everything else.
 */
import { SSTError } from "../errors.js";
import type { Kernel } from "../kernel.js";
import type { Plugin } from "../plugin.js";
import type { ResolvedApp } from "./types.js";
import { importFromApp, resolveFromApp } from "./app-import.js";

/** The package of the first-party plugin for a provider or home: `aws` → `@sst/aws`. */
export const pluginPackage = (name: string): string => `@sst/${name}`;

const camel = (name: string) => name.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());

/**
 * The `@sst/<name>` packages installed in the app for its providers and home: the plugins applied
 * automatically, whose types `.sst/platform/config.d.ts` imports.
 */
export function providerPluginPackages(app: Pick<ResolvedApp, "providers" | "home">, root: string): string[] {
  return [...new Set([...Object.keys(app.providers), app.home])].map(pluginPackage).filter((pkg) => resolveFromApp(root, pkg) !== undefined);
}

export async function applyProviderPlugins(kernel: Kernel, app: ResolvedApp, root: string): Promise<string[]> {
  const applied: string[] = [];
  for (const name of new Set([...Object.keys(app.providers), app.home])) {
    const pkg = pluginPackage(name);
    const mod = await importFromApp(root, pkg);
    if (!mod) continue; // not installed: the provider's raw resources still work
    const factory = (mod.default ?? mod[camel(name)]) as ((options?: unknown) => Plugin) | undefined;
    if (typeof factory !== "function") {
      throw new SSTError({
        code: "E_PLUGIN_INVALID",
        message: `${pkg} does not export a plugin factory (default export or \`${camel(name)}\`).`,
      });
    }
    const plugin = factory();
    if (!kernel.plugin(plugin.name)) {
      kernel.use(plugin);
      applied.push(plugin.name);
    }
  }
  return applied;
}
