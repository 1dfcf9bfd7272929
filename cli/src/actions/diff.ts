/** The work behind `sst diff`. Imported only when the command runs (it loads the kernel and Pulumi). */
import { providerAlias, providerPackage, secretsFromEnv, synth, writeConfigTypes, writeTypes } from "@sst/core";
import { openProject } from "../project.js";
import { onlyTargets, renderTree, toJson } from "../ui/tree.js";

export async function diff(args: { offline?: boolean; json?: boolean; dev?: boolean; stage?: string; config?: string; target?: string }): Promise<void> {
  const project = await openProject(args, "diff");
  const result = await synth({
    kernel: project.kernel,
    app: project.app,
    root: project.root,
    run: project.run,
    dev: Boolean(args.dev),
    secrets: secretsFromEnv(),
  });
  writeTypes({ root: project.root, links: result.links, receivers: result.receivers });
  writeConfigTypes(
    project.root,
    Object.entries(project.app.providers).map(([name, config]) => ({
      alias: providerAlias(name),
      pkg: providerPackage(name, config, project.kernel.registry),
    })),
  );
  const targets = args.target?.split(",").map((t) => t.trim()).filter(Boolean);
  const shown = targets?.length ? onlyTargets(result, targets) : result;
  process.stdout.write((args.json ? JSON.stringify(toJson(shown), null, 2) : renderTree(shown)) + "\n");
}
