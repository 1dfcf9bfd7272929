/**
 * Runs one engine operation on a stage: lock, pull state, run the program through the Pulumi engine with
 * live progress, push state, write outputs, release the lock — on success, failure and Ctrl-C alike.
 */
import type { automation } from "@pulumi/pulumi";
import {
  SSTError,
  buildConcurrency,
  collectStrayErrors,
  descendingId,
  isSSTError,
  runBootstrap,
  runProgram,
  strayUserError,
  type DeployResult,
  type EngineOperation,
  type Home,
  type StageRef,
} from "@sst/core";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Project } from "../project.js";
import { effectiveSecrets, linkSecretFor, openHome, passphraseFor } from "../home/open.js";
import { VERSION } from "../version.js";
import { logger, printEngineLog } from "../ui/logger.js";
import { openLog } from "./logs.js";
import { buildStatus } from "./build-status.js";
import { StatusLine } from "./status-line.js";
import { Progress, type ResourceError } from "./progress.js";
import { requirePulumi } from "./pulumi.js";
import { requireProviderPlugins } from "./provider-plugins.js";
import { targetUrns } from "./targets.js";
import { openWorkspace } from "./workspace.js";
import { sweepWorkspaces } from "./sweep.js";
import { parseCheckpoint } from "./checkpoint.js";

export interface EngineOptions {
  project: Project;
  operation: EngineOperation;
  /** Component names. */
  targets?: string[];
  continueOnError?: boolean;
  dev?: boolean;
  printLogs?: boolean;
  write: (line: string) => void;
}

export interface EngineOutcome extends DeployResult {
  summary: string;
  changes: Record<string, number>;
}

const PUSH_EVERY_MS = 1000;

export async function runEngine(options: EngineOptions): Promise<EngineOutcome> {
  const { project, operation, write } = options;
  const { app, kernel } = project;
  const ref: StageRef = { app: app.name, stage: app.stage };
  if (operation === "remove" && app.protect) {
    throw new SSTError({
      code: "E_PROTECTED",
      message: `Stage "${app.stage}" is protected: sst remove will not run on it.`,
      hint: "Set `protect` to false for this stage in sst.config.ts, deploy, then remove.",
    });
  }
  const pulumiDir = requirePulumi();
  // Before anything is read, bootstrapped or locked: the engine could not run the default providers.
  requireProviderPlugins(project, pulumiDir);
  // A bad SST_BUILD_CONCURRENCY fails here, before anything is created or locked.
  const concurrency = buildConcurrency(undefined);
  const home = await openHome(kernel, app);
  const passphrase = await passphraseFor(home, ref, { create: operation === "deploy" || operation === "diff" });
  const secrets = await effectiveSecrets(home, ref, passphrase);
  // Read and check the state before taking the lock: a corrupt checkpoint fails here, with nothing written.
  const stored = await home.getState(ref);
  if (stored) parseCheckpoint(stored, `${home.name} home (${home.describe()})`);
  // Created on first use: a run that encodes no link file (or fails before) writes none.
  const linkSecret = () => linkSecretFor(home, ref);
  const log = openLog(project.root, { print: Boolean(options.printLogs), write: printEngineLog });
  // Once per command, before the lock: what the home and plugins set up for the program to read.
  const bootstrap = await runBootstrap({ kernel, app, home, command: operation, dev: Boolean(options.dev) });
  const targets = options.targets?.length ? await targetUrns(project, options.targets, { secrets, bootstrap, dev: Boolean(options.dev) }) : undefined;

  const updateId = descendingId();
  const locking = operation !== "diff";
  if (locking) await home.lock(ref, { created: new Date().toISOString(), updateID: updateId, command: operation, pid: process.pid });
  for (const dir of sweepWorkspaces(project.root)) log.sst(`removed the workspace of a stopped run: ${dir}`);
  const record = { id: updateId, command: operation, version: VERSION, timeStarted: new Date().toISOString(), errors: [] as { urn?: string; message: string }[] };
  log.sst(`${operation} ${app.name}/${app.stage} update ${updateId}`);

  let programError: unknown;
  const program = async () => {
    try {
      const build = { concurrency, onEvent: buildStatus(live) };
      return (await runProgram({ kernel, app, root: project.root, run: project.run, dev: Boolean(options.dev), secrets, linkSecret, bootstrap, build })).outputs;
    } catch (error) {
      programError = error;
      throw error;
    }
  };
  // An error thrown in an Output's apply after run() returned surfaces here, not through `program`.
  const stray = collectStrayErrors();
  const live = new StatusLine();
  const progress = new Progress(write, operation === "diff", live);
  let workspace: Awaited<ReturnType<typeof openWorkspace>> | undefined;
  let interrupted = false;
  // Ctrl-C in a terminal reaches the whole process group, the engine included, which then stops gracefully
  // (finishing what is in flight and saving state). A SIGTERM sent to sst alone is passed on the same way.
  const abort = new AbortController();
  const onSignal = (signal: NodeJS.Signals) => {
    if (!interrupted) write("Cancelling… (the engine finishes what is in flight and saves the state)");
    interrupted = true;
    if (signal === "SIGTERM") abort.abort();
  };
  // `on`, not `once`: execa (inside the automation API) re-raises a signal no other listener is left for.
  process.on("SIGINT", onSignal);
  process.on("SIGTERM", onSignal);
  const timer = setInterval(() => void workspace?.push(), PUSH_EVERY_MS);
  try {
    workspace = await openWorkspace({ kernel, app, root: project.root, home, passphrase, pulumiDir, updateId, program, pushes: locking });
    for (const op of workspace.cleared) logger.warn(`Cleared an operation a stopped run left pending: ${op}`);
    await kernel.hooks.deploy.before.promise({ operation, app });
    const common = {
      onEvent: progress.onEvent,
      onOutput: (out: string) => log.engine(out),
      target: targets,
      targetDependents: targets ? true : undefined,
      color: "never" as const,
      signal: abort.signal,
    };
    let outputs: Record<string, unknown> = {};
    if (operation === "deploy") {
      const result: automation.UpResult = await workspace.stack.up({ ...common, continueOnError: options.continueOnError });
      outputs = plainOutputs(result.outputs);
    } else if (operation === "diff") {
      await workspace.stack.preview({ ...common });
    } else if (operation === "remove") {
      await workspace.stack.destroy({ ...common, continueOnError: options.continueOnError });
    } else {
      await workspace.stack.refresh({ ...common });
    }
    const outcome: EngineOutcome = {
      ok: true,
      outputs,
      errors: [],
      summary: progress.summary(),
      changes: Object.fromEntries(progress.changes),
    };
    await finish(workspace, home, ref, operation, project.root, outputs);
    await kernel.hooks.deploy.after.promise({ operation, app }, outcome);
    return outcome;
  } catch (error) {
    // Only the user's own (thrown in their code, or a bad value they returned): the runtime's own rejections
    // (a monitor shutting down on Ctrl-C) are explained by what the engine reports.
    const strayError = stray.first === undefined ? undefined : strayUserError(stray.first, project.configPath);
    const fromProgram = programError ?? (isSSTError(strayError) ? strayError : undefined);
    const failure = explain(error, fromProgram, progress.errors, interrupted);
    record.errors = progress.errors.map((e) => ({ urn: e.urn, message: e.message }));
    if (record.errors.length === 0) record.errors.push({ message: failure.message });
    await kernel.hooks.deploy.after
      .promise({ operation, app }, { ok: false, outputs: {}, errors: progress.errors.map((e) => ({ name: e.name, message: e.message })) })
      .catch(() => undefined);
    throw failure;
  } finally {
    stray.stop();
    live.stop();
    clearInterval(timer);
    process.off("SIGINT", onSignal);
    process.off("SIGTERM", onSignal);
    await workspace?.close().catch((error) => log.sst(`state push failed: ${String(error)}`));
    if (locking) {
      await home.putUpdate(ref, { ...record, timeCompleted: new Date().toISOString() }).catch(() => undefined);
      await home.unlock(ref);
    }
  }
}

async function finish(
  workspace: Awaited<ReturnType<typeof openWorkspace>>,
  home: Home,
  ref: StageRef,
  operation: EngineOperation,
  root: string,
  outputs: Record<string, unknown>,
): Promise<void> {
  await workspace.push();
  if (operation === "deploy") writeOutputs(root, outputs);
  if (operation === "remove") {
    writeOutputs(root, {});
    await home.removeState(ref);
  }
}

/** Stack outputs as values; secret ones as `[secret]`; `_`-prefixed ones are internal and dropped. */
function plainOutputs(outputs: automation.UpResult["outputs"]): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(outputs)
      .filter(([key]) => !key.startsWith("_"))
      .map(([key, o]) => [key, (o as { secret?: boolean }).secret ? "[secret]" : (o as { value: unknown }).value]),
  );
}

function writeOutputs(root: string, outputs: Record<string, unknown>): void {
  mkdirSync(join(root, ".sst"), { recursive: true });
  writeFileSync(join(root, ".sst", "outputs.json"), JSON.stringify(outputs, null, 2) + "\n");
}

/** The error the user sees: their program's own error, or each failed resource with the provider's message. */
function explain(error: unknown, programError: unknown, errors: ResourceError[], interrupted: boolean): SSTError {
  if (programError !== undefined) {
    if (isSSTError(programError)) return programError;
    return new SSTError({ code: "E_RUN_FAILED", message: programError instanceof Error ? programError.message : String(programError) }, { cause: programError });
  }
  if (isSSTError(error)) return error;
  if (interrupted) return new SSTError({ code: "E_INTERRUPTED", message: "Cancelled. State was saved; run the command again to continue." });
  const byResource = errors.filter((e) => e.name);
  if (byResource.length) {
    return new SSTError(
      byResource.map((e) => ({ code: "E_RESOURCE_FAILED", message: `${e.name} (${e.type}): ${e.message}` })),
      { cause: error },
    );
  }
  const general = errors.map((e) => e.message).join("\n");
  const raw = error instanceof Error ? error.message : String(error);
  return new SSTError({ code: "E_ENGINE_FAILED", message: general || raw.split("\n").find((l) => /error/i.test(l))?.trim() || raw }, { cause: error });
}
