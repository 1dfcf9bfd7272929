/**
 * Bad values from `run()` under the real engine (`sst deploy`), where the corpus's offline runs cannot
 * reach: the program runs inside Pulumi's runtime, whose own reports are a stack trace ("Unhandled
 * exception") or a value stored without a word. Each must fail as a user error: exit 1, its code, one line
 * naming the place, no stack trace, and no outputs written.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { ENGINE, sst } from "./engine.js";

const suite = ENGINE ? describe : describe.skip;
const scratch = mkdtempSync(join(import.meta.dirname, ".tmp-engine-bad-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const config = (run: string) =>
  `export default $config({\n  app() { return { name: "bad", home: "local" } },\n  async run() { ${run} },\n});\n`;

suite("bad values from run() under the engine", () => {
  it.concurrent.each([
    ["an error thrown in an Output's apply", `return { n: $output(1).apply((): number => { throw new Error("boom") }) }`, "E_RUN_FAILED", "sst.config.ts:3:"],
    ["an output whose Output resolves to a BigInt", "return { count: $output(1).apply(() => 10n) } as any", "E_RUN_OUTPUTS", "outputs.count: a BigInt"],
    ["a link property that contains itself", `const p: any = {}; p.self = p; new sst.Linkable("Db", { properties: p })`, "E_LINK_VALUE", 'Link "Db" (sst.sst.Linkable): properties.self'],
    ["run() calling process.exit", "process.exit(3)", "E_CONFIG_EXIT", "sst.config.ts:3:"],
    ["a link property whose Output resolves to a BigInt", `new sst.Linkable("Db", { properties: { port: $output(1).apply(() => 5432n) } as any })`, "E_LINK_VALUE", 'Link "Db" (sst.sst.Linkable): properties.port'],
  ])("%s fails as a user error", async (_kind, run, code, place) => {
    const dir = join(scratch, code + "-" + place.replace(/\W+/g, "-"));
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, "sst.config.ts"), config(run));
    const home = join(dir, ".home");
    const r = await sst(
      { dir, home, env: { SST_CONFIG_DIR: home, SST_PULUMI_PATH: ENGINE ?? "", HOME: process.env.HOME ?? "/tmp", PATH: process.env.PATH ?? "" }, cleanup: () => undefined },
      ["deploy", "--stage", "t"],
    );
    const lines = r.stderr.trimEnd().split("\n");
    expect({ exit: r.code, code: /^ {2}error code (\S+)$/m.exec(r.stderr)?.[1] }, r.stderr).toEqual({ exit: 1, code });
    expect(lines[0]).toMatch(/^✕ /);
    expect(lines[0]).toContain(place);
    expect(lines.slice(1).every((l) => l.startsWith("  ")), r.stderr).toBe(true);
    expect(r.stderr).not.toMatch(/\n\s+at |Unhandled exception/);
    expect(existsSync(join(dir, ".sst", "outputs.json"))).toBe(false);
  });
});
