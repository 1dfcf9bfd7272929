/**
 * `sst secret` run by many processes at once loses nothing, on every home: each row of HOMES is an app
 * config on that home (plus the env it needs). A plugin's home joins the list when it can run here.
 */
import { mkdirSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { MOTO, motoEnv, useMoto } from "../../plugins/aws/test/_moto.js";
import { LOCAL_APP, sandbox } from "./_app.js";

const box = sandbox();
afterAll(() => box.cleanup());

// The aws home runs against moto's server (started for this file; see plugins/aws/test/_moto.ts). Its apps
// get `@sst/aws` (the built package) in their node_modules, as `sst add aws` would install it.
const moto = useMoto();
const awsPlugin = join(import.meta.dirname, "..", "..", "plugins", "aws");
function withAwsPlugin(): void {
  const modules = join(box.root, "node_modules", "@sst");
  mkdirSync(modules, { recursive: true });
  try {
    symlinkSync(awsPlugin, join(modules, "aws"));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
  }
}

const HOMES: { name: string; config(app: string): string; env?(): Record<string, string> }[] = [
  { name: "local", config: (app) => LOCAL_APP.replace('"cli-test"', JSON.stringify(app)) },
  ...(MOTO
    ? [
        {
          name: "aws",
          config(app: string) {
            withAwsPlugin();
            return LOCAL_APP.replace('"cli-test"', JSON.stringify(app)).replace('home: "local"', 'home: "aws"');
          },
          // The test server's certificate is self-signed: no warning about trusting it on stderr.
          env: () => ({ ...motoEnv(moto.endpoint), NODE_OPTIONS: "--no-warnings" }),
        },
      ]
    : []),
];

const names = (prefix: string, count: number) => Array.from({ length: count }, (_, i) => `${prefix}${String(i).padStart(2, "0")}`);
const parse = (listed: string) => Object.fromEntries(listed.trim().split("\n").filter((l) => l && !l.startsWith("#")).map((l) => l.split("=")));

describe.each(HOMES)("sst secret on the $name home, many at once", (home) => {
  const run = (cwd: string, args: string[]) => box.run(args, { cwd, env: home.env?.() });

  it("keeps all of 20 concurrent `sst secret set` of different names", async () => {
    const app = box.dir(`set-${home.name}`, home.config(`conc-set-${home.name}`));
    const keys = names("Key", 20);
    const runs = await Promise.all(keys.map((key) => run(app, ["secret", "set", key, `value-of-${key}`])));
    for (const r of runs) expect(r.stderr).toBe("");
    expect(runs.map((r) => r.code)).toEqual(keys.map(() => 0));
    const listed = await run(app, ["secret", "list"]);
    expect(parse(listed.stdout)).toEqual(Object.fromEntries(keys.map((key) => [key, `value-of-${key}`])));
  });

  it("keeps every concurrent set and every concurrent remove, and the fallback set beside them", async () => {
    const app = box.dir(`mixed-${home.name}`, home.config(`conc-mixed-${home.name}`));
    const old = names("Old", 6);
    writeFileSync(join(app, "old.env"), old.map((k) => `${k}=before`).join("\n") + "\n");
    expect((await run(app, ["secret", "load", "old.env"])).code).toBe(0);
    const removed = old.slice(0, 3);
    const added = names("New", 6);
    const fallback = names("Fb", 4);
    mkdirSync(join(app, "batch"), { recursive: true });
    writeFileSync(join(app, "batch", "more.env"), "LoadedA=1\nLoadedB=2\n");
    const runs = await Promise.all([
      ...removed.map((k) => run(app, ["secret", "remove", k])),
      ...added.map((k) => run(app, ["secret", "set", k, "after"])),
      ...fallback.map((k) => run(app, ["secret", "set", k, "fb", "--fallback"])),
      run(app, ["secret", "load", join("batch", "more.env")]),
    ]);
    for (const r of runs) expect(r.stderr).toBe("");
    expect(runs.every((r) => r.code === 0)).toBe(true);
    const own = parse((await run(app, ["secret", "list"])).stdout);
    const kept = old.slice(3);
    expect(Object.keys(own).sort()).toEqual([...kept, ...added, ...fallback, "LoadedA", "LoadedB"].sort());
    expect(parse((await run(app, ["secret", "list", "--fallback"])).stdout)).toEqual(Object.fromEntries(fallback.map((k) => [k, "fb"])));
  });
});

describe("sst secret set while a command holds the stage's lock", () => {
  it("writes the secret without waiting, and says the running command keeps the values it started with", async () => {
    const app = box.dir("locked", LOCAL_APP.replace('"cli-test"', '"conc-locked"'));
    const lock = join(box.configDir, "state", "lock", "conc-locked", "dev.json");
    mkdirSync(join(lock, ".."), { recursive: true });
    writeFileSync(lock, JSON.stringify({ created: new Date().toISOString(), updateID: "x", command: "deploy", pid: process.pid }));
    const r = await box.run(["secret", "set", "Held", "yes"], { cwd: app });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Set "Held" for stage "dev". `sst deploy` is running on this stage with the values it read when it started: run `sst deploy` after it ends.');
    expect((await box.run(["secret", "list"], { cwd: app })).stdout).toBe("Held=yes\n");
  });
});
