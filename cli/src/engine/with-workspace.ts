/**
 * An engine workspace on a stage's existing state, without running the app: for commands that only read
 * what the engine knows (`state export --decrypt`, `sst shell`). The state is never pushed back, so a
 * command that only reads can never change it; the workspace directory is removed when `fn` ends.
 */
import { descendingId, SSTError, type Home, type StageRef } from "@sst/core";
import { rmSync } from "node:fs";
import type { Project } from "../project.js";
import { openHome, passphraseFor } from "../home/open.js";
import { requirePulumi } from "./pulumi.js";
import { openWorkspace, type Workspace } from "./workspace.js";

export interface WorkspaceContext {
  home: Home;
  ref: StageRef;
}

export async function withWorkspace<T>(project: Project, fn: (workspace: Workspace, context: WorkspaceContext) => Promise<T>): Promise<T> {
  const { app, kernel } = project;
  const ref: StageRef = { app: app.name, stage: app.stage };
  const home = await openHome(kernel, app);
  const passphrase = await passphraseFor(home, ref, { create: false });
  if (!(await home.getState(ref))) throw noState(home, ref);
  const pulumiDir = requirePulumi();
  const workspace = await openWorkspace({
    kernel,
    app,
    root: project.root,
    home,
    passphrase,
    pulumiDir,
    updateId: descendingId(),
    program: async () => {
      throw new Error("withWorkspace never runs the program");
    },
  });
  try {
    return await fn(workspace, { home, ref });
  } finally {
    if (!process.env.SST_NO_CLEANUP) rmSync(workspace.dir, { recursive: true, force: true });
  }
}

/** The stage has a passphrase (it was deployed or had secrets set) but no engine state. */
export function noState(home: Home, ref: StageRef): SSTError {
  return new SSTError({
    code: "E_STATE_NONE",
    message: `Stage "${ref.stage}" of "${ref.app}" has no state in the ${home.name} home (${home.describe()}).`,
    hint: `Deploy it first: sst deploy --stage ${ref.stage}`,
  });
}
