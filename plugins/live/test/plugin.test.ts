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
