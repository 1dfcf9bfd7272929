/**
 * The work behind `sst unlock`: releases the lock and closes the update it belonged to with an error, so
 * the update history shows it was interrupted and force-unlocked (SST's ForceUnlock).
 */
import { descendingId, UNKNOWN_HOLDER, type UpdateRecord } from "@sst/core";
import { openProject, type ProjectArgs } from "../project.js";
import { openHome } from "../home/open.js";
import { VERSION } from "../version.js";
import { logger } from "../ui/logger.js";

export async function unlock(args: ProjectArgs): Promise<void> {
  const project = await openProject(args, "unlock");
  const home = await openHome(project.kernel, project.app);
  const ref = { app: project.app.name, stage: project.app.stage };
  const where = `stage "${ref.stage}" of "${ref.app}"`;
  // A lock file that does not parse still blocks deploys: release it too, and say what it was.
  const unreadable = await home.readLock(ref).then(() => false, () => true);
  const held = (await home.unlock(ref)) ?? (unreadable ? UNKNOWN_HOLDER : undefined);
  if (!held) {
    logger.log(`No lock on ${where}: nothing to unlock.`);
    return;
  }
  const now = new Date().toISOString();
  const id = held.updateID || descendingId();
  const previous = held.updateID ? (await home.listUpdates(ref).catch(() => [])).find((u) => u.id === id) : undefined;
  const record: UpdateRecord = {
    id,
    command: previous?.command ?? held.command,
    version: previous?.version ?? VERSION,
    timeStarted: previous?.timeStarted ?? (held.created !== "unknown" ? held.created : now),
    timeCompleted: now,
    errors: [
      ...(previous?.errors ?? []),
      { message: `The lock was released by \`sst unlock\` at ${now}; this update did not finish.` },
    ],
  };
  await home.putUpdate(ref, record);
  const by = unreadable ? "an unreadable lock file" : held.command === "unknown" ? "an unknown command" : `\`sst ${held.command}\``;
  const since = held.created === "unknown" ? "" : `, started ${held.created}`;
  logger.success(`Unlocked ${where}: the lock was held by ${by}${since}${held.pid ? ` (pid ${held.pid}${held.host ? ` on ${held.host}` : ""})` : ""}.`);
}
