import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { expectUserError, LOCAL_APP, sandbox } from "./_app.js";

const box = sandbox();
afterAll(() => box.cleanup());

const STAGE_SECRET = "sk_live_stage_51Hx";
const FALLBACK_SECRET = "fallback-value-9z";
const app = box.dir("diag", LOCAL_APP, {
  ".sst/log/sst.log": [
    `deploying with ApiKey=${STAGE_SECRET} and ${FALLBACK_SECRET}`,
    "env SST_SECRET_Unknown=not-a-stored-secret PULUMI_CONFIG_PASSPHRASE=pp123",
    `{"SST_SECRET_Json":"json-value","json":"${STAGE_SECRET}"}`,
    "an ordinary line",
  ].join("\n"),
  ".sst/log/lambda/fn/1-req.log": `got ${STAGE_SECRET}\n`,
});

/** Extracts a zip with Python's zipfile (an independent reader) and returns its files. */
function unzip(path: string): Record<string, string> {
  const out = mkdtempSync(join(box.root, "unzip-"));
  const r = spawnSync("python3", ["-m", "zipfile", "-e", path, out], { encoding: "utf8" });
  if (r.status !== 0) throw new Error(r.stderr);
  const files: Record<string, string> = {};
  const walk = (dir: string, prefix: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.isDirectory()) walk(join(dir, entry.name), `${prefix}${entry.name}/`);
      else files[prefix + entry.name] = readFileSync(join(dir, entry.name), "utf8");
    }
  };
  walk(out, "");
  return files;
}

const hasPython = spawnSync("python3", ["--version"]).status === 0;

describe.skipIf(!hasPython)("sst diagnostic", () => {
  it("zips .sst/log and versions.json with every secret replaced by [secret]", async () => {
    expect((await box.run(["secret", "set", "ApiKey", STAGE_SECRET], { cwd: app })).code).toBe(0);
    expect((await box.run(["secret", "set", "Other", FALLBACK_SECRET, "--fallback"], { cwd: app })).code).toBe(0);
    const r = await box.run(["diagnostic"], { cwd: app });
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    const path = /Wrote (\S+\.zip)/.exec(r.stdout)![1]!;
    expect(path).toMatch(/^\.sst\/diagnostic-\d{8}-\d{6}\.zip$/);
    expect(r.stdout).toContain("2 log files");

    const list = spawnSync("python3", ["-m", "zipfile", "-l", join(app, path)], { encoding: "utf8" });
    expect(list.status).toBe(0);
    const files = unzip(join(app, path));
    expect(Object.keys(files).sort()).toEqual(["log/lambda/fn/1-req.log", "log/sst.log", "versions.json"]);
    const log = files["log/sst.log"]!;
    expect(log).toContain("deploying with ApiKey=[secret] and [secret]");
    expect(log).toContain("SST_SECRET_Unknown=[secret] PULUMI_CONFIG_PASSPHRASE=[secret]");
    expect(log).toContain('{"SST_SECRET_Json":"[secret]","json":"[secret]"}');
    expect(log).toContain("an ordinary line");
    expect(files["log/lambda/fn/1-req.log"]).toBe("got [secret]\n");
    for (const text of Object.values(files)) {
      for (const secret of [STAGE_SECRET, FALLBACK_SECRET, "not-a-stored-secret", "pp123", "json-value"]) expect(text).not.toContain(secret);
    }
    const versions = JSON.parse(files["versions.json"]!);
    expect(versions).toMatchObject({ cli: expect.any(String), node: process.version, "@pulumi/pulumi": expect.any(String), stage: "dev", logs: 2 });
    expect(versions).toHaveProperty("pulumi");
    expect(versions.os).toContain(process.platform);
    expect(versions.redaction).toContain('2 secret value(s) of stage "dev" and the fallback set');
  });

  it("still writes a zip when the config cannot load, redacting SST_SECRET_* values", async () => {
    const broken = box.dir("diag-broken", "export default $config({ app() { throw new Error('nope'); }, async run() {} });\n", {
      ".sst/log/sst.log": "SST_SECRET_X=abc\n",
    });
    const r = await box.run(["diagnostic"], { cwd: broken });
    expect(r.code).toBe(0);
    const files = unzip(join(broken, /Wrote (\S+\.zip)/.exec(r.stdout)![1]!));
    expect(files["log/sst.log"]).toBe("SST_SECRET_X=[secret]\n");
    expect(JSON.parse(files["versions.json"]!).redaction).toContain("could not be read");
  });

  it("needs an app", async () => {
    expect(expectUserError(await box.run(["diagnostic"], { cwd: box.dir("no-app") }))).toContain("sst.config.ts");
  });
});
