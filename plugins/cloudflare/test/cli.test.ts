/**
 * `sst` with `home: "cloudflare"` end to end, against moto standing in for R2's S3 API: secrets set and read
 * back through the CLI are sealed in the `sst-state` bucket; a held lock is released by
 * `sst unlock`; missing settings stop it in one line before anything is written. (A deploy needs the
 * Cloudflare Pulumi provider plugin, which these machines cannot get: see deploy.test.ts.)
 */
import { ListBucketsCommand, ListObjectsV2Command } from "@aws-sdk/client-s3";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { CloudflareHome, cloudflareHomeConfig } from "@sst/cloudflare";
import { sandbox, sst, type Sandbox } from "../../../cli/test/engine.js";
import { MOTO, useMoto } from "../../aws/test/_moto.js";

const moto = useMoto();
const example = join(import.meta.dirname, "..", "..", "..", "examples", "app-hello");
const boxes: Sandbox[] = [];
afterAll(() => boxes.forEach((b) => b.cleanup()));
const ACCOUNT = "0123456789abcdef0123456789abcdef";

/** examples/app-hello with `home: "cloudflare"`, in a sandbox inside the repo so `@sst/cloudflare` resolves. */
function cloudflareApp(): Sandbox {
  const box = sandbox(example, ["sst.config.ts", "package.json"]);
  boxes.push(box);
  const config = join(box.dir, "sst.config.ts");
  writeFileSync(config, readFileSync(config, "utf8").replace('home: "local"', 'home: "cloudflare"'));
  return box;
}

const r2 = () => ({
  CLOUDFLARE_DEFAULT_ACCOUNT_ID: ACCOUNT,
  CLOUDFLARE_R2_ENDPOINT: moto.endpoint,
  CLOUDFLARE_R2_ACCESS_KEY_ID: "testing",
  CLOUDFLARE_R2_SECRET_ACCESS_KEY: "testing",
  // moto_server.py serves HTTPS with a throwaway certificate: no warning about trusting it.
  NODE_TLS_REJECT_UNAUTHORIZED: "0",
  NODE_OPTIONS: "--no-warnings",
});
const home = () => new CloudflareHome(cloudflareHomeConfig({ providers: {} }, r2()));

describe.skipIf(!MOTO)("sst with home cloudflare", () => {
  it("without an account ID says so in one line and exits 1, writing nothing", async () => {
    await moto.reset();
    const box = cloudflareApp();
    const r = await sst(box, ["secret", "set", "ApiKey", "v", "--stage", "x"], { ...r2(), CLOUDFLARE_DEFAULT_ACCOUNT_ID: "" });
    expect(r.code).toBe(1);
    expect(r.stderr.split("\n")[0]).toBe("✕ The cloudflare home needs CLOUDFLARE_DEFAULT_ACCOUNT_ID, which is not set.");
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect((await home().s3.send(new ListBucketsCommand({}))).Buckets ?? []).toEqual([]);
  });

  it("keeps secrets sealed in the sst-state bucket, read back by sst secret list", async () => {
    const box = cloudflareApp();
    const set = await sst(box, ["secret", "set", "ApiKey", "r2-plaintext-marker", "--stage", "dev"], r2());
    expect(set.code, set.stderr).toBe(0);
    const list = await sst(box, ["secret", "list", "--stage", "dev"], r2());
    expect(list.stdout).toContain("ApiKey=r2-plaintext-marker");
    const h = home();
    const keys = ((await h.s3.send(new ListObjectsV2Command({ Bucket: "sst-state" }))).Contents ?? []).map((o) => o.Key);
    expect(keys).toContain("secret/app-hello/dev");
    expect(keys).toContain("passphrase/app-hello/dev");
    const sealed = (await h.getSecrets({ app: "app-hello", stage: "dev" }))!.blob;
    expect(sealed.includes("r2-plaintext-marker")).toBe(false);
    h.destroy();
  });

  it("releases a lock another command holds with sst unlock", async () => {
    const box = cloudflareApp();
    const h = home();
    const ref = { app: "app-hello", stage: "locked" };
    await h.lock(ref, { created: "2026-11-25T09:00:00.000Z", updateID: "other", command: "remove" });
    const unlocked = await sst(box, ["unlock", "--stage", "locked"], r2());
    expect(unlocked.code, unlocked.stderr).toBe(0);
    expect(await h.readLock(ref)).toBeUndefined();
    h.destroy();
  });
});
