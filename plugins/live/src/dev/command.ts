/**
 * `sst dev [command]` (../docs 03-cli.md "dev", 05-live.md): deploys the app with `$dev` (each Function as a
 * bridge), then runs the functions' invocations locally until Ctrl-C, redeploying when `sst.config.ts`
 * changes. With a command, runs it with the stage's links in its environment, and ends when it does.
 *
 * Modes (`--mode`): `multi`, the default on a terminal, is the tabbed UI: a pane for the deploys, one for the
 * functions, one per `sst.x.DevCommand`. `mono` (the default elsewhere) prints all of it as one stream, each
 * process's lines prefixed with its name. `basic` deploys and runs functions only, starting no dev commands.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { watch, type FSWatcher } from "node:fs";
import type { Command, CommandArgs, Kernel, ResolvedApp } from "@sst/core";
import { awsHomeConfig, credentialsFor } from "@sst/aws";
import { AppSyncTransport } from "../transport/appsync.js";
import type { LiveState } from "../plugin.js";
import { devCommandSpecs } from "../components/dev-command.js";
import { Children, prefixed, type ChildOutput } from "./children.js";
import { Multiplexer } from "./multiplexer.js";
import { roleCredentials } from "./role-credentials.js";
import { startDevSession, type DevSession } from "./session.js";

const args = {
  command: { type: "positional", description: "The command to run", required: false },
  mode: {
    type: "enum",
    options: ["multi", "mono", "basic"],
    description: "multi: the tabbed UI; mono: one stream of every process's output; basic: no child processes",
  },
} satisfies CommandArgs;

/** Where each kind of output goes in a mode. */
interface Outputs {
  deploy: (line: string) => void;
  functions: (line: string) => void;
  children: ChildOutput;
  close(): void;
}

function outputsFor(mode: string, quit: () => void): Outputs {
  const print = (line: string) => console.log(line);
  if (mode !== "multi") return { deploy: print, functions: print, children: prefixed(print), close() {} };
  const ui = new Multiplexer();
  ui.pane("deploy", "Deploy");
  ui.pane("functions", "Functions");
  ui.on("quit", quit);
  ui.start();
  return {
    deploy: (line) => ui.write("deploy", line),
    functions: (line) => ui.write("functions", line),
    children: (title, text, _kind, status) => {
      ui.write(`child:${title}`, text);
      ui.pane(`child:${title}`).title = title;
      if (status) ui.status(`child:${title}`, status);
    },
    close: () => ui.stop(),
  };
}

export function devCommand(state: LiveState): Command<typeof args> {
  return {
    name: "dev",
    description: "Run your app in dev mode",
    args,
    examples: [
      "sst dev                       deploy in dev mode and run your functions here",
      "sst dev --mode=mono           one stream instead of tabs",
      "sst dev --mode=basic          only deploy and run functions",
      "sst dev next dev              run a command with your app's links",
      "sst dev -- next dev --turbo   pass flags to the command after --",
    ],
    async run({ kernel, app, root, cli, args, configPath }) {
      const words = [args.command, ...args._].filter((w): w is string => typeof w === "string" && w.length > 0);
      // A command given on the line owns the terminal, so the tabs would fight it: one stream then.
      const mode = args.mode ?? (process.stdout.isTTY && !words.length ? "multi" : "mono");
      let quit!: () => void;
      const stopped = new Promise<void>((resolve) => (quit = resolve));
      const out = outputsFor(mode, () => quit());
      try {
        const deploy = async () => {
          await cli.engine("deploy", { dev: true, write: mode === "multi" ? out.deploy : undefined });
          if (mode !== "basic") await children.reconcile(devCommandSpecs().values());
        };
        const children = new Children(out.children);
        await deploy();
        const session = await startSession(state, { kernel, app, root, print: out.functions });
        let child: ChildProcess | undefined;
        if (words.length) {
          const env = { ...process.env, ...(await cli.linkEnvironment()), SST_DEV: "true" };
          child = spawn(words[0]!, words.slice(1), { stdio: "inherit", env });
          child.once("exit", () => quit());
        }
        const watcher = redeployOnSave(configPath, deploy, out.deploy);
        process.once("SIGINT", () => quit());
        process.once("SIGTERM", () => quit());
        await stopped;
        watcher.close();
        child?.kill("SIGTERM");
        await children.stopAll();
        await session?.stop();
      } finally {
        out.close();
      }
    },
  };
}

/** The local side of live functions, when the deploy had any (an app with the aws provider). */
async function startSession(
  state: LiveState,
  context: { kernel: Kernel; app: ResolvedApp; root: string; print: (line: string) => void },
): Promise<DevSession | undefined> {
  const live = state.bootstrap;
  if (!live) return undefined;
  const credentials = credentialsFor(awsHomeConfig(context.app));
  const session = await startDevSession({
    ...context,
    region: live.api.region,
    transport: new AppSyncTransport({ endpoint: { http: live.api.http, realtime: live.api.realtime, region: live.api.region, secure: live.api.secure }, credentials }),
    jobs: () => state.jobs,
    credentials: roleCredentials({ region: live.api.region, credentials, warn: (message) => context.print(`! ${message}`) }),
  });
  context.print(`Live: ${state.jobs.size} function${state.jobs.size === 1 ? "" : "s"} run here. Ctrl-C to stop.`);
  return session;
}

/** Redeploys when the config file is saved; saves during a deploy queue one more deploy. */
function redeployOnSave(file: string, deploy: () => Promise<unknown>, print: (line: string) => void): FSWatcher {
  let running: Promise<unknown> | undefined;
  let again = false;
  const go = () => {
    if (running) return void (again = true);
    running = deploy()
      .catch((error: unknown) => print(`✕ ${error instanceof Error ? error.message : String(error)}`))
      .finally(() => {
        running = undefined;
        if (again) (again = false), go();
      });
  };
  return watch(file, () => go());
}
