/**
 * Package look-ups on the npm registry (what `npm view <pkg>@<tag>` shows), over HTTP so they need no npm
 * and can be pointed at a local server in tests. The registry is `SST_NPM_REGISTRY`, else `NPM_REGISTRY`
 * (SST's variable), else `npm_config_registry`, else registry.npmjs.org.
 */
import { SSTError } from "@sst/core";

/** The parts of a version document (a published package.json) that the CLI reads. */
export interface Manifest {
  name: string;
  version: string;
  /** Set by Pulumi provider packages: `{ resource: true, name: "aws", version }`. */
  pulumi?: { name?: string; resource?: boolean; version?: string };
  dependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
  /** Set by SST plugins: `{ plugin: "hello" }`, the short name `sst add` takes (README: "Writing a plugin"). */
  sst?: { plugin?: string };
}

export function registryUrl(env: NodeJS.ProcessEnv = process.env): string {
  return (env.SST_NPM_REGISTRY || env.NPM_REGISTRY || env.npm_config_registry || "https://registry.npmjs.org").replace(/\/+$/, "");
}

/** The manifest of `name` at a version or dist-tag, or undefined when the registry has no such package. */
export async function fetchManifest(name: string, versionOrTag = "latest", env: NodeJS.ProcessEnv = process.env): Promise<Manifest | undefined> {
  const registry = registryUrl(env);
  const url = `${registry}/${name.replace("/", "%2f")}/${encodeURIComponent(versionOrTag)}`;
  let response: Response;
  try {
    response = await fetch(url, { headers: { accept: "application/json" }, signal: AbortSignal.timeout(30_000) });
  } catch (cause) {
    throw new SSTError(
      {
        code: "E_REGISTRY_UNREACHABLE",
        message: `Could not reach the npm registry at ${registry} (looking up ${name}): ${(cause as Error).cause ?? (cause as Error).message}`,
        hint: "Check your connection, or point SST_NPM_REGISTRY (or NPM_REGISTRY) at a registry you can reach.",
      },
      { cause },
    );
  }
  if (response.status === 404) return undefined;
  if (!response.ok) {
    throw new SSTError({
      code: "E_REGISTRY_ERROR",
      message: `The npm registry at ${registry} answered ${response.status} for ${name}@${versionOrTag}.`,
    });
  }
  const manifest = (await response.json().catch(() => undefined)) as Manifest | undefined;
  if (!manifest || typeof manifest.version !== "string") {
    throw new SSTError({ code: "E_REGISTRY_ERROR", message: `The npm registry at ${registry} sent an unreadable document for ${name}.` });
  }
  return manifest;
}
