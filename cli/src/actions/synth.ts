/**
 * The offline synth shared by `sst types` and `sst diff --offline`: runs the program under Pulumi's mocks
 * (no engine, no network) and writes the app's types (`sst-env.d.ts` files and `.sst/platform/config.d.ts`).
 */
import { providerAlias, providerPackage, secretsFromEnv, synth, writeConfigTypes, writeTypes, type SynthResult } from "@sst/core";
import type { Project } from "../project.js";

export interface Synthesised {
  result: SynthResult;
  /** Every types file written (absolute paths), config.d.ts last. */
  typeFiles: string[];
}

export async function synthAndWriteTypes(project: Project, options: { dev?: boolean } = {}): Promise<Synthesised> {
  const configTypes = writeConfigTypes(
    project.root,
    Object.entries(project.app.providers).map(([name, config]) => ({
      alias: providerAlias(name),
      pkg: providerPackage(name, config, project.kernel.registry),
    })),
  );
  const result = await synth({
    kernel: project.kernel,
    app: project.app,
    root: project.root,
    run: project.run,
    dev: Boolean(options.dev),
    secrets: secretsFromEnv(),
  });
  const files = writeTypes({ root: project.root, links: result.links, receivers: result.receivers });
  return { result, typeFiles: [...files, configTypes] };
}
