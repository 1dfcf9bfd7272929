/**
 * The work behind `sst shell`: runs a command with the stage's links in its environment, read from the
 * state (the LinkRef outputs the last deploy left). Secret values are opened through the engine and go
 * only into the child's environment, never to the screen. The CLI exits with the child's code.
 */
import { SSTError, linkEnvironment, wireLinks } from "@sst/core";
import { encodeLinks } from "@sst/core/resource-env";
import { spawn } from "node:child_process";
import { constants } from "node:os";
import { resourcesOf } from "../engine/checkpoint.js";
import { withWorkspace } from "../engine/with-workspace.js";
import type { ProjectArgs } from "../project.js";
import { hasSealedSecrets, linksInState, reveal, type StateLink } from "../state/links.js";
import { openStage, readCheckpoint } from "../state/open.js";
import { closeNames } from "../util/close-names.js";

export interface ShellArgs extends ProjectArgs {
  target?: string;
  /** The command and its arguments (after `--`, or the positionals). */
  _: string[];
}

export async function shell(args: ShellArgs): Promise<void> {
  const env = { ...process.env, ...(await stageLinkEnvironment(args, "shell")) };
  const [command, ...rest] = args._.length ? args._ : [process.env.SHELL || (process.platform === "win32" ? "cmd.exe" : "sh")];
  process.exitCode = await run(command!, rest, env);
}

/**
 * The stage's links as environment variables (`SST_RESOURCE_*`, and with `target` that link's `environment`
 * includes), read from its state: what `sst shell` and `sst dev <command>` give a child process.
 */
export async function stageLinkEnvironment(args: ProjectArgs & { target?: string }, command: string): Promise<Record<string, string>> {
  const stage = await openStage(args, command);
  const { app } = stage.project;
  let links = linksInState(resourcesOf(await readCheckpoint(stage)));
  if (links.length === 0) {
    throw new SSTError({
      code: "E_SHELL_NO_LINKS",
      message: `Stage "${app.stage}" has no linkable resources in its state, so there is nothing to put in the environment.`,
      hint: `Deploy it first: sst deploy --stage ${app.stage}`,
    });
  }
  if (args.target) links = [pick(links, args.target)];
  if (hasSealedSecrets(links)) {
    const wanted = new Set(links.map((l) => l.name));
    const exported = await withWorkspace(stage.project, (ws) => ws.stack.exportStack());
    links = linksInState(exported.deployment.resources ?? []).filter((l) => wanted.has(l.name));
  }
  const encoded = encodeLinks({
    app: { name: app.name, stage: app.stage },
    links: reveal(wireLinks(links)) as Record<string, Record<string, unknown>>,
    // Windows upper-cases env names, so links travel as one JSON variable there (as in SST).
    target: process.platform === "win32" ? "env-json" : "env",
  }).env;
  return { ...encoded, ...(args.target ? environmentOf(links) : {}) };
}

/**
 * `--target X`: for now X is a link (a component with a LinkRef); its receivers get its link and its
 * `environment` includes. Once dev commands record the links they receive, X becomes a receiver instead.
 */
function pick(links: StateLink[], target: string): StateLink {
  const name = target.replace(/LinkRef$/, "");
  const link = links.find((l) => l.name === name);
  if (link) return link;
  const close = closeNames(name, links.map((l) => l.name));
  throw new SSTError({
    code: "E_SHELL_TARGET_UNKNOWN",
    message: `--target ${target}: no linkable component by that name in the state${close.length ? `; close names: ${close.join(", ")}` : ""}.`,
    hint: `Linkable components: ${links.map((l) => l.name).join(", ")}`,
  });
}

/** The links' `environment` includes, merged by core's one merge, secrets opened, as strings. */
function environmentOf(links: StateLink[]): Record<string, string> {
  const merged = reveal(linkEnvironment<unknown>(links)) as Record<string, unknown>;
  return Object.fromEntries(Object.entries(merged).map(([key, value]) => [key, typeof value === "string" ? value : JSON.stringify(value)]));
}

/** Runs the child on this terminal; resolves with its exit code (128 + signal number when killed). */
function run(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: "inherit", env });
    // Ctrl-C reaches the child from the terminal; a signal sent to sst alone is passed on.
    const ignore = () => undefined;
    const forward = (signal: NodeJS.Signals) => child.kill(signal);
    process.on("SIGINT", ignore);
    process.on("SIGTERM", forward);
    process.on("SIGHUP", forward);
    const done = () => {
      process.off("SIGINT", ignore);
      process.off("SIGTERM", forward);
      process.off("SIGHUP", forward);
    };
    child.on("error", (error: NodeJS.ErrnoException) => {
      done();
      reject(
        new SSTError(
          {
            code: "E_SHELL_COMMAND",
            message: `Could not run "${command}": ${error.code === "ENOENT" ? "command not found" : error.message}.`,
            hint: "Check the command, or pass it after `--`: sst shell -- node script.js",
          },
          { cause: error },
        ),
      );
    });
    child.on("exit", (code, signal) => {
      done();
      resolve(code ?? 128 + (signal ? (constants.signals[signal] ?? 0) : 0));
    });
  });
}
