/**
 * What the applied plugins decide about an app. The home registry is open (core registers `local`, plugins
 * the rest), so whether `home` exists is known only once plugins are applied; and a plugin that registers a
 * default provider brings that provider (so `home: "aws"` with @sst/aws uses the aws provider).
 */
import { SSTError } from "../errors.js";
import type { Kernel } from "../kernel.js";
import { pluginPackage } from "./provider-plugins.js";
import type { ResolvedApp } from "./types.js";

/**
 * Checks `home` against the registered homes and adds the providers plugins registered. `requireHome: false`
 * skips the check, for the commands that install the home's plugin (`sst add`, `sst install`).
 */
export function withPluginDefaults(kernel: Kernel, app: ResolvedApp, options: { requireHome?: boolean } = {}): ResolvedApp {
  if (options.requireHome !== false && !kernel.registry.homes.has(app.home)) throw unknownHome(kernel, app.home);
  const providers = { ...app.providers };
  for (const name of kernel.registry.defaultProviders.keys()) providers[name] ??= {};
  return { ...app, providers };
}

/** The error for a home no applied plugin provides: names the homes there are and the package to install. */
export function unknownHome(kernel: Kernel, home: string): SSTError {
  const known = [...kernel.registry.homes.keys()].map((h) => `"${h}"`).join(", ");
  return new SSTError({
    code: "E_CONFIG_HOME_UNKNOWN",
    message: `home "${home}" is not available: no plugin of this app provides it (available: ${known}).`,
    hint: `Install ${pluginPackage(home)}, which provides it: sst add ${home}   (or use home: "local")`,
  });
}
