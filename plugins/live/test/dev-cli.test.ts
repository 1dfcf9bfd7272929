/**
 * `sst dev` end to end through the CLI: the real engine deploys the app with $dev (moto for AWS's APIs, a
 * stand-in aws provider plugin recording what it is asked to create), the Function is deployed as the bridge
 * with its variables, and the test plays Lambda: it starts the bridge with exactly the deployed environment
 * and invokes it. The invocation runs the handler on this machine, a saved change runs on the next one, and
 * Ctrl-C ends sst dev cleanly.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { RuntimeApi } from "@sst/aws/runtime";
import { bridgeBinary, startEventsServer, type EventsServer } from "@sst/live";
import { ENGINE, sandbox, settledSurvivors, type Sandbox } from "../../../cli/test/engine.js";
import { BIN } from "../../../cli/test/run-cli.js";
import { MOTO, motoEnv, useMoto } from "../../aws/test/_moto.js";
import { installFakeAwsPlugin } from "../../aws/test/_fake-aws-plugin.js";
import { FIXTURES } from "./_live.js";

const moto = useMoto();
// moto's credentials: sst dev signs with them, and so does the bridge here (a real one signs with its role).
const KEY = { accessKeyId: "testing", secretAccessKey: "testing" };

/** Inputs as a provider receives them, with Pulumi's secret envelopes opened. */
function opened(value: any): any {
  if (Array.isArray(value)) return value.map(opened);
  if (value && typeof value === "object") {
    if ("4dabf18193072939515e22adb298388d" in value) return opened(value.value);
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, opened(v)]));
  }
  return value;
}

describe.skipIf(!MOTO || !ENGINE)("sst dev", { timeout: 600_000 }, () => {
  let box: Sandbox;
  let server: EventsServer;
  let lambda: RuntimeApi;
  let dev: ChildProcess;
  let bridge: ChildProcess | undefined;
  let stdout = "";
  let stderr = "";
  const record = () => join(box.dir, "created.jsonl");

  const until = async (what: string, check: () => boolean, ms = 300_000) => {
    const end = Date.now() + ms;
    while (!check()) {
      if (Date.now() > end || dev.exitCode !== null) throw new Error(`${what} did not happen.\nstdout:\n${stdout}\nstderr:\n${stderr}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  };

  beforeAll(async () => {
    box = sandbox(join(FIXTURES, "dev-app"));
    installFakeAwsPlugin(box.home);
    server = await startEventsServer({ region: "us-east-1", credentials: [KEY] });
    lambda = await RuntimeApi.start();
    dev = spawn(process.execPath, [BIN, "dev", "--mode", "mono", "--stage", "t1"], {
      cwd: box.dir,
      env: { ...box.env, ...motoEnv(moto.endpoint), SST_LIVE_ENDPOINT: `http://${server.endpoint.http}`, FAKE_AWS_RECORD: record() },
      detached: true,
    });
    dev.stdout!.on("data", (d) => (stdout += d));
    if (process.env.DEBUG_DEV) dev.stdout!.pipe(process.stderr);
    if (process.env.DEBUG_DEV) dev.stderr!.pipe(process.stderr);
    dev.stderr!.on("data", (d) => (stderr += d));
  });

  afterAll(async () => {
    bridge?.kill("SIGKILL");
    if (dev.exitCode === null) process.kill(-dev.pid!, "SIGKILL");
    await lambda?.close();
    await server?.close();
    box?.cleanup();
  });

  it("deploys each Function as the bridge, with its variables and the live API's permissions", async () => {
    await until("the deploy", () => stdout.includes("Live: 1 function run here"));
    const created = readFileSync(record(), "utf8").trim().split("\n").map((l) => JSON.parse(l));
    const fn = opened(created.find((c) => c.urn.includes("aws:lambda/function:Function"))!.inputs);
    expect(fn).toMatchObject({ runtime: "provided.al2023", handler: "bootstrap" });
    expect(fn.environment.variables).toMatchObject({
      SST_FUNCTION_ID: "Api",
      SST_APP: "live-e2e",
      SST_STAGE: "t1",
      SST_LIVE_HTTP: server.endpoint.http,
      SST_LIVE_INSECURE: "true",
      SST_FUNCTION_RUNTIME: "nodejs20.x",
      SST_FUNCTION_HANDLER: "src/api.handler",
    });
    const policy = created.filter((c) => c.urn.includes("aws:iam/rolePolicy:RolePolicy")).map((c) => JSON.parse(opened(c.inputs).policy));
    expect(JSON.stringify(policy)).toContain("appsync:EventPublish");

    // Lambda starts the deployed code with the deployed environment.
    bridge = spawn(await bridgeBinary("x86_64"), [], {
      env: {
        ...fn.environment.variables,
        PATH: process.env.PATH,
        AWS_LAMBDA_RUNTIME_API: lambda.endpoint("bridge"),
        AWS_LAMBDA_LOG_STREAM_NAME: "2026/11/25/[$LATEST]0123456789abcdef0123456789abcdef",
        AWS_REGION: "us-east-1",
        AWS_ACCESS_KEY_ID: KEY.accessKeyId,
        AWS_SECRET_ACCESS_KEY: KEY.secretAccessKey,
      },
      stdio: "ignore",
    });
  });

  it("runs an invocation of the deployed function here, with its links and its role's credentials, and prints it", async () => {
    const result = await lambda.invoke({ name: "Ada" }, { timeoutMs: 60_000, signal: AbortSignal.timeout(120_000) });
    expect(result.ok && JSON.parse(result.body.toString())).toEqual({ hello: "Ada", color: "teal", dev: "true", assumed: true, version: 1 });
    await until("the invocation's lines", () => /✓ Api done in \d+ ms/.test(stdout));
    expect(stdout).toContain("➜ Api invoked");
    expect(stdout).toContain("Api │ handling Ada");
  });

  it("runs the saved code on the next invocation", async () => {
    const handler = join(box.dir, "src", "api.ts");
    writeFileSync(handler, readFileSync(handler, "utf8").replace("version: 1", "version: 2"));
    const result = await lambda.invoke({ name: "Bo" }, { timeoutMs: 60_000, signal: AbortSignal.timeout(120_000) });
    expect(result.ok && JSON.parse(result.body.toString())).toMatchObject({ hello: "Bo", version: 2 });
  });

  it("ends on Ctrl-C, leaving no process of its own behind", async () => {
    process.kill(-dev.pid!, "SIGINT");
    const code = await new Promise<number | null>((resolve) => (dev.exitCode !== null ? resolve(dev.exitCode) : dev.once("exit", (c) => resolve(c))));
    expect({ code, stderr }).toMatchObject({ code: 0 });
    expect(await settledSurvivors([{ dir: box.dir, home: box.home }])).toEqual([]);
  });
});
