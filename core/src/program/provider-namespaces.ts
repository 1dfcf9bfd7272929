/**
 * Provider namespaces: `providers: { aws: ... }` makes `aws` a global in `run()`. Packages are resolved from
 * the app's root, so the app's installed versions are used.
 */
import { SSTError } from "../errors.js";
import { importFromApp } from "../config/app-import.js";
import type { ResolvedApp } from "../config/types.js";
import type { Registries } from "../registries.js";

/** `aws` → `@pulumi/aws`: the `package` field, then a plugin's registration, then `@pulumi/<name>`. */
export function providerPackage(name: string, config: { package?: string }, registry: Registries): string {
  return config.package ?? registry.providerPackages.get(name) ?? `@pulumi/${name}`;
}

/** The global name of a provider's namespace: `aws`, `cloudflare`, `vercel` (dashes dropped). */
export function providerAlias(name: string): string {
  return name.replace(/-/g, "");
}

export async function loadProviders(app: ResolvedApp, root: string, registry: Registries): Promise<Record<string, unknown>> {
  const out: Record<string, unknown> = {};
  for (const [name, config] of Object.entries(app.providers)) {
    const pkg = providerPackage(name, config, registry);
    const mod = await importFromApp(root, pkg);
    if (!mod) {
      throw new SSTError({
        code: "E_PROVIDER_NOT_INSTALLED",
        message: `Provider "${name}" needs the package ${pkg}, which is not installed in ${root}.`,
        hint: `Run: npm install ${pkg}${config.version ? "@" + config.version : ""}  (or sst install)`,
      });
    }
    out[providerAlias(name)] = mod;
  }
  return out;
}
