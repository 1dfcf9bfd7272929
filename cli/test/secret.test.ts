import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { expectUserError, LOCAL_APP, sandbox } from "./_app.js";

const box = sandbox();
afterAll(() => box.cleanup());
const state = (...parts: string[]) => join(box.configDir, "state", ...parts);

describe("sst secret set / list", () => {
  const app = box.dir("set", LOCAL_APP);

  it("sets a value, reminds to deploy, never echoes it, and stores it encrypted", async () => {
    const r = await box.run(["secret", "set", "ApiKey", "sk_live_123"], { cwd: app });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Set "ApiKey" for stage "dev". Run `sst deploy` to update.');
    expect(r.stdout + r.stderr).not.toContain("sk_live_123");
    const blob = readFileSync(state("secret", "cli-test", "dev.json"));
    expect(blob.includes("sk_live_123")).toBe(false);
    const list = await box.run(["secret", "list"], { cwd: app });
    expect(list.code).toBe(0);
    expect(list.stdout).toBe("ApiKey=sk_live_123\n");
  });

  it("reads the value from stdin when it is not given, dropping one trailing newline", async () => {
    const pem = "-----BEGIN KEY-----\nabc\n-----END KEY-----";
    const r = await box.run(["secret", "set", "Key"], { cwd: app, input: pem + "\n" });
    expect(r.code).toBe(0);
    const list = await box.run(["secret", "list"], { cwd: app });
    expect(list.stdout).toContain('Key="-----BEGIN KEY-----\\nabc\\n-----END KEY-----"');
  });

  it("rejects a bad name with one line, before touching anything", async () => {
    const r = await box.run(["secret", "set", "apiKey", "x"], { cwd: box.dir("bad-name", LOCAL_APP) });
    expect(expectUserError(r)).toContain('Invalid secret name "apiKey"');
    expect(existsSync(state("secret", "cli-test", "dev.json"))).toBe(true); // the earlier test's, untouched
    for (const name of ["1Key", "Key-1", "KEY.X"]) {
      expect(expectUserError(await box.run(["secret", "remove", name], { cwd: app }))).toContain(`Invalid secret name "${name}"`);
    }
  });

  it("fails when no value is given and stdin is empty", async () => {
    const r = await box.run(["secret", "set", "ApiKey"], { cwd: app, input: "" });
    expect(expectUserError(r)).toContain('No value given for secret "ApiKey"');
  });

  it("fails when the name is missing", async () => {
    const r = await box.run(["secret", "set"], { cwd: app });
    expect(expectUserError(r)).toContain("Missing required positional argument: NAME for `sst secret set`");
  });

  it("refuses to list a stage that does not exist", async () => {
    const r = await box.run(["secret", "list", "--stage", "nope"], { cwd: app });
    expect(expectUserError(r)).toContain('Stage "nope" of "cli-test" has no state');
  });
});

describe("sst secret --fallback", () => {
  const app = box.dir("fallback", LOCAL_APP.replace('"cli-test"', '"fb-test"'));

  it("keeps the fallback set under its own passphrase and marks fallback values in the stage's list", async () => {
    expect((await box.run(["secret", "set", "Shared", "from-fallback", "--fallback"], { cwd: app })).stdout).toContain("the fallback set");
    await box.run(["secret", "set", "ApiKey", "fallback-key", "--fallback"], { cwd: app });
    await box.run(["secret", "set", "ApiKey", "stage-key"], { cwd: app });
    const own = readFileSync(state("passphrase", "fb-test", "dev.json"), "utf8");
    const fallback = readFileSync(state("passphrase", "fb-test", "_fallback.json"), "utf8");
    expect(own).not.toBe(fallback);

    const list = await box.run(["secret", "list"], { cwd: app });
    expect(list.stdout).toBe('ApiKey=stage-key\n# fallback values (stage "dev" has none of its own for these)\nShared=from-fallback\n');
    const only = await box.run(["secret", "list", "--fallback"], { cwd: app });
    expect(only.stdout).toBe("ApiKey=fallback-key\nShared=from-fallback\n");
  });

  it("removes a fallback value without touching the stage's", async () => {
    expect((await box.run(["secret", "remove", "ApiKey", "--fallback"], { cwd: app })).code).toBe(0);
    expect((await box.run(["secret", "list", "--fallback"], { cwd: app })).stdout).toBe("Shared=from-fallback\n");
    expect((await box.run(["secret", "list"], { cwd: app })).stdout).toContain("ApiKey=stage-key");
  });
});

describe("sst secret remove", () => {
  const app = box.dir("remove", LOCAL_APP.replace('"cli-test"', '"rm-test"'));

  it("removes a secret, and says so when it was not set", async () => {
    await box.run(["secret", "set", "A", "1"], { cwd: app });
    await box.run(["secret", "set", "B", "2"], { cwd: app });
    const r = await box.run(["secret", "remove", "A"], { cwd: app });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Removed "A" from stage "dev"');
    expect((await box.run(["secret", "list"], { cwd: app })).stdout).toBe("B=2\n");
    expect(expectUserError(await box.run(["secret", "remove", "A"], { cwd: app }))).toContain('Secret "A" is not set for stage "dev"');
  });
});

describe("sst secret load", () => {
  const app = box.dir("load", LOCAL_APP.replace('"cli-test"', '"load-test"'));
  const blob = () => state("secret", "load-test", "dev.json");

  it("sets every NAME=value of a dotenv file, and round-trips what list prints", async () => {
    writeFileSync(join(app, "in.env"), ['# comment', "A=1", 'export B="two words # not a comment"', "C='single $quoted'", 'D="x\\ny"', ""].join("\n"));
    const r = await box.run(["secret", "load", "in.env"], { cwd: app });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("Set 4 secrets for stage \"dev\": A, B, C, D");
    const list = await box.run(["secret", "list"], { cwd: app });
    writeFileSync(join(app, "out.env"), list.stdout);
    expect((await box.run(["secret", "load", "out.env", "--stage", "copy"], { cwd: app })).code).toBe(0);
    expect((await box.run(["secret", "list", "--stage", "copy"], { cwd: app })).stdout).toBe(list.stdout);
    expect(list.stdout).toContain('B="two words # not a comment"');
  });

  it("reports every bad line and name at once and writes nothing", async () => {
    const before = readFileSync(blob());
    writeFileSync(join(app, "bad.env"), ["GOOD=1", "not a pair", "lower=2", 'Q="unterminated', ""].join("\n"));
    const r = await box.run(["secret", "load", "bad.env"], { cwd: app });
    const err = expectUserError(r);
    expect(err).toContain("3 problems");
    expect(err).toContain('line 2 is not NAME=value: "not a pair"');
    expect(err).toContain('line 3: Invalid secret name "lower"');
    expect(err).toContain("line 4: the value of Q has no closing \"");
    expect(readFileSync(blob()).equals(before)).toBe(true);
  });

  it("fails on a missing file and on a file with no secrets", async () => {
    expect(expectUserError(await box.run(["secret", "load", "missing.env"], { cwd: app }))).toContain("Cannot read missing.env");
    writeFileSync(join(app, "empty.env"), "# nothing\n\n");
    expect(expectUserError(await box.run(["secret", "load", "empty.env"], { cwd: app }))).toContain("holds no NAME=value lines");
  });
});
