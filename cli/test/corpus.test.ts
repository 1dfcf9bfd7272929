/**
 * The malformed-input corpus (cli/test/corpus/*.json): bad configs, bad arguments, bad .env files, corrupt
 * state, secrets and passphrases. Each must fail with exit 1, one clear message, no stack trace, and leave
 * every file as it was: nothing written to the home, no outputs, no types.
 */
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { ENGINE, sst, type Sandbox } from "./engine.js";

interface Case {
  name: string;
  description: string;
  args: string[];
  expect: string;
  config: string | null;
  files: Record<string, string>;
  home: { passphrase?: string; state?: string; secrets?: string };
  engine: boolean;
}

const dir = join(import.meta.dirname, "corpus");
const cases: Case[] = readdirSync(dir)
  .filter((f) => f.endsWith(".json"))
  .sort()
  .map((f) => JSON.parse(readFileSync(join(dir, f), "utf8")));
const scratch = mkdtempSync(join(import.meta.dirname, ".tmp-engine-corpus-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function snapshot(root: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string) => {
    if (!existsSync(d)) return;
    for (const name of readdirSync(d)) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else out[relative(root, p)] = createHash("sha256").update(readFileSync(p)).digest("hex");
    }
  };
  walk(root);
  return out;
}

function prepare(c: Case): Sandbox {
  const app = join(scratch, c.name);
  const home = join(app, ".home");
  mkdirSync(app, { recursive: true });
  if (c.config !== null) writeFileSync(join(app, "sst.config.ts"), c.config);
  for (const [path, content] of Object.entries(c.files)) writeFileSync(join(app, path), content);
  const ref = join("corpus", "t.json");
  const seed = (kind: string, data: Buffer) => {
    const file = join(home, "state", kind, ref);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, data);
  };
  if (c.home.passphrase) seed("passphrase", Buffer.from(c.home.passphrase));
  if (c.home.state) seed("app", Buffer.from(c.home.state, "base64"));
  if (c.home.secrets) seed("secret", Buffer.from(c.home.secrets, "base64"));
  return {
    dir: app,
    home,
    env: { SST_CONFIG_DIR: home, SST_PULUMI_PATH: ENGINE ?? "", HOME: process.env.HOME ?? "/tmp", PATH: process.env.PATH ?? "" },
    cleanup: () => undefined,
  };
}

describe("the malformed-input corpus", () => {
  it("has at least 30 cases, each with a distinct name", () => {
    expect(cases.length).toBeGreaterThanOrEqual(30);
    expect(new Set(cases.map((c) => c.name)).size).toBe(cases.length);
  });

  for (const c of cases) {
    const run = c.engine && !ENGINE ? it.skip : it;
    run(`${c.name}: ${c.description} → "${c.expect}", exit 1, nothing written`, async () => {
      const box = prepare(c);
      const before = snapshot(box.dir);
      const r = await sst(box, c.args);
      expect(r.stderr).toContain(c.expect);
      expect(r.code).toBe(1);
      expect(r.stderr.startsWith("✕ ")).toBe(true);
      expect(r.stderr).not.toMatch(/\n\s+at /);
      expect(r.stdout).not.toContain("✓");
      const after = snapshot(box.dir);
      // `.sst/` may hold a transient compile dir; the home, outputs and types must be untouched.
      const relevant = (s: Record<string, string>) =>
        Object.fromEntries(Object.entries(s).filter(([p]) => !p.startsWith(".sst/platform") && !p.startsWith(".sst/log")));
      expect(relevant(after)).toEqual(relevant(before));
    });
  }
});
