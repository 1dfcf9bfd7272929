/** The work behind `sst deploy`, `diff`, `remove` and `refresh`: run the engine and report. */
import type { EngineOperation } from "@sst/core";
import { printLogs } from "../engine/logs.js";
import { runEngine, type EngineOutcome } from "../engine/run.js";
import { openProject, type Project } from "../project.js";
import { logger } from "../ui/logger.js";

export interface EngineArgs {
  stage?: string;
  config?: string;
  target?: string;
  continue?: boolean;
  dev?: boolean;
  "print-logs"?: boolean;
  verbose?: boolean;
}

const DONE: Record<EngineOperation, string> = {
  deploy: "Complete",
  diff: "Generated preview",
  remove: "Removed",
  refresh: "Refreshed",
};

export async function engine(operation: EngineOperation, args: EngineArgs): Promise<void> {
  await runOperation(await openProject(args, operation), operation, args);
}

/**
 * One engine operation on an opened project, printed as `sst deploy` prints it. Plugin commands reach it
 * through `cli.engine` (`sst dev` deploys with it).
 */
export async function runOperation(project: Project, operation: EngineOperation, args: EngineArgs, output?: (line: string) => void): Promise<EngineOutcome> {
  const write = output ?? ((line: string) => logger.log(line));
  write(`SST ${operation === "diff" ? "diff" : operation} ${project.app.name} → ${project.app.stage}`);
  const outcome = await runEngine({
    project,
    operation,
    targets: args.target?.split(",").map((t) => t.trim()).filter(Boolean),
    continueOnError: Boolean(args.continue),
    dev: Boolean(args.dev),
    // --verbose shows the engine's own output too.
    printLogs: printLogs(args["print-logs"]) || Boolean(args.verbose),
    write,
    statusLine: output === undefined,
  });
  write("");
  if (output) output(`✓ ${DONE[operation]} (${outcome.summary})`);
  else logger.success(`${DONE[operation]} (${outcome.summary})`);
  for (const [name, value] of Object.entries(outcome.outputs)) {
    write(`   ${name}: ${typeof value === "string" ? value : JSON.stringify(value)}`);
  }
  return outcome;
}
