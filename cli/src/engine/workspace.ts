/**
 * One engine run's workspace: a fresh directory `.sst/pulumi/<updateID>/` whose file backend holds the
 * checkpoint pulled from the home; the checkpoint is pushed back while the run goes (so a killed run loses
 * little) and when it ends.
 */
import { automation } from "@pulumi/pulumi";
import { configDir, defaultProviders, type Home, type Kernel, type ResolvedApp, type StageRef } from "@sst/core";
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { delimiter, join } from "node:path";
import { clearPending, parseCheckpoint, type Checkpoint } from "./checkpoint.js";
import { PROVIDER_HOST, writeProviderShim } from "./provider-shim.js";
import { claimWorkspace } from "./sweep.js";

export interface Workspace {
  stack: automation.Stack;
  dir: string;
  /** The checkpoint as pulled (before the run), undefined for a new stage. */
  before?: Checkpoint;
  /** Pending operations dropped from the pulled checkpoint. */
  cleared: string[];
  /** Pushes the checkpoint to the home if it changed since the last push (never without `pushes`). */
  push(): Promise<void>;
  /** Final push, then removes the directory (kept with SST_NO_CLEANUP). */
  close(): Promise<void>;
}

export interface OpenOptions {
  kernel: Kernel;
  app: ResolvedApp;
  root: string;
  home: Home;
  passphrase: string;
  pulumiDir: string;
  updateId: string;
  program: automation.PulumiFn;
  /** Whether the run writes the checkpoint back to the home: only a run that holds the stage lock may. */
  pushes?: boolean;
}

export function engineEnv(options: { passphrase: string; pulumiDir: string }): Record<string, string> {
  return {
    PULUMI_CONFIG_PASSPHRASE: options.passphrase,
    PULUMI_HOME: join(configDir(), "pulumi"),
    PULUMI_SKIP_UPDATE_CHECK: "true",
    PULUMI_AUTOMATION_API_SKIP_VERSION_CHECK: "true",
    PULUMI_SKIP_CONFIRMATIONS: "true",
    // For a dynamic-provider shim other than ours (scripts/pulumi/build.sh's honours it): still our host.
    SST_PULUMI_DYNAMIC_PROVIDER: PROVIDER_HOST,
    PATH: [options.pulumiDir, process.env.PATH ?? ""].join(delimiter),
  };
}

export async function openWorkspace(options: OpenOptions): Promise<Workspace> {
  const { app, home } = options;
  const ref: StageRef = { app: app.name, stage: app.stage };
  const dir = join(options.root, ".sst", "pulumi", options.updateId);
  const stacksDir = join(dir, ".pulumi", "stacks", app.name);
  const file = join(stacksDir, `${app.stage}.json`);
  mkdirSync(stacksDir, { recursive: true });
  claimWorkspace(dir);
  writeFileSync(join(dir, ".pulumi", "meta.yaml"), "version: 1\n");

  let before: Checkpoint | undefined;
  let cleared: string[] = [];
  const pulled = await home.getState(ref);
  if (pulled) {
    ({ checkpoint: before, cleared } = clearPending(parseCheckpoint(pulled, `${home.name} home (${home.describe()})`)));
    writeFileSync(file, JSON.stringify(before));
  }

  // A plugin's default provider gives its settings (kept out of state, e.g. AWS_PROFILE) to the engine here.
  const defaults = defaultProviders(options.kernel, app);
  const env = { ...Object.assign({}, ...defaults.map((d) => d.env)), ...engineEnv(options) };
  // The automation API finds `pulumi` (and the plugins beside it) on PATH.
  process.env.PATH = env.PATH;
  const pulumiCommand = await automation.PulumiCommand.get({ skipVersionCheck: true });
  const stack = await automation.LocalWorkspace.createOrSelectStack(
    { stackName: app.stage, projectName: app.name, program: options.program },
    {
      workDir: dir,
      pulumiCommand,
      envVars: env,
      projectSettings: {
        name: app.name,
        runtime: "nodejs",
        backend: { url: `file://${dir}` },
        // Pulumi's type lacks it, the engine reads it: the dynamic provider is ours (provider-shim.ts).
        ...{ plugins: { providers: [{ name: "pulumi-nodejs", path: writeProviderShim(dir) }] } },
      },
    },
  );
  // Stack config sets up the engine's own default provider of each package, which serves invokes made
  // without a provider: from the plugin's default provider when there is one (so what it keeps out of
  // state stays out), else from `providers.<name>` as written.
  const config: Record<string, { value: string; secret?: boolean }> = {};
  for (const [provider, given] of Object.entries(app.providers)) {
    const args = defaults.find((d) => d.name === provider)?.args ?? given;
    for (const [key, value] of Object.entries(args)) {
      if (key === "version" || key === "package" || value === undefined) continue;
      config[`${provider}:${key}`] = { value: typeof value === "string" ? value : JSON.stringify(value) };
    }
  }
  if (Object.keys(config).length) await stack.setAllConfig(config);

  let pushed = pulled ? JSON.stringify(before) : "";
  let lastMtime = 0;
  const push = async () => {
    if (!options.pushes || !existsSync(file)) return;
    const mtime = statSync(file).mtimeMs;
    if (mtime === lastMtime) return;
    lastMtime = mtime;
    const data = readFileSync(file, "utf8");
    if (data === pushed || data.length === 0) return;
    const checkpoint = parseCheckpoint(data, file); // never push a half-written or broken file
    // A new stage whose first run created nothing has no state worth keeping.
    if (!pulled && (checkpoint.checkpoint.latest?.resources ?? []).length === 0) return;
    await home.putState(ref, Buffer.from(data));
    pushed = data;
  };
  return {
    stack,
    dir,
    before,
    cleared,
    push: () => push().catch(() => undefined),
    async close() {
      await push();
      if (!process.env.SST_NO_CLEANUP) rmSync(dir, { recursive: true, force: true });
    },
  };
}
