import { readFileSync, rmSync, writeFileSync } from "node:fs";
import ts from "typescript";
import { join } from "node:path";
import { writeConfigTypes } from "@sst/core";
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
    expect(settings.properties).toEqual({ greeting: "Hello, world!", retries: 3, verbose: true });
    expect(settings.include).toEqual([{ type: "environment", env: { SETTINGS_STAGE: "pr-7" } }]);
  });

  it("turns verbose off in production", async () => {
    const graph = await synthConfig({ cwd: root, stage: "production" });
    expect(graph.links.find((l) => l.name === "Settings")!.properties.verbose).toBe(false);
  });

  it("type-checks sst.config.ts against the editor globals, plugin components included", () => {
    // What `sst diff --offline`/`sst types` write for the editor: the globals plus this app's providers.
    writeConfigTypes(root, []);
    const check = (file: string) => {
      const program = ts.createProgram([file], {
        strict: true,
        noEmit: true,
        skipLibCheck: true,
        target: ts.ScriptTarget.ES2022,
        module: ts.ModuleKind.NodeNext,
        moduleResolution: ts.ModuleResolutionKind.NodeNext,
        types: ["node"],
      });
      return ts.getPreEmitDiagnostics(program).map((d) => ts.flattenDiagnosticMessageText(d.messageText, "\n"));
    };
    expect(check(join(root, "sst.config.ts"))).toEqual([]);
    // And a typo in a plugin component is caught, so the check is real.
    const typo = join(root, "typo.config.ts");
    writeFileSync(typo, readFileSync(join(root, "sst.config.ts"), "utf8").replace("sst.hello.Greeting(", "sst.hello.Greetin("));
    try {
      expect(check(typo).join("\n")).toContain("Property 'Greetin' does not exist");
      // And so is a typo in one of its arguments.
      writeFileSync(typo, readFileSync(join(root, "sst.config.ts"), "utf8").replace('{ to: "world" }', '{ too: "world" }'));
      expect(check(typo).join("\n")).toContain("'too' does not exist in type 'GreetingArgs'");
    } finally {
      rmSync(typo);
    }
  });
});
