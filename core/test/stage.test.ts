import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { RESERVED_STAGE_USERNAMES, resolveStage } from "@sst/core";
import { fixture, removeFixture, sstErrorSync } from "./_helpers.js";

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach(removeFixture));

/** An app root with, optionally, a `.env` and a `.sst/stage` file. */
function root(files: { dotenv?: string; saved?: string } = {}): string {
  const dir = fixture("stage");
  dirs.push(dir);
  if (files.dotenv !== undefined) writeFileSync(join(dir, ".env"), files.dotenv);
  if (files.saved !== undefined) {
    mkdirSync(join(dir, ".sst"));
    writeFileSync(join(dir, ".sst", "stage"), files.saved);
  }
  return dir;
}

const saved = (dir: string) => readFileSync(join(dir, ".sst", "stage"), "utf8");

describe("stage order", () => {
  it("takes --stage over everything else", () => {
    const dir = root({ dotenv: "SST_STAGE=from-dotenv\n", saved: "from-file\n" });
    expect(resolveStage({ root: dir, flag: "from-flag", env: { SST_STAGE: "from-env" }, username: "alice" })).toEqual({
      stage: "from-flag",
      source: "flag",
    });
  });

  it("takes SST_STAGE from the environment over .env, .sst/stage and the username", () => {
    const dir = root({ dotenv: "SST_STAGE=from-dotenv\n", saved: "from-file\n" });
    expect(resolveStage({ root: dir, env: { SST_STAGE: "from-env" }, username: "alice" })).toEqual({ stage: "from-env", source: "env" });
  });

  it("takes SST_STAGE from the app's .env over .sst/stage and the username", () => {
    const dir = root({ dotenv: "OTHER=1\nSST_STAGE=from-dotenv\n", saved: "from-file\n" });
    expect(resolveStage({ root: dir, env: {}, username: "alice" })).toEqual({ stage: "from-dotenv", source: "dotenv" });
  });

  it("takes the saved personal stage over the username, trimmed", () => {
    const dir = root({ saved: "  from-file \n" });
    expect(resolveStage({ root: dir, env: {}, username: "alice" })).toEqual({ stage: "from-file", source: "file" });
  });

  it("falls back to the username", () => {
    expect(resolveStage({ root: root(), env: {}, username: "alice" })).toEqual({ stage: "alice", source: "username" });
  });

  it("skips an empty --stage, SST_STAGE or .sst/stage", () => {
    const dir = root({ dotenv: "SST_STAGE=\n", saved: "\n" });
    expect(resolveStage({ root: dir, flag: "", env: { SST_STAGE: "" }, username: "alice" })).toEqual({ stage: "alice", source: "username" });
  });

  it("reads SST_STAGE from process.env when no env is passed", () => {
    const before = process.env.SST_STAGE;
    process.env.SST_STAGE = "from-process";
    try {
      expect(resolveStage({ root: root(), username: "alice" }).stage).toBe("from-process");
    } finally {
      if (before === undefined) delete process.env.SST_STAGE;
      else process.env.SST_STAGE = before;
    }
  });
});

describe("personal stage from the username", () => {
  it("lower-cases the username and drops characters a stage cannot hold", () => {
    expect(resolveStage({ root: root(), env: {}, username: "John.O'Neil_2" }).stage).toBe("johnoneil2");
  });

  it.each(RESERVED_STAGE_USERNAMES)("refuses the username %j and says how to pick a stage", (username) => {
    const dir = root();
    const error = sstErrorSync(() => resolveStage({ root: dir, env: {}, username }));
    expect(error.code).toBe("E_STAGE_REQUIRED");
    expect(error.message).toBe(
      `Your username "${username}" cannot be used as a personal stage (reserved: root, admin, prod, dev, production).`,
    );
    expect(error.hint).toBe("Pick a stage: pass --stage <name>, set SST_STAGE in your environment or .env, or write it to .sst/stage.");
    expect(existsSync(join(dir, ".sst", "stage"))).toBe(false);
  });

  it("reserves exactly root, admin, prod, dev and production", () => {
    expect(RESERVED_STAGE_USERNAMES).toEqual(["root", "admin", "prod", "dev", "production"]);
  });

  it("refuses a reserved name hidden by case or punctuation", () => {
    expect(sstErrorSync(() => resolveStage({ root: root(), env: {}, username: "Ad.min" })).message).toContain('"admin"');
  });

  it("refuses a username with nothing usable in it", () => {
    const error = sstErrorSync(() => resolveStage({ root: root(), env: {}, username: "___" }));
    expect(error.code).toBe("E_STAGE_REQUIRED");
    expect(error.message).toBe("Could not pick a personal stage from your username.");
  });

  it("accepts a reserved name when it is chosen explicitly", () => {
    expect(resolveStage({ root: root(), flag: "production", env: {}, username: "root" }).stage).toBe("production");
  });
});

describe("invalid stages", () => {
  it.each([
    ["flag", "--stage", { flag: "my_stage" }],
    ["env", "SST_STAGE", { env: { SST_STAGE: "my.stage" } }],
  ])("rejects an invalid stage from the %s, naming where it came from", (_source, from, options) => {
    const error = sstErrorSync(() => resolveStage({ root: root(), env: {}, username: "alice", ...options }));
    expect(error.code).toBe("E_STAGE_INVALID");
    expect(error.message).toMatch(new RegExp(`^${from}: Stage "my[_.]stage" is not valid: use only letters, numbers and hyphens\\.$`));
  });

  it("rejects an invalid stage saved in .sst/stage, naming the file", () => {
    const error = sstErrorSync(() => resolveStage({ root: root({ saved: "a b" }), env: {}, username: "alice" }));
    expect(error.code).toBe("E_STAGE_INVALID");
    expect(error.message).toMatch(/^\.sst\/stage: Stage "a b"/);
  });
});

describe("persisting the stage", () => {
  it("saves the personal stage to .sst/stage, and reads it back next time", () => {
    const dir = root();
    resolveStage({ root: dir, env: {}, username: "alice" });
    expect(saved(dir)).toBe("alice\n");
    // Another user name on the next run: the saved personal stage wins.
    expect(resolveStage({ root: dir, env: {}, username: "bob" })).toEqual({ stage: "alice", source: "file" });
  });

  it("does not save a --stage flag, so a one-off --stage production does not become the default", () => {
    const dir = root();
    resolveStage({ root: dir, flag: "production", env: {}, username: "alice" });
    expect(existsSync(join(dir, ".sst", "stage"))).toBe(false);
    expect(resolveStage({ root: dir, env: {}, username: "alice" }).stage).toBe("alice");
  });

  it("leaves an existing personal stage alone when --stage or SST_STAGE is used", () => {
    const dir = root({ saved: "alice\n" });
    resolveStage({ root: dir, flag: "production", env: {}, username: "alice" });
    resolveStage({ root: dir, env: { SST_STAGE: "staging" }, username: "alice" });
    expect(saved(dir)).toBe("alice\n");
  });

  it("does not save a stage that came from .env", () => {
    const dir = root({ dotenv: "SST_STAGE=staging\n" });
    resolveStage({ root: dir, env: {}, username: "alice" });
    expect(existsSync(join(dir, ".sst", "stage"))).toBe(false);
  });
});
