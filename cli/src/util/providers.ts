/**
 * Finds what `sst add <name>` installs: our plugin `@sst/<name>` when the registry has it, and the Pulumi
 * provider package, tried as `@sst-provider/`, `@pulumi/`, `@pulumiverse/`, `pulumi-` + name (the first whose
 * package.json has a `pulumi` field, as SST does). A plugin may name its provider in its dependencies.
 */
import { SSTError } from "@sst/core";
import { fetchManifest, registryUrl, type Manifest } from "./registry.js";

export const PROVIDER_PREFIXES = ["@sst-provider/", "@pulumi/", "@pulumiverse/", "pulumi-"];

export interface Addable {
  /** Our plugin, when there is one. */
  plugin?: Manifest;
  /** The Pulumi provider package and the version to pin. */
  provider?: { package: string; version: string };
}

const NAME = /^[a-z0-9][a-z0-9._-]*$/;

/** The lowest version a range allows (`^7.20.0` → `7.20.0`), good enough to pin what a plugin expects. */
function pinOf(range: string): string | undefined {
  return /\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?/.exec(range)?.[0];
}

export function checkProviderName(name: string): void {
  if (!NAME.test(name)) {
    throw new SSTError({
      code: "E_ADD_NAME_INVALID",
      message: `"${name}" is not a provider name: use lower-case letters, numbers and dashes, like "aws" or "vercel".`,
      hint: "See https://sst.dev/docs/all-providers#directory for the names.",
    });
  }
}

export async function findAddable(name: string, env: NodeJS.ProcessEnv = process.env): Promise<Addable> {
  checkProviderName(name);
  const plugin = await fetchManifest(`@sst/${name}`, "latest", env);
  const candidates = PROVIDER_PREFIXES.map((prefix) => prefix + name);
  const declared = { ...plugin?.peerDependencies, ...plugin?.dependencies };
  for (const pkg of candidates) {
    const pin = declared[pkg] && pinOf(declared[pkg]!);
    if (pin) return { plugin, provider: { package: pkg, version: pin } };
  }
  for (const pkg of candidates) {
    const manifest = await fetchManifest(pkg, "latest", env);
    if (manifest?.pulumi) return { plugin, provider: { package: pkg, version: manifest.version } };
  }
  if (plugin) return { plugin };
  throw new SSTError({
    code: "E_PROVIDER_NOT_FOUND",
    message: `No plugin or provider named "${name}": tried @sst/${name}, ${candidates.join(", ")} on ${registryUrl(env)}.`,
    hint: "Check the name in https://sst.dev/docs/all-providers#directory, or add the package to `providers` by hand.",
  });
}
