/** What a function deploys as under sst dev: the live bridge, with the variables and permissions it needs. */
import { synth } from "@sst/core/testing";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { Function, type FunctionArgs } from "@sst/aws";
import { liveCode, type LiveFunction } from "../src/components/helpers/function-dev.js";
import { app, recording } from "./_function.js";

const live = {
  api: { arn: "arn:aws:appsync:eu-west-1:123:apis/abc", http: "abc.appsync-api.eu-west-1.amazonaws.com", realtime: "abc.appsync-realtime-api.eu-west-1.amazonaws.com", region: "eu-west-1" },
  bridges: { x86_64: "/cache/bridge-x86_64", arm64: "/cache/bridge-arm64" },
};
const fn: LiveFunction = { name: "Api", runtime: "nodejs20.x", handler: "src/api.handler", timeoutSeconds: 20, architecture: "arm64", streaming: false };

async function codeOf(options: { dev: boolean; bootstrap?: Record<string, unknown> }, f: LiveFunction = fn) {
  let code: ReturnType<typeof liveCode>;
  await synth({ app: { name: "shop" }, stage: "ada", dev: options.dev, bootstrap: options.bootstrap, run: () => void (code = liveCode(f)) });
  return code;
}

describe("a function under sst dev", () => {
  it("deploys as the bridge for its architecture, telling it who it stands in for", async () => {
    const code = await codeOf({ dev: true, bootstrap: { live } });
    expect(code).toMatchObject({ dir: "/cache/bridge-arm64", handler: "bootstrap", runtime: "provided.al2023" });
    expect(code!.environment).toEqual({
      SST_LIVE_HTTP: live.api.http,
      SST_LIVE_REALTIME: live.api.realtime,
      SST_FUNCTION_ID: "Api",
      SST_APP: "shop",
      SST_STAGE: "ada",
      SST_REGION: "eu-west-1",
      SST_FUNCTION_RUNTIME: "nodejs20.x",
      SST_FUNCTION_HANDLER: "src/api.handler",
      SST_FUNCTION_TIMEOUT_MS: "20000",
      SST_FUNCTION_ARCHITECTURE: "arm64",
      SST_FUNCTION_STREAMING: "false",
    });
  });

  it("tells the bridge to use plain http and ws for a local Events server", async () => {
    const local = { ...live, api: { ...live.api, http: "127.0.0.1:4010", realtime: "127.0.0.1:4010", secure: false } };
    const code = await codeOf({ dev: true, bootstrap: { live: local } });
    expect(code!.environment).toMatchObject({ SST_LIVE_HTTP: "127.0.0.1:4010", SST_LIVE_INSECURE: "true" });
    expect((await codeOf({ dev: true, bootstrap: { live } }))!.environment.SST_LIVE_INSECURE).toBeUndefined();
  });

  it("lets the bridge connect, publish and subscribe on the live API only", async () => {
    const code = await codeOf({ dev: true, bootstrap: { live } });
    expect(code!.permissions).toEqual([
      { actions: ["appsync:EventConnect", "appsync:EventPublish", "appsync:EventSubscribe"], resources: [live.api.arn, `${live.api.arn}/*`] },
    ]);
  });

  it("deploys as itself outside $dev, with dev: false, or without the live plugin's bootstrap", async () => {
    expect(await codeOf({ dev: false, bootstrap: { live } })).toBeUndefined();
    expect(await codeOf({ dev: true, bootstrap: { live } }, { ...fn, dev: false })).toBeUndefined();
    expect(await codeOf({ dev: true })).toBeUndefined();
  });
});

describe("sst.aws.Function under sst dev", () => {
  const root = join(import.meta.dirname, ".tmp-function");
  const bridge = join(root, `bridge-${process.pid}`);
  mkdirSync(bridge, { recursive: true });
  writeFileSync(join(bridge, "bootstrap"), "#!/bin/sh\n", { mode: 0o755 });
  afterAll(() => rmSync(bridge, { recursive: true, force: true }));
  const bootstrap = { aws: { version: 2, state: "s", asset: "sst-asset-test" }, live: { ...live, bridges: { x86_64: bridge, arm64: bridge } } };

  async function deploy(args: Partial<FunctionArgs>) {
    const rec = recording();
    await synth({
      ...app,
      dev: true,
      bootstrap,
      mocks: rec.mocks,
      run: () => void new Function("Api", { handler: "src/api.handler", layers: ["arn:aws:lambda:us-east-1:1:layer:l:1"], ...args } as FunctionArgs),
    });
    return rec;
  }

  it("deploys the bridge with the live variables beside its own, the appsync permissions, and no layers", async () => {
    const rec = await deploy({ environment: { DEBUG: "1" } });
    const fn = rec.get("ApiFunction");
    expect(fn).toMatchObject({ runtime: "provided.al2023", handler: "bootstrap", s3Key: expect.stringMatching(/^assets\/Api-[0-9a-f]{64}\.zip$/) });
    expect(fn.layers).toBeUndefined();
    expect(fn.environment.variables).toMatchObject({ DEBUG: "1", SST_FUNCTION_ID: "Api", SST_FUNCTION_HANDLER: "src/api.handler", SST_KEY_FILE: "resource.enc" });
    expect(JSON.parse(rec.get("ApiPolicy").policy).Statement).toEqual([
      { Effect: "Allow", Action: ["appsync:EventConnect", "appsync:EventPublish", "appsync:EventSubscribe"], Resource: [live.api.arn, `${live.api.arn}/*`] },
    ]);
  });

  it("deploys the function as itself with dev: false", async () => {
    const rec = await deploy({ dev: false });
    expect(rec.get("ApiFunction")).toMatchObject({ runtime: "nodejs20.x", handler: "src/api.handler", s3Key: "assets/Api-skipped.zip" });
    expect(rec.get("ApiFunction").layers).toEqual(["arn:aws:lambda:us-east-1:1:layer:l:1"]);
  });
});
