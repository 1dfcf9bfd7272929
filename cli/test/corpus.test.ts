/**
 * The malformed-input corpus (cli/test/corpus/*.json): one case per kind of bad input, for every input
 * surface (config, component args, env and .env, state and secret files, link values, outputs, plugin
 * options, CLI flags). `cli/test/corpus/README.md` lists the kinds as a table; this test fails when a row
 * has no case or a case has no row.
 *
 * Each case must fail the way a user error fails: exit code 1, the expected stable error code
 * (`  error code E_...`), a headline that is one line naming the place (file and line, component, argument,
 * link property path) — for an error listing several problems, the place is named in a problem line — no
 * stack trace, no "Unexpected error", and every file as it was: nothing written to the home, no outputs,
 * no types (only `.sst/platform`'s transient compile output and `.sst/log` may change).
 */
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { ENGINE, sst, type Sandbox } from "./engine.js";

interface Case {
  name: string;
  /** The input surface: a row group of the README table. */
  surface: string;
  description: string;
  args: string[];
  /** The `SSTError` code the CLI must report. */
  code: string;
  /** Text the message must contain that names where the problem is. */
  place: string;
  config: string | null;
  files: Record<string, string>;
  /** Extra environment variables for the run. */
  env?: Record<string, string>;
  home: { passphrase?: string; state?: string; secrets?: string; lock?: string };
  engine: boolean;
}

const dir = join(import.meta.dirname, "corpus");
const cases: Case[] = readdirSync(dir)
  .filter((f) => f.endsWith(".json"))
  .sort()
  .map((f) => JSON.parse(readFileSync(join(dir, f), "utf8")));
const scratch = mkdtempSync(join(import.meta.dirname, ".tmp-engine-corpus-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** The README's table rows: `| surface | kind | case | code |`. */
function tableRows(): { surface: string; kind: string; name: string; code: string }[] {
  const text = readFileSync(join(dir, "README.md"), "utf8");
  return text
    .split("\n")
    .filter((line) => line.startsWith("|") && !line.startsWith("|---") && !/^\|\s*surface\s*\|/.test(line))
    .map((line) => line.split("|").slice(1, -1).map((cell) => cell.trim().replace(/^`|`$/g, "")))
    .map(([surface, kind, name, code]) => ({ surface: surface!, kind: kind!, name: name!, code: code! }));
}

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
  for (const [path, content] of Object.entries(c.files)) {
    // A path ending in `/` is a directory where a file is expected.
    if (path.endsWith("/")) mkdirSync(join(app, path), { recursive: true });
    else {
      mkdirSync(dirname(join(app, path)), { recursive: true });
      writeFileSync(join(app, path), content);
    }
  }
  const ref = join("corpus", "t.json");
  const seed = (kind: string, data: Buffer) => {
    const file = join(home, "state", kind, ref);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, data);
  };
  if (c.home.passphrase) seed("passphrase", Buffer.from(c.home.passphrase));
  if (c.home.state) seed("app", Buffer.from(c.home.state, "base64"));
  if (c.home.secrets) seed("secret", Buffer.from(c.home.secrets, "base64"));
  if (c.home.lock !== undefined) seed("lock", Buffer.from(c.home.lock, "base64"));
  return {
    dir: app,
    home,
    // `${app}` in a case's env stands for the case's app directory.
    env: {
      SST_CONFIG_DIR: home,
      SST_PULUMI_PATH: ENGINE ?? "",
      HOME: process.env.HOME ?? "/tmp",
      PATH: process.env.PATH ?? "",
      ...Object.fromEntries(Object.entries(c.env ?? {}).map(([k, v]) => [k, v.replaceAll("${app}", app)])),
    },
    cleanup: () => undefined,
  };
}

/** Splits a rendered user error into its headline, problem lines, hint lines and code. */
function parseRendered(stderr: string): { headline: string; problems: string[]; rest: string[]; code?: string } {
  const lines = stderr.trimEnd().split("\n");
  const headline = lines[0] ?? "";
  const problems = lines.slice(1).filter((l) => l.startsWith("  - "));
  const rest = lines.slice(1).filter((l) => !l.startsWith("  - "));
  const code = /^ {2}error code (E_[A-Z0-9_]+)$/m.exec(stderr)?.[1];
  return { headline, problems, rest, code };
}

describe("the malformed-input corpus", () => {
  it("has at least 30 cases, each with a distinct name", () => {
    expect(cases.length).toBeGreaterThanOrEqual(30);
    expect(new Set(cases.map((c) => c.name)).size).toBe(cases.length);
  });

  it("lists every case in README.md's table of kinds, with its surface and code, and nothing else", () => {
    const rows = tableRows();
    expect(rows.map((r) => r.name).sort()).toEqual(cases.map((c) => c.name).sort());
    for (const c of cases) {
      const row = rows.find((r) => r.name === c.name)!;
      expect({ name: c.name, surface: row.surface, code: row.code }).toEqual({ name: c.name, surface: c.surface, code: c.code });
    }
  });

  // Each case has its own directory and home, so they run side by side (vitest's maxConcurrency, 5).
  for (const c of cases) {
    const run = c.engine && !ENGINE ? it.skip : it.concurrent;
    run(`${c.name}: ${c.description} → ${c.code} naming "${c.place}", exit 1, nothing written`, async () => {
      const box = prepare(c);
      const before = snapshot(box.dir);
      const r = await sst(box, c.args);
      const rendered = parseRendered(r.stderr);
      expect({ code: r.code, error: rendered.code }, r.stderr).toEqual({ code: 1, error: c.code });
      // One headline naming the place; everything after it is indented (problems, hint, code).
      expect(rendered.headline.startsWith("✕ "), r.stderr).toBe(true);
      expect(rendered.headline).not.toContain("Unexpected error");
      const several = /^✕ \d+ problems:$/.test(rendered.headline);
      if (several) expect(rendered.problems.some((p) => p.includes(c.place)), r.stderr).toBe(true);
      else expect(rendered.headline).toContain(c.place);
      for (const line of rendered.rest) expect(line, r.stderr).toMatch(/^ {2}\S/);
      expect(r.stderr).not.toMatch(/\n\s+at /);
      expect(r.stdout).not.toContain("✓");
      const after = snapshot(box.dir);
      const relevant = (s: Record<string, string>) =>
        Object.fromEntries(Object.entries(s).filter(([p]) => !p.startsWith(".sst/platform") && !p.startsWith(".sst/log")));
      expect(relevant(after)).toEqual(relevant(before));
    });
  }
});
