import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { synthConfig } from "@sst/core/testing";

// Inside the repo, so the fixture's own imports resolve against its node_modules.
const scratch = mkdtempSync(join(import.meta.dirname, ".tmp-provider-plugins-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function project(name: string, providers: string, pluginBody?: string): string {
  const dir = join(scratch, name);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, "package.json"), JSON.stringify({ name, type: "module" }));
  writeFileSync(
    join(dir, "sst.config.ts"),
    `export default $config({\n  app() { return { name: "${name}", home: "local", providers: ${providers} } },\n  async run() { return { seen: "fake" in sst ? typeof (sst as any).fake.Thing : "undefined" } },\n});\n`,
  );
  if (pluginBody) {
    const pkg = join(dir, "node_modules", "@sst", "fake");
    mkdirSync(pkg, { recursive: true });
    writeFileSync(join(pkg, "package.json"), JSON.stringify({ name: "@sst/fake", type: "module", main: "index.js" }));
    writeFileSync(join(pkg, "index.js"), pluginBody);
  }
  return dir;
}

const plugin = `export default function fake() {
  return { name: "fake", apply(kernel) { kernel.registry.component("fake.Thing", class Thing {}); } };
}\n`;

describe("provider plugins", () => {
  it("applies @sst/<provider> when the app lists the provider and the package is installed", async () => {
    const graph = await synthConfig({ cwd: project("with-plugin", `{ fake: { version: "1.0.0", package: "@pulumi/pulumi" } }`, plugin), stage: "t" });
    expect(graph.outputs.seen).toBe("function");
  });

  it("does nothing for a provider whose plugin is not installed", async () => {
    const graph = await synthConfig({ cwd: project("without-plugin", `{ fake: { version: "1.0.0", package: "@pulumi/pulumi" } }`), stage: "t" });
    expect(graph.outputs.seen).toBe("undefined");
  });

  it("does not load a plugin for a provider the app does not list", async () => {
    const graph = await synthConfig({ cwd: project("unlisted", `{}`, plugin), stage: "t" });
    expect(graph.outputs.seen).toBe("undefined");
  });

  it("explains a package that does not export a plugin factory", async () => {
    await expect(synthConfig({ cwd: project("broken", `{ fake: { version: "1.0.0", package: "@pulumi/pulumi" } }`, "export const nothing = 1;\n"), stage: "t" })).rejects.toThrow(
      "@sst/fake does not export a plugin factory",
    );
  });
});
