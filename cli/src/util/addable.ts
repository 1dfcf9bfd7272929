/**
 * Finds what `sst add <name>` installs: a plugin, and the Pulumi provider package it needs, if any.
 * - The plugin: `<name>` in this build's packs (util/packs.ts), else `@sst/<name>` on the registry; a package
 *   name (`@acme/sst-foo`) is looked up as is and must be an SST plugin (`"sst": { "plugin": "<name>" }`).
 * - The provider: the one the plugin declares in its dependencies, else (unless the package says it is an SST
 *   plugin) the first of `@sst-provider/`, `@pulumi/`, `@pulumiverse/`, `pulumi-` + name whose package.json has
 *   a `pulumi` field, as SST does. A plugin without a provider goes into `plugins: [...]`.
 */
import { SSTError } from "@sst/core";
import { findPackedPlugin, findPacks, packManifest, packSpec, type Packs } from "./packs.js";
import { fetchManifest, registryUrl, type Manifest } from "./registry.js";

export const PROVIDER_PREFIXES = ["@sst-provider/", "@pulumi/", "@pulumiverse/", "pulumi-"];

/** A plugin's manifest and the npm spec that installs it (`name@version`, or `file:` of a packed tarball). */
export type FoundPlugin = Manifest & { spec: string };

export interface Addable {
  /** The short name: the `providers` key, and (camel-cased) the plugin factory's export. */
  name: string;
  /** The plugin, when there is one. */
  plugin?: FoundPlugin;
  /** The Pulumi provider package and the version to pin. */
  provider?: { package: string; version: string };
}

const NAME = /^[a-z0-9][a-z0-9._-]*$/;
const PACKAGE = /^@[a-z0-9][a-z0-9._-]*\/[a-z0-9][a-z0-9._-]*$/;

/** The lowest version a range allows (`^7.20.0` → `7.20.0`), good enough to pin what a plugin expects. */
function pinOf(range: string): string | undefined {
  return /\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?/.exec(range)?.[0];
}

export function checkProviderName(name: string): void {
  if (!NAME.test(name) && !PACKAGE.test(name)) {
    throw new SSTError({
      code: "E_ADD_NAME_INVALID",
      message: `"${name}" is not a provider name: use lower-case letters, numbers and dashes, like "aws" or "vercel" (or a plugin's package name, like "@acme/sst-plugin").`,
      hint: "See https://sst.dev/docs/all-providers#directory for the names.",
    });
  }
}

/** The plugin `name` means, from the packs first, then the registry. */
async function findPlugin(name: string, env: NodeJS.ProcessEnv, packs: Packs | undefined): Promise<FoundPlugin | undefined> {
  const local = packs && findPackedPlugin(packs, name);
  if (local) return { ...packManifest(local), spec: packSpec(packs, local) };
  const manifest = await fetchManifest(name.startsWith("@") ? name : `@sst/${name}`, "latest", env);
  return manifest && { ...manifest, spec: `${manifest.name}@${manifest.version}` };
}

/** Where a look-up went, for messages: the registry, and the packs when there are some. */
function searched(env: NodeJS.ProcessEnv, packs: Packs | undefined): string {
  return packs ? `${registryUrl(env)} and the packs in ${packs.dir}` : registryUrl(env);
}

/** The short name a plugin package declares; a package name it cannot be is an error. */
function pluginName(plugin: FoundPlugin): string {
  const name = plugin.sst!.plugin!;
  if (NAME.test(name)) return name;
  throw new SSTError({
    code: "E_PLUGIN_INVALID",
    message: `${plugin.name} declares the plugin name "${name}" (package.json "sst.plugin"), which is not a name: use lower-case letters, numbers and dashes.`,
  });
}

export async function findAddable(name: string, env: NodeJS.ProcessEnv = process.env, packs: Packs | undefined = findPacks(env)): Promise<Addable> {
  checkProviderName(name);
  const plugin = await findPlugin(name, env, packs);
  if (name.startsWith("@") && !plugin?.sst?.plugin) {
    throw new SSTError({
      code: plugin ? "E_ADD_NOT_A_PLUGIN" : "E_PROVIDER_NOT_FOUND",
      message: plugin
        ? `${name} is not an SST plugin: its package.json has no "sst": { "plugin": "<name>" }.`
        : `No plugin named ${name} on ${searched(env, packs)}.`,
      hint: "Check the package name; a provider is added by its short name, like `sst add aws`.",
    });
  }
  const short = plugin?.sst?.plugin ? pluginName(plugin) : name;
  const candidates = PROVIDER_PREFIXES.map((prefix) => prefix + short);
  const declared = { ...plugin?.peerDependencies, ...plugin?.dependencies };
  for (const pkg of candidates) {
    const pin = declared[pkg] && pinOf(declared[pkg]!);
    if (pin) return { name: short, plugin, provider: { package: pkg, version: pin } };
  }
  // A package that says it is an SST plugin and names no provider has none.
  if (plugin?.sst?.plugin) return { name: short, plugin };
  for (const pkg of candidates) {
    const manifest = await fetchManifest(pkg, "latest", env);
    if (manifest?.pulumi) return { name: short, plugin, provider: { package: pkg, version: manifest.version } };
  }
  if (plugin) return { name: short, plugin };
  throw new SSTError({
    code: "E_PROVIDER_NOT_FOUND",
    message: `No plugin or provider named "${name}": tried @sst/${name}, ${candidates.join(", ")} on ${searched(env, packs)}.`,
    hint: "Check the name in https://sst.dev/docs/all-providers#directory, or add the package to `providers` by hand.",
  });
}
