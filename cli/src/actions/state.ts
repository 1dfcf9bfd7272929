/**
 * The work behind `sst state export|list|remove|repair`. Only `export --decrypt` starts the engine (it alone
 * can open the secrets in the state); the others read and edit the checkpoint as the home stores it, and
 * the two that edit it hold the stage's lock while they do.
 */
import { SSTError } from "@sst/core";
import { parseCheckpoint, resourcesOf } from "../engine/checkpoint.js";
import { withWorkspace } from "../engine/with-workspace.js";
import type { ProjectArgs } from "../project.js";
import { nameOfUrn, STACK_TYPE } from "../state/refs.js";
import { openStage, readCheckpoint, readRaw, withLock, writeCheckpoint, type StageState } from "../state/open.js";
import { removeFromCheckpoint } from "../state/remove.js";
import { repairCheckpoint } from "../state/repair.js";
import { logger, printData } from "../ui/logger.js";
import { treeLines } from "../ui/tree.js";

const out = (line: string) => logger.log(line);
const label = (s: StageState) => `stage "${s.ref.stage}" of "${s.ref.app}"`;

export async function stateExport(args: ProjectArgs & { decrypt?: boolean }): Promise<void> {
  const stage = await openStage(args, "state");
  const raw = await readRaw(stage);
  if (!args.decrypt) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(raw.toString("utf8"));
    } catch {
      // A damaged state is exactly what one wants to export: print it as stored.
      logger.warn(`The state of ${label(stage)} is not valid JSON: printed as stored.`);
      printData(raw);
      return;
    }
    printData(JSON.stringify(parsed, null, 2) + "\n");
    return;
  }
  const cp = parseCheckpoint(raw, `${stage.home.name} home (${stage.home.describe()})`);
  // `pulumi stack export --show-secrets`; wrapped back into the home's shape so both forms read alike.
  const exported = await withWorkspace(stage.project, (ws) => ws.stack.exportStack());
  printData(JSON.stringify({ version: exported.version, checkpoint: { ...cp.checkpoint, latest: exported.deployment } }, null, 2) + "\n");
}

export async function stateList(args: ProjectArgs & { stages?: boolean }): Promise<void> {
  const stage = await openStage(args, "state");
  if (args.stages) return listStages(stage);
  const resources = resourcesOf(await readCheckpoint(stage)).filter((r) => r.type !== STACK_TYPE);
  if (resources.length === 0) {
    out(`No resources in the state of ${label(stage)}.`);
    return;
  }
  const nodes = resources.map((r) => ({ urn: r.urn, type: r.type, parent: r.parent, name: nameOfUrn(r.urn), pending: r.delete === true }));
  out(`${stage.ref.app} (stage: ${stage.ref.stage})`);
  for (const line of treeLines(nodes, (r) => (r.pending ? "  (pending delete)" : ""))) out(line);
}

/** `--stages`: the app's stages with state in its home (the aws home lists its state bucket), one per line. */
async function listStages(stage: StageState): Promise<void> {
  const { home, ref } = stage;
  const stages = (await home.listStages(ref.app)).sort();
  if (stages.length === 0) {
    out(`No stage of "${ref.app}" has state in the ${home.name} home (${home.describe()}).`);
    return;
  }
  for (const name of stages) out(name === ref.stage ? `${name}  (current)` : name);
}

export async function stateRemove(args: ProjectArgs & { name: string }): Promise<void> {
  const stage = await openStage(args, "state");
  await readRaw(stage); // an unknown stage fails before any lock is written
  await withLock(stage, "state remove", async () => {
    const { checkpoint, removed, changes } = removeFromCheckpoint(await readCheckpoint(stage), args.name);
    await writeCheckpoint(stage, checkpoint);
    const [first, ...children] = removed;
    out(`✓ Removed ${nameOfUrn(first!.urn)} (${first!.type}) from the state of ${label(stage)}`);
    if (children.length) out(`  and what it parents: ${children.map((r) => nameOfUrn(r.urn)).join(", ")}`);
    for (const change of changes) out(`  ${change}`);
    out("  The resources themselves were not touched; a deploy creates them again if the app still defines them.");
  });
}

export async function stateRepair(args: ProjectArgs): Promise<void> {
  const stage = await openStage(args, "state");
  await readRaw(stage);
  await withLock(stage, "state repair", async () => {
    const { checkpoint, changes, problems } = repairCheckpoint(await readCheckpoint(stage));
    if (changes.length) {
      await writeCheckpoint(stage, checkpoint);
      out(`✓ Repaired the state of ${label(stage)}:`);
      for (const change of changes) out(`  ${change}`);
    } else if (problems.length === 0) {
      out(`Nothing to repair in the state of ${label(stage)}.`);
    }
    if (problems.length) {
      throw new SSTError(problems.map((message) => ({ code: "E_STATE_UNREPAIRABLE", message })));
    }
  });
}
