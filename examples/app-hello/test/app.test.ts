import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { synthConfig } from "@sst/core/testing";
import { describe, expect, it } from "vitest";

const root = join(import.meta.dirname, "..");

describe("app-hello", () => {
  it("creates a greeting, a secret and a linkable, offline", async () => {
    const graph = await synthConfig({ cwd: root, stage: "test" });
    expect(graph.roots().filter((r) => r.type !== "sst:sst:LinkRef").map((r) => `${r.name} ${r.type}`)).toEqual([
      "Greeting sst:hello:Greeting",
      "ApiKey sst:sst:Secret",
      "Settings sst:sst:Linkable",
    ]);
    expect(graph.outputs.greeting).toBe("Hello, world!");
  });

  it("uses the secret's placeholder when no value is set, and a set value otherwise, never in output", async () => {
    const unset = await synthConfig({ cwd: root, stage: "test" });
    expect(unset.outputs.apiKey).toBe("[secret]");
    const set = await synthConfig({ cwd: root, stage: "test", secrets: { ApiKey: "real-key" } });
    expect(JSON.stringify(set.result)).not.toContain("real-key");
    expect(JSON.stringify(unset.result)).not.toContain("placeholder-key");
  });

  it("links Settings with its properties and an environment include", async () => {
    const graph = await synthConfig({ cwd: root, stage: "pr-7" });
    const settings = graph.links.find((l) => l.name === "Settings")!;
    expect(settings.properties).toEqual({ greeting: "Hello, world!", retries: 3, verbose: true, type: "sst.sst.Linkable" });
    expect(settings.include).toEqual([{ type: "environment", env: { SETTINGS_STAGE: "pr-7" } }]);
  });

  it("turns verbose off in production", async () => {
    const graph = await synthConfig({ cwd: root, stage: "production" });
    expect(graph.links.find((l) => l.name === "Settings")!.properties.verbose).toBe(false);
  });

  it("has a committed config that type-checks against the editor globals", () => {
    // The config references the generated .sst/platform/config.d.ts; it exists after any `sst diff --offline`.
    expect(readFileSync(join(root, "sst.config.ts"), "utf8")).toContain('/// <reference path="./.sst/platform/config.d.ts" />');
    expect(existsSync(join(root, "package.json"))).toBe(true);
  });
});
