/**
 * `@sst/live`, the plugin: `sst dev`. Under `$dev` it sets up the region's live transport and the bridge
 * binaries before the deploy (bootstrap `live`, read by `sst.aws.Function`), keeps the functions each deploy
 * built, and adds the `dev` command.
 */
import { dirname } from "node:path";
import { AppSyncClient } from "@aws-sdk/client-appsync";
import { definePlugin, type BuildJob } from "@sst/core";
import { awsHomeConfig, credentialsFor } from "@sst/aws";
import { ensureLiveApi, liveApiFromEnv, type LiveApi } from "./bootstrap.js";
import { bridgeBinary, type BridgeArchitecture } from "./bridge/binary.js";
import { devCommand } from "./dev/command.js";
import { DevCommand, resetDevCommandSpecs } from "./components/dev-command.js";

/** The components this plugin adds: `sst.x.DevCommand`. */
const components = { x: { DevCommand } };
export type LiveComponents = typeof components;

/** What `useBootstrap("live")` gives components under `$dev`. */
export interface LiveBootstrap {
  api: LiveApi;
  /** A directory holding only the bridge's `bootstrap`, by architecture: the code of a live function. */
  bridges: Record<BridgeArchitecture, string>;
}

/** What the plugin keeps between the deploy and the local runs. */
export interface LiveState {
  bootstrap?: LiveBootstrap;
  /** The functions the last `$dev` deploy built, by name. */
  jobs: Map<string, BuildJob>;
}

export function live() {
  return definePlugin({
    name: "live",
    components,
    apply(kernel) {
      const state: LiveState = { jobs: new Map() };
      kernel.hooks.bootstrap.tapPromise("live", async (context) => {
        if (!context.dev || !context.app.providers.aws) return;
        const config = awsHomeConfig(context.app);
        const api = liveApiFromEnv(config.region) ?? (await ensureLiveApi(new AppSyncClient({ region: config.region, credentials: credentialsFor(config) })));
        const [x86_64, arm64] = await Promise.all([bridgeBinary("x86_64"), bridgeBinary("arm64")]);
        state.bootstrap = { api, bridges: { x86_64: dirname(x86_64), arm64: dirname(arm64) } };
        context.results.live = state.bootstrap;
      });
      kernel.hooks.program.before.tap("live", () => resetDevCommandSpecs());
      kernel.hooks.program.after.tap("live", (context, result) => {
        if (context.dev) state.jobs = new Map(result.builds.map((b) => [b.job.name, b.job]));
      });
      kernel.registry.command(devCommand(state));
    },
  });
}

export default live;

declare module "@sst/core" {
  interface SSTNamespace extends LiveComponents {}
}
