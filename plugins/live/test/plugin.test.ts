/** @sst/live as a plugin: its command and manifest, the bootstrap it runs under $dev only, the builds it keeps. */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { commandManifest, Kernel, runBootstrap, validateApp, LocalHome } from "@sst/core";
import live from "@sst/live";

describe("the live plugin", () => {
  it("adds sst dev, described identically in its package.json for help", () => {
    const kernel = new Kernel({ plugins: [live()] });
    const pkg = JSON.parse(readFileSync(join(import.meta.dirname, "..", "package.json"), "utf8"));
    expect(pkg.sst.plugin).toBe("live");
    expect(pkg.sst.commands).toEqual(commandManifest(kernel.registry.commands.values()));
    expect([...kernel.registry.commands.keys()]).toEqual(["dev"]);
  });

  it("sets up nothing outside $dev, nor for an app without the aws provider", async () => {
    const kernel = new Kernel({ plugins: [live()] });
    const app = validateApp({ name: "a", home: "local" }, "dev");
    expect(await runBootstrap({ kernel, app, home: new LocalHome(), command: "deploy", dev: false })).toEqual({});
    expect(await runBootstrap({ kernel, app, home: new LocalHome(), command: "deploy", dev: true })).toEqual({});
  });
});

describe("SST_LIVE_ENDPOINT", () => {
  it("points sst dev and the bridges at a local Events server instead of the region's AppSync API", async () => {
    const { liveApiFromEnv } = await import("@sst/live");
    expect(liveApiFromEnv("eu-west-1", { SST_LIVE_ENDPOINT: "http://127.0.0.1:4010" })).toEqual({
      apiId: "local",
      arn: "arn:aws:appsync:eu-west-1:000000000000:apis/local",
      http: "127.0.0.1:4010",
      realtime: "127.0.0.1:4010",
      region: "eu-west-1",
      secure: false,
    });
    expect(liveApiFromEnv("eu-west-1", {})).toBeUndefined();
    expect(() => liveApiFromEnv("eu-west-1", { SST_LIVE_ENDPOINT: "not a url" })).toThrow(/SST_LIVE_ENDPOINT is not a URL/);
  });
});
