/** The work behind `sst diff`. Imported only when the command runs (it loads the kernel and Pulumi). */
import type { SynthResult } from "@sst/core";
import { assertTargets } from "../engine/targets.js";
import { openProject } from "../project.js";
import { logger, printData } from "../ui/logger.js";
import { onlyTargets, renderTree, toJson } from "../ui/tree.js";
import { synthAndWriteTypes } from "./synth.js";

export async function diff(args: { offline?: boolean; json?: boolean; dev?: boolean; build?: boolean; stage?: string; config?: string; target?: string }): Promise<void> {
  const project = await openProject(args, "diff");
  const targets = args.target?.split(",").map((t) => t.trim()).filter(Boolean);
  const check = targets?.length ? (r: SynthResult) => void assertTargets(r.resources, targets) : undefined;
  const { result } = await synthAndWriteTypes(project, { dev: args.dev, build: args.build, check });
  const shown = targets?.length ? onlyTargets(result, targets) : result;
  if (args.json) printData(JSON.stringify(toJson(shown), null, 2) + "\n");
  else logger.log(renderTree(shown));
}
