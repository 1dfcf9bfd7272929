/** What a function deploys as under sst dev: the live bridge, with the variables and permissions it needs. */
import { synth } from "@sst/core/testing";
import { describe, expect, it } from "vitest";
import { liveCode, type LiveFunction } from "../src/components/helpers/function-dev.js";

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
