/**
 * The concurrency contract every home keeps (`Home` in core/src/home/types.ts): the secrets blob is a
 * compare-and-swap, the stage lock and the passphrase are exclusive creates. Run against each home in HOMES;
 * a plugin's home joins the list when it can run here.
 */
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { afterAll, describe, expect, it } from "vitest";
import { LocalHome, newPassphrase, openSecrets, readSecrets, sealSecrets, updateSecrets, type Home, type StageRef } from "@sst/core";
import { withFileLock } from "../src/home/file-lock.js";
import { fixture, removeFixture, sstError } from "./_helpers.js";
import { AwsHome, credentialsFor } from "@sst/aws";
import { MOTO, useMoto } from "../../plugins/aws/test/_moto.js";

// The aws home runs against moto's server (started for this file; see plugins/aws/test/_moto.ts).
useMoto();

const dirs: string[] = [];
afterAll(() => dirs.forEach(removeFixture));

/** Each home under test: a fresh, empty instance per call. */
const HOMES: { name: string; open(): Home }[] = [
  {
    name: "local",
    open() {
      const dir = fixture("home");
      dirs.push(dir);
      return new LocalHome({ dir });
    },
  },
  ...(MOTO
    ? [{ name: "aws", open: () => new AwsHome({ config: { region: "us-east-1" }, credentials: credentialsFor({ region: "us-east-1" }) }) }]
    : []),
];

const pass = newPassphrase({});
let n = 0;
const stage = () => ({ app: "conc", stage: `s${++n}` });

describe.each(HOMES)("the $name home under concurrency", (spec) => {
  it("lets exactly one of several writers at the same version win; the others write nothing", async () => {
    const home = spec.open();
    const ref = stage();
    expect(await home.putSecrets(ref, sealSecrets(pass, { A: "0" }), undefined)).toBe(true);
    const base = (await home.getSecrets(ref))!;
    const wins = await Promise.all(
      Array.from({ length: 10 }, (_, i) => home.putSecrets(ref, sealSecrets(pass, { A: String(i + 1) }), base.version)),
    );
    expect(wins.filter(Boolean)).toHaveLength(1);
    const winner = wins.indexOf(true) + 1;
    expect(openSecrets(pass, (await home.getSecrets(ref))!.blob)).toEqual({ A: String(winner) });
  });

  it("creates a blob only where there is none when the expected version is undefined", async () => {
    const home = spec.open();
    const ref = stage();
    const wins = await Promise.all([1, 2, 3, 4].map((i) => home.putSecrets(ref, sealSecrets(pass, { N: String(i) }), undefined)));
    expect(wins.filter(Boolean)).toHaveLength(1);
    expect(await home.putSecrets(ref, sealSecrets(pass, { N: "late" }), undefined)).toBe(false);
  });

  it("refuses a write at a version that is no longer current, and changes the version on every write", async () => {
    const home = spec.open();
    const ref = stage();
    await home.putSecrets(ref, sealSecrets(pass, { A: "1" }), undefined);
    const first = (await home.getSecrets(ref))!;
    // The same values sealed again are a new write, with a new version.
    expect(await home.putSecrets(ref, sealSecrets(pass, { A: "1" }), first.version)).toBe(true);
    const second = (await home.getSecrets(ref))!;
    expect(second.version).not.toBe(first.version);
    expect(await home.putSecrets(ref, sealSecrets(pass, { A: "stale" }), first.version)).toBe(false);
    expect(openSecrets(pass, (await home.getSecrets(ref))!.blob)).toEqual({ A: "1" });
  });

  it("keeps every one of 20 concurrent updateSecrets calls, and a concurrent remove", async () => {
    const home = spec.open();
    const ref = stage();
    await updateSecrets(home, ref, pass, (s) => void (s.Gone = "x"));
    await Promise.all([
      ...Array.from({ length: 20 }, (_, i) => updateSecrets(home, ref, pass, (s) => void (s[`K${i}`] = `v${i}`))),
      updateSecrets(home, ref, pass, (s) => void delete s.Gone),
    ]);
    const all = await readSecrets(home, ref, pass);
    expect(all).toEqual(Object.fromEntries(Array.from({ length: 20 }, (_, i) => [`K${i}`, `v${i}`])));
  });

  it("writes nothing when the change throws", async () => {
    const home = spec.open();
    const ref = stage();
    await updateSecrets(home, ref, pass, (s) => void (s.A = "1"));
    const before = (await home.getSecrets(ref))!.version;
    await expect(updateSecrets(home, ref, pass, () => { throw new Error("no"); })).rejects.toThrow("no");
    expect((await home.getSecrets(ref))!.version).toBe(before);
  });

  it("gives the stage lock to exactly one of several takers, and the passphrase to exactly one creator", async () => {
    const home = spec.open();
    const ref = stage();
    const info = (i: number) => ({ created: new Date().toISOString(), updateID: String(i), command: "deploy" });
    const locks = await Promise.allSettled([1, 2, 3, 4, 5].map((i) => home.lock(ref, info(i))));
    expect(locks.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const creates = await Promise.allSettled([1, 2, 3].map(() => home.createPassphrase(ref, newPassphrase({}))));
    expect(creates.filter((r) => r.status === "fulfilled")).toHaveLength(1);
  });

  it.each([
    ["passphrase", (h: Home) => [h.createPassphrase.bind(h), h.getPassphrase.bind(h)] as const],
    ["link secret", (h: Home) => [h.createLinkSecret.bind(h), h.getLinkSecret.bind(h)] as const],
  ])("shows a created %s whole: a creator that lost the race reads the winner's at once", async (_, methods) => {
    const home = spec.open();
    const [create, get] = methods(home);
    const race = async (ref: StageRef) => {
      const mine = newPassphrase({});
      try {
        await create(ref, mine);
        return mine;
      } catch (error) {
        expect((error as NodeJS.ErrnoException).code).toBe("EEXIST");
        return get(ref);
      }
    };
    for (let round = 0; round < 20; round++) {
      const ref = stage();
      const seen = await Promise.all(Array.from({ length: 6 }, () => race(ref)));
      expect(new Set(seen).size).toBe(1);
      expect(seen[0]).toBe(await get(ref));
    }
  });
});

describe("the local home's lock file for a compare-and-swap", () => {
  const dir = fixture("file-lock");
  dirs.push(dir);

  it("breaks a lock whose holder on this host is dead, and removes its own when done", async () => {
    const path = `${dir}/dead.lock`;
    // A pid that existed and is gone now: a finished child's.
    const dead = spawnSync(process.execPath, ["-e", "0"]).pid!;
    writeFileSync(path, JSON.stringify({ pid: dead, host: (await import("node:os")).hostname(), token: "old" }));
    expect(await withFileLock(path, async () => readFileSync(path, "utf8"))).toContain(`"pid":${process.pid}`);
    expect(existsSync(path)).toBe(false);
  });

  it("waits for a live holder and fails with E_HOME_BUSY after the wait, leaving its lock alone", async () => {
    const path = `${dir}/live.lock`;
    const body = JSON.stringify({ pid: process.pid, host: (await import("node:os")).hostname(), token: "live" });
    writeFileSync(path, body);
    const error = await sstError(() => withFileLock(path, async () => "never", { waitMs: 100 }));
    expect(error.code).toBe("E_HOME_BUSY");
    expect(error.message).toContain(path);
    expect(readFileSync(path, "utf8")).toBe(body);
  });

  it("breaks an unreadable lock only once it is older than staleMs", async () => {
    const path = `${dir}/garbage.lock`;
    writeFileSync(path, "not json");
    expect((await sstError(() => withFileLock(path, async () => 1, { waitMs: 50, staleMs: 60_000 }))).code).toBe("E_HOME_BUSY");
    expect(await withFileLock(path, async () => 2, { waitMs: 5_000, staleMs: 0 })).toBe(2);
  });

  it("serialises the sections it guards", async () => {
    const path = `${dir}/serial.lock`;
    let inside = 0;
    let most = 0;
    await Promise.all(
      Array.from({ length: 8 }, () =>
        withFileLock(path, async () => {
          most = Math.max(most, ++inside);
          await new Promise((r) => setImmediate(r));
          inside--;
        }),
      ),
    );
    expect(most).toBe(1);
  });
});
