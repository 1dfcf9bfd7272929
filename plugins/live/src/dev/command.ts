/**
 * `sst dev [command]` (../docs 03-cli.md "dev", 05-live.md): deploys the app with `$dev` (each Function as a
 * bridge), then runs the functions' invocations locally until Ctrl-C, redeploying when `sst.config.ts`
 * changes. With a command, runs it with the stage's links in its environment, and ends when it does.
 *
 * Modes: `mono` prints every process's output in one stream, each line prefixed with its process;
 * `basic` deploys and runs functions only (no `sst.x.DevCommand` processes). `multi` is meant to be the tabbed
 * multiplexer; until it exists it prints as `mono` does.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { watch, type FSWatcher } from "node:fs";
import type { Command, CommandArgs } from "@sst/core";
import { awsHomeConfig, credentialsFor } from "@sst/aws";
import { AppSyncTransport } from "../transport/appsync.js";
import type { LiveState } from "../plugin.js";
import { startDevSession, type DevSession } from "./session.js";
import { Children } from "./children.js";
import { devCommandSpecs } from "../components/dev-command.js";

const args = {
  command: { type: "positional", description: "The command to run", required: false },
  mode: {
    type: "enum",
    options: ["multi", "mono", "basic"],
    description: "multi: the tabbed UI; mono: one stream of every process's output; basic: no child processes",
  },
} satisfies CommandArgs;

export function devCommand(state: LiveState): Command<typeof args> {
  return {
    name: "dev",
    description: "Run your app in dev mode",
    args,
    examples: [
      "sst dev                       deploy in dev mode and run your functions here",
      "sst dev --mode=basic          only deploy and run functions",
      "sst dev next dev              run a command with your app's links",
      "sst dev -- next dev --turbo   pass flags to the command after --",
    ],
    async run({ kernel, app, root, cli, args, configPath }) {
      const print = (line: string) => console.log(line);
      const words = [args.command, ...args._].filter((w): w is string => typeof w === "string" && w.length > 0);
      await cli.engine("deploy", { dev: true });
      const live = state.bootstrap;
      let session: DevSession | undefined;
      if (live) {
        const config = awsHomeConfig(app);
        const credentials = credentialsFor(config);
        const resolved = await credentials();
        session = await startDevSession({
          kernel,
          root,
          app,
          region: live.api.region,
          transport: new AppSyncTransport({ endpoint: { http: live.api.http, realtime: live.api.realtime, region: live.api.region }, credentials }),
          jobs: () => state.jobs,
          env: {
            AWS_ACCESS_KEY_ID: resolved.accessKeyId,
            AWS_SECRET_ACCESS_KEY: resolved.secretAccessKey,
            ...(resolved.sessionToken ? { AWS_SESSION_TOKEN: resolved.sessionToken } : {}),
          },
          print,
        });
        print(`Live: ${state.jobs.size} function${state.jobs.size === 1 ? "" : "s"} run here. Ctrl-C to stop.`);
      }
      // `basic` mode starts no processes; otherwise the app's dev commands run beside the functions.
      const children = new Children(print);
      const startChildren = async () => {
        if (args.mode !== "basic") await children.reconcile(devCommandSpecs().values());
      };
      await startChildren();
      // `sst dev <command>`: in the foreground, with the stage's links; sst dev ends when it does.
      let child: ChildProcess | undefined;
      if (words.length) {
        const env = { ...process.env, ...(await cli.linkEnvironment()), SST_DEV: "true" };
        child = spawn(words[0]!, words.slice(1), { stdio: "inherit", env });
      }
      const watcher = redeployOnSave(configPath, async () => (await cli.engine("deploy", { dev: true }), await startChildren()), print);
      await new Promise<void>((resolve) => {
        process.once("SIGINT", () => resolve());
        process.once("SIGTERM", () => resolve());
        child?.once("exit", () => resolve());
      });
      watcher.close();
      child?.kill("SIGTERM");
      await children.stopAll();
      await session?.stop();
    },
  };
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
