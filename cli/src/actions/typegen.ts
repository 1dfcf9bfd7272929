/** The work behind `sst types`. */
import { relative } from "node:path";
import { openProject, type ProjectArgs } from "../project.js";
import { anySecrets, synthAndWriteTypes } from "./synth.js";
import { logger } from "../ui/logger.js";

export async function types(args: ProjectArgs): Promise<void> {
  const project = await openProject(args, "types");
  const { typeFiles, result } = await synthAndWriteTypes(project, { secrets: anySecrets() });
  const links = result.links.length;
  logger.success(`Generated types for ${links} linkable resource${links === 1 ? "" : "s"}:`);
  for (const file of typeFiles) logger.log(`  ${relative(process.cwd(), file) || file}`);
}
