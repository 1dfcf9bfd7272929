/**
 * A stage's state as the `state` commands and `sst shell` see it: read from the app's home, checked, and
 * written back under the stage's lock.
 */
import { descendingId, type Home, type StageRef } from "@sst/core";
import { parseCheckpoint, type Checkpoint } from "../engine/checkpoint.js";
import { noState } from "../engine/with-workspace.js";
import { openProject, type Project, type ProjectArgs } from "../project.js";
import { openHome, passphraseFor } from "../home/open.js";

export interface StageState {
  project: Project;
  home: Home;
  ref: StageRef;
}

export async function openStage(args: ProjectArgs, command: string): Promise<StageState> {
  const project = await openProject(args, command);
  const home = await openHome(project.kernel, project.app);
  return { project, home, ref: { app: project.app.name, stage: project.app.stage } };
}

/** The raw checkpoint bytes; a stage never deployed, or removed, is a user error. */
export async function readRaw(stage: StageState): Promise<Buffer> {
  const data = await stage.home.getState(stage.ref);
  if (data) return data;
  // A stage with no passphrase was never created at all: say so (E_STAGE_UNKNOWN).
  await passphraseFor(stage.home, stage.ref, { create: false });
  throw noState(stage.home, stage.ref);
}

export async function readCheckpoint(stage: StageState): Promise<Checkpoint> {
  const { home, ref } = stage;
  return parseCheckpoint(await readRaw(stage), `${home.name} home (${home.describe()}), stage "${ref.stage}"`);
}

export async function writeCheckpoint(stage: StageState, checkpoint: Checkpoint): Promise<void> {
  await stage.home.putState(stage.ref, Buffer.from(JSON.stringify(checkpoint)));
}

/** Runs `fn` holding the stage's lock (so no deploy runs meanwhile); released however `fn` ends. */
export async function withLock<T>(stage: StageState, command: string, fn: () => Promise<T>): Promise<T> {
  await stage.home.lock(stage.ref, { created: new Date().toISOString(), updateID: descendingId(), command, pid: process.pid });
  try {
    return await fn();
  } finally {
    await stage.home.unlock(stage.ref);
  }
}
