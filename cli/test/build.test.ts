import { existsSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ENGINE, sandbox, sst, type Sandbox } from "./engine.js";

/** The app's functions are built by a real esbuild builder (cli/test/fixtures/build-app/builder.ts). */
describe("builds under the CLI", () => {
  let box: Sandbox;
  beforeAll(() => void (box = sandbox("build-app")));
  afterAll(() => box.cleanup());
  const artifact = (name: string, file = "index.mjs") => join(box.dir, ".sst", "artifacts", name, file);

  it("sst diff --offline builds nothing: the artifacts are placeholders", async () => {
    const r = await sst(box, ["diff", "--offline", "--json", "--stage", "t"]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(existsSync(join(box.dir, ".sst", "artifacts"))).toBe(false);
    const rows = JSON.parse(r.stdout) as { name: string; inputs: Record<string, unknown> }[];
    expect(rows.find((row) => row.name === "ApiCode")!.inputs).toMatchObject({ hash: "", skipped: true });
  });

  it("sst diff --offline --build builds every function, with the added files", async () => {
    const r = await sst(box, ["diff", "--offline", "--build", "--json", "--stage", "t"]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(readFileSync(artifact("Api"), "utf8")).toContain("hello ${who}");
    expect(readFileSync(artifact("Cron", "resource.enc"), "utf8")).toBe("links of Cron");
    const rows = JSON.parse(r.stdout) as { name: string; inputs: Record<string, unknown> }[];
    expect(rows.find((row) => row.name === "ApiCode")!.inputs).toMatchObject({ hash: expect.stringMatching(/^[0-9a-f]{64}$/), skipped: false });
  });

  it("reports a function that does not compile by name and file:line, exit 1, no stack trace", async () => {
    const r = await sst(box, ["diff", "--offline", "--build", "--stage", "t"], { BROKEN: "1" });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/✕ Function "Broken" \(node\): src\/broken\.ts:2:\d+: /);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(r.stdout).toBe("");
  });

  (ENGINE ? describe : describe.skip)("with the engine", () => {
    it("deploy builds the functions; an unchanged app deploys with no changes and no rebuild", async () => {
      const first = await sst(box, ["deploy", "--stage", "one"]);
      expect(first.stderr).toBe("");
      expect(first.code).toBe(0);
      expect(first.stdout).toMatch(/\|  Created +ApiCode pulumi-nodejs:dynamic\/test:Code/);
      const built = statSync(artifact("Api")).mtimeMs;
      const again = await sst(box, ["deploy", "--stage", "one"]);
      expect(again.code).toBe(0);
      expect(again.stdout).toContain("✓ Complete (no changes)");
      expect(statSync(artifact("Api")).mtimeMs).toBe(built);
    });

    it("a changed source file rebuilds its function and updates only what uses it", async () => {
      writeFileSync(join(box.dir, "src", "cron.ts"), 'export const handler = async () => console.log("changed");\n');
      const r = await sst(box, ["deploy", "--stage", "one"]);
      expect(r.code).toBe(0);
      expect(r.stdout).toMatch(/\|  Updated +CronCode pulumi-nodejs:dynamic\/test:Code/);
      expect(r.stdout).not.toContain("ApiCode");
      expect(readFileSync(artifact("Cron"), "utf8")).toContain('"changed"');
    });

    it("a deploy with a broken function fails with its build error and creates nothing that uses it", async () => {
      const r = await sst(box, ["deploy", "--stage", "one"], { BROKEN: "1" });
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(/✕ Function "Broken" \(node\): src\/broken\.ts:2:\d+: /);
      expect(r.stdout).not.toContain("BrokenCode");
    });
  });
});
