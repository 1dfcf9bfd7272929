/**
 * The offline synth shared by `sst types` and `sst diff --offline`: runs the program under Pulumi's mocks
 * (no engine, no network; function builds skipped unless asked for) and writes the app's types (`sst-env.d.ts`
 * files and `.sst/platform/config.d.ts`).
 */
import { configTypesOf, secretsFromEnv, strayUserError, synth, writeConfigTypes, writeTypes, type SynthResult } from "@sst/core";
import { buildStatus } from "../engine/build-status.js";
import { StatusLine } from "../engine/status-line.js";
import type { Project } from "../project.js";

export interface Synthesised {
  result: SynthResult;
  /** Every types file written (absolute paths), config.d.ts last. */
  typeFiles: string[];
}

export interface SynthOptions {
  dev?: boolean;
  /** Secret values for `sst.Secret` (default: `SST_SECRET_*` from the environment). */
  secrets?: Record<string, string | undefined>;
  /** Build the functions the program requests (default: skipped, each artifact a placeholder). */
  build?: boolean;
  /** Runs on the synth result before any types file is written: a throw leaves the app untouched. */
  check?: (result: SynthResult) => void;
}

/**
 * Secrets for a synth that only needs the shape of the app (types): the environment's values, and an empty
 * string for any other secret, so a secret with no value yet does not stop the types from being written.
 */
export function anySecrets(): Record<string, string | undefined> {
  return new Proxy(secretsFromEnv() as Record<string, string | undefined>, {
    get: (values, name) => (typeof name === "string" ? values[name] ?? "" : undefined),
  });
}

export async function synthAndWriteTypes(project: Project, options: SynthOptions = {}): Promise<Synthesised> {
  const { providers, pluginPackages } = configTypesOf(project.app, project.root, project.kernel.registry);
  const configTypes = writeConfigTypes(project.root, providers, pluginPackages);
  const live = new StatusLine();
  const result = await synth({
    kernel: project.kernel,
    app: project.app,
    root: project.root,
    run: project.run,
    dev: Boolean(options.dev),
    secrets: options.secrets ?? secretsFromEnv(),
    build: options.build ? { onEvent: buildStatus(live) } : undefined,
  })
    .catch((error: unknown) => {
      throw strayUserError(error, project.configPath);
    })
    .finally(() => live.stop());
  options.check?.(result);
  const files = writeTypes({ root: project.root, links: result.links, receivers: result.receivers, typers: project.kernel.registry.linkTypers });
  return { result, typeFiles: [...files, configTypes] };
}
