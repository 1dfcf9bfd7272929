#!/usr/bin/env node
// Smoke test of the Pulumi engine that scripts/pulumi/build.sh builds: the Automation API with an
// inline program, a file backend in a temp dir, a passphrase secrets provider, a temp PULUMI_HOME,
// no Pulumi service and no network. The program holds one pulumi.dynamic.Resource (so the engine must
// start the `pulumi-nodejs` dynamic-provider plugin) and stack outputs (one of them secret).
// Steps: up (create) → up (no-op) → preview after a config change (1 update) → up (update) →
// refresh → destroy → stack rm. Exits non-zero on the first surprise.
//
// Usage: node scripts/pulumi/smoke.mjs [binDir]
//   binDir defaults to $SST_PULUMI_BIN, else the last line of `bash scripts/pulumi/build.sh`.
//   SMOKE_KEEP=1 keeps the temp dir; SMOKE_VERBOSE=1 streams the engine's output.
import { execFileSync } from "node:child_process";
import { mkdtempSync, mkdirSync, rmSync, existsSync, readdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, "../..");
const require = createRequire(join(root, "package.json"));
const pulumi = require("@pulumi/pulumi");
const { LocalWorkspace, PulumiCommand } = require("@pulumi/pulumi/automation");

const t0 = Date.now();
const ms = () => `${((Date.now() - t0) / 1000).toFixed(1)}s`;
const log = (...a) => console.log(`[smoke ${ms()}]`, ...a);
function fail(msg) {
  console.error(`[smoke ${ms()}] FAIL: ${msg}`);
  process.exit(1);
}
function check(cond, msg) {
  if (!cond) fail(msg);
}

let binDir = process.argv[2] || process.env.SST_PULUMI_BIN;
if (!binDir) {
  const out = execFileSync("bash", [join(here, "build.sh")], { encoding: "utf8", stdio: ["ignore", "pipe", "inherit"] });
  binDir = out.trim().split("\n").pop();
}
binDir = resolve(binDir);
check(existsSync(join(binDir, "pulumi")), `no pulumi binary in ${binDir}`);

const tmp = mkdtempSync(join(tmpdir(), "sst-pulumi-smoke-"));
const stateDir = join(tmp, "state");
const homeDir = join(tmp, "home");
const workDir = join(tmp, "work");
for (const d of [stateDir, homeDir, workDir]) mkdirSync(d, { recursive: true });

// Everything the CLI (and the plugins it starts) sees. The engine inherits process.env as well.
const envVars = {
  PULUMI_CONFIG_PASSPHRASE: "smoke-passphrase", // passphrase secrets provider, no prompt
  PULUMI_HOME: homeDir, // no ~/.pulumi: credentials, plugin cache and workspace files go here
  PULUMI_SKIP_UPDATE_CHECK: "true", // the CLI would otherwise ask the internet for a newer version
  PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION: "true", // never try to download a plugin
  PULUMI_AUTOMATION_API_SKIP_VERSION_CHECK: "true", // our binary reports v<version>; skip anyway
  // The dynamic-provider plugin runs with cwd = workDir (a temp dir here), from which neither the shim's
  // lookup of @pulumi/pulumi nor the require() calls in serialized provider code would resolve.
  // NODE_PATH fixes both (SST_PULUMI_DYNAMIC_PROVIDER would fix only the shim).
  NODE_PATH: join(root, "node_modules"),
  PATH: `${binDir}:${process.env.PATH}`,
};
// PulumiCommand.get runs `pulumi version` with the parent's env: give it the same home.
Object.assign(process.env, { PULUMI_HOME: homeDir, PULUMI_SKIP_UPDATE_CHECK: "true" });

// A provider-less resource: the engine runs this provider in a separate `pulumi-resource-pulumi-nodejs`
// process, which deserializes these functions (closures are serialized by the SDK).
// Captured by the provider closure, so the serialized provider code does require("@pulumi/pulumi/version").
const sdkVersion = require("@pulumi/pulumi/version");
const thingProvider = {
  async check(olds, news) {
    return { inputs: news };
  },
  async diff(id, olds, news) {
    const replaces = olds.name !== news.name ? ["name"] : [];
    return { changes: olds.name !== news.name || olds.value !== news.value, replaces };
  },
  async create(inputs) {
    return { id: `thing-${inputs.name}`, outs: { ...inputs, pid: process.pid, sdk: sdkVersion.version } };
  },
  async update(id, olds, news) {
    return { outs: { ...news, pid: process.pid, sdk: sdkVersion.version } };
  },
  async read(id, props) {
    return { id, props };
  },
  async delete() {},
};
class Thing extends pulumi.dynamic.Resource {
  constructor(name, props, opts) {
    super(thingProvider, name, { ...props, pid: undefined, sdk: undefined }, opts);
  }
}

const program = async () => {
  const cfg = new pulumi.Config();
  const thing = new Thing("thing", { name: "hello", value: cfg.get("value") ?? "one" });
  return {
    thingId: thing.id,
    value: thing.value,
    providerPid: thing.pid,
    providerSdk: thing.sdk,
    secret: pulumi.secret("s3cr3t"),
  };
};

const projectName = "sst-pulumi-smoke";
const stackName = "dev";
const summary = {};
let stack;
const streams = process.env.SMOKE_VERBOSE ? { onOutput: (s) => process.stdout.write(s) } : {};

try {
  const pulumiCommand = await PulumiCommand.get({ root: dirname(binDir), skipVersionCheck: true });
  log(`CLI ${pulumiCommand.command} reports ${pulumiCommand.version}`);
  summary.cli = String(pulumiCommand.version);

  stack = await LocalWorkspace.createOrSelectStack(
    { stackName, projectName, program },
    {
      workDir,
      pulumiHome: homeDir,
      pulumiCommand,
      envVars,
      secretsProvider: "passphrase",
      projectSettings: { name: projectName, runtime: "nodejs", backend: { url: `file://${stateDir}` } },
    },
  );
  log(`stack ${stack.name} selected, backend file://${stateDir}`);

  let r = await stack.up(streams);
  log("up #1:", JSON.stringify(r.summary.resourceChanges));
  check(r.summary.result === "succeeded", `up #1 result ${r.summary.result}`);
  check(r.summary.resourceChanges?.create === 2, "up #1 should create the stack and the thing");
  check(r.outputs.thingId.value === "thing-hello", `thingId output is ${r.outputs.thingId.value}`);
  check(r.outputs.secret.secret === true && r.outputs.secret.value === "s3cr3t", "secret output");
  check(r.outputs.providerPid.value !== process.pid, "dynamic provider ran in this process?");
  check(r.outputs.providerSdk.value === sdkVersion.version, "provider code could not require @pulumi/pulumi/version");
  summary.up1 = r.summary.resourceChanges;
  summary.providerPid = r.outputs.providerPid.value;

  r = await stack.up(streams);
  log("up #2:", JSON.stringify(r.summary.resourceChanges));
  const changed2 = Object.entries(r.summary.resourceChanges ?? {}).filter(([k, n]) => k !== "same" && n);
  check(changed2.length === 0, `up #2 should be a no-op, got ${JSON.stringify(r.summary.resourceChanges)}`);
  summary.up2 = r.summary.resourceChanges;

  await stack.setConfig("value", { value: "two" });
  const p = await stack.preview(streams);
  log("preview after config change:", JSON.stringify(p.changeSummary));
  check(p.changeSummary.update === 1, `preview should show 1 update, got ${JSON.stringify(p.changeSummary)}`);
  summary.preview = p.changeSummary;

  r = await stack.up(streams);
  log("up #3:", JSON.stringify(r.summary.resourceChanges));
  check(r.summary.resourceChanges?.update === 1 && r.outputs.value.value === "two", "up #3 should update the thing");
  summary.up3 = r.summary.resourceChanges;

  const rf = await stack.refresh(streams);
  log("refresh:", JSON.stringify(rf.summary.resourceChanges));
  check(rf.summary.result === "succeeded", "refresh");
  summary.refresh = rf.summary.resourceChanges;

  const state = await stack.exportStack();
  const types = state.deployment.resources.map((x) => x.type);
  log("state resources:", types.join(", "));
  check(types.includes("pulumi-nodejs:dynamic:Resource"), "no dynamic resource in the state");
  const stateFile = join(stateDir, ".pulumi", "stacks", projectName, `${stackName}.json`);
  check(existsSync(stateFile), `state file ${stateFile} missing`);
  check(!readFileSync(stateFile, "utf8").includes("s3cr3t"), "secret in plain text in the state file");
  summary.stateFile = stateFile.replace(tmp, "<tmp>");

  const d = await stack.destroy(streams);
  log("destroy:", JSON.stringify(d.summary.resourceChanges));
  check(d.summary.resourceChanges?.delete === 2, "destroy should delete 2 resources");
  summary.destroy = d.summary.resourceChanges;

  await stack.workspace.removeStack(stackName);
  const plugins = existsSync(join(homeDir, "plugins")) ? readdirSync(join(homeDir, "plugins")) : [];
  check(plugins.length === 0, `plugins were downloaded into PULUMI_HOME: ${plugins}`);
  summary.pluginsDownloaded = plugins.length;
} catch (e) {
  fail(e?.stack || e);
} finally {
  if (!process.env.SMOKE_KEEP) rmSync(tmp, { recursive: true, force: true });
  else log(`kept ${tmp}`);
}
log(`OK in ${ms()}:`, JSON.stringify(summary));
console.log("1 passed, 0 failed");
