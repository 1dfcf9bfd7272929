/**
 * The cloudflare home against moto's S3 server standing in for R2's S3 API (endpoint override): the
 * bootstrap, SST's object layout, sealed secrets, the atomic lock, create-once passphrase and link secret,
 * update records, and its settings and credentials.
 */
import { createServer, type Server } from "node:http";
import { createHash } from "node:crypto";
import { GetObjectCommand, ListBucketsCommand, ListObjectsV2Command, PutObjectCommand } from "@aws-sdk/client-s3";
import { gzipSync } from "node:zlib";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { LockedError, newPassphrase, readSecrets, updateSecrets, type StageRef } from "@sst/core";
import { CloudflareHome, cloudflareHomeConfig, openCloudflareHome, r2Credentials } from "@sst/cloudflare";
import { MOTO, useMoto } from "../../aws/test/_moto.js";
import { sstError } from "../../../core/test/_helpers.js";

const moto = useMoto();
const ACCOUNT = "0123456789abcdef0123456789abcdef";
const env = () => ({
  CLOUDFLARE_DEFAULT_ACCOUNT_ID: ACCOUNT,
  CLOUDFLARE_R2_ENDPOINT: moto.endpoint,
  CLOUDFLARE_R2_ACCESS_KEY_ID: "testing",
  CLOUDFLARE_R2_SECRET_ACCESS_KEY: "testing",
});
const open = () => new CloudflareHome(cloudflareHomeConfig({ providers: {} }, env()));
let n = 0;
const stage = (app = "cf-home"): StageRef => ({ app, stage: `s${++n}` });

async function everyObject(home: CloudflareHome): Promise<Map<string, Buffer>> {
  const out = await home.s3.send(new ListObjectsV2Command({ Bucket: "sst-state" }));
  const all = new Map<string, Buffer>();
  for (const o of out.Contents ?? []) {
    const got = await home.s3.send(new GetObjectCommand({ Bucket: "sst-state", Key: o.Key! }));
    all.set(o.Key!, Buffer.from(await got.Body!.transformToByteArray()));
  }
  return all;
}

const buckets = async (home: CloudflareHome) => ((await home.s3.send(new ListBucketsCommand({}))).Buckets ?? []).map((b) => b.Name);

describe.skipIf(!MOTO)("the cloudflare home's bootstrap", () => {
  beforeEach(() => moto.reset());

  it("creates the sst-state bucket once, and reuses it on the next run and from a racing first run", async () => {
    const [a, b] = [open(), open()];
    expect(await Promise.all([a.bootstrap(), b.bootstrap()])).toEqual([{ state: "sst-state" }, { state: "sst-state" }]);
    expect(await open().bootstrap()).toEqual({ state: "sst-state" });
    expect(await buckets(a)).toEqual(["sst-state"]);
    expect(a.describe()).toBe(`r2://sst-state in account ${ACCOUNT}`);
  });
});

describe.skipIf(!MOTO)("the cloudflare home's state bucket", () => {
  it("round-trips the state under app/<app>/<stage>, lists its stages, and removes it", async () => {
    const home = open();
    const [ref, other] = [stage("layout"), stage("layout")];
    expect(await home.getState(ref)).toBeUndefined();
    await home.putState(ref, Buffer.from('{"checkpoint":1}'));
    await home.putState(other, Buffer.from("{}"));
    expect((await home.getState(ref))!.toString()).toBe('{"checkpoint":1}');
    expect((await everyObject(home)).has(`app/layout/${ref.stage}`)).toBe(true);
    expect(await home.listStages("layout")).toEqual([ref.stage, other.stage].sort());
    await home.removeState(ref);
    expect(await home.getState(ref)).toBeUndefined();
    expect(await home.listStages("layout")).toEqual([other.stage]);
  });

  it("reads state SST wrote gzip-compressed", async () => {
    const home = open();
    const ref = stage();
    await home.bootstrap();
    await home.s3.send(new PutObjectCommand({ Bucket: "sst-state", Key: `app/${ref.app}/${ref.stage}`, Body: gzipSync('{"zipped":true}') }));
    expect((await home.getState(ref))!.toString()).toBe('{"zipped":true}');
  });

  it("round-trips secrets sealed: no object in the bucket holds a value in plaintext", async () => {
    const home = open();
    const ref = stage();
    const pass = newPassphrase({});
    await updateSecrets(home, ref, pass, (s) => void (s.StripeKey = "sk_live_plaintext_marker"));
    expect(await readSecrets(home, ref, pass)).toEqual({ StripeKey: "sk_live_plaintext_marker" });
    const objects = await everyObject(home);
    expect(objects.has(`secret/${ref.app}/${ref.stage}`)).toBe(true);
    for (const [, body] of objects) expect(body.includes("sk_live_plaintext_marker")).toBe(false);
  });

  it("refuses a secrets write at a stale ETag and a create over an existing blob", async () => {
    const home = open();
    const ref = stage();
    expect(await home.putSecrets(ref, Buffer.from("one"), undefined)).toBe(true);
    const first = (await home.getSecrets(ref))!;
    expect(await home.putSecrets(ref, Buffer.from("two"), undefined)).toBe(false);
    expect(await home.putSecrets(ref, Buffer.from("two"), first.version)).toBe(true);
    expect(await home.putSecrets(ref, Buffer.from("three"), first.version)).toBe(false);
    expect((await home.getSecrets(ref))!.blob.toString()).toBe("two");
  });

  it("gives the lock to exactly one of 20 concurrent takers; the 19 others learn who holds it", async () => {
    const home = open();
    const ref = stage();
    const created = "2026-11-25T10:00:00.000Z";
    const results = await Promise.allSettled(Array.from({ length: 20 }, (_, i) => home.lock(ref, { created, updateID: `u${i}`, command: "deploy" })));
    const won = results.flatMap((r, i) => (r.status === "fulfilled" ? [i] : []));
    expect(won).toHaveLength(1);
    const errors = results.flatMap((r) => (r.status === "rejected" ? [r.reason] : []));
    expect(errors).toHaveLength(19);
    for (const error of errors) {
      expect(error).toBeInstanceOf(LockedError);
      expect((error as LockedError).holder).toEqual({ created, updateID: `u${won[0]}`, command: "deploy" });
    }
  });

  it("unlocks: returns the holder, deletes the lock object, and lets the next command take it", async () => {
    const home = open();
    const ref = stage();
    const info = { created: new Date().toISOString(), updateID: "a", command: "remove" };
    await home.lock(ref, info);
    expect((await everyObject(home)).has(`lock/${ref.app}/${ref.stage}`)).toBe(true);
    expect(await home.unlock(ref)).toEqual(info);
    expect(await home.readLock(ref)).toBeUndefined();
    await home.lock(ref, { ...info, updateID: "b" });
    expect((await home.readLock(ref))!.updateID).toBe("b");
  });

  it("keeps update records under update/<app>/<stage>/<id>, newest first, apart from the stages", async () => {
    const home = open();
    const ref = stage();
    const rec = (id: string) => ({ id, command: "deploy", version: "0.1.0", timeStarted: "t", errors: [] });
    await home.putUpdate(ref, rec("ffff0002"));
    await home.putUpdate(ref, rec("ffff0001"));
    expect((await home.listUpdates(ref)).map((r) => r.id)).toEqual(["ffff0001", "ffff0002"]);
    expect((await everyObject(home)).has(`update/${ref.app}/${ref.stage}/ffff0001`)).toBe(true);
    expect(await home.listStages(ref.app)).not.toContain("ffff0001");
  });

  it.each([
    ["passphrase", "createPassphrase", "getPassphrase"],
    ["linksecret", "createLinkSecret", "getLinkSecret"],
  ] as const)("stores the %s as the object <kind>/<app>/<stage>, never overwritten", async (kind, create, get) => {
    const home = open();
    const ref = stage();
    const first = newPassphrase({});
    await home[create](ref, first);
    await expect(home[create](ref, newPassphrase({}))).rejects.toMatchObject({ code: "EEXIST" });
    expect(await home[get](ref)).toBe(first);
    expect((await everyObject(home)).get(`${kind}/${ref.app}/${ref.stage}`)!.toString()).toBe(first);
  });
});

describe("the cloudflare home's settings", () => {
  it("fails in one line without CLOUDFLARE_DEFAULT_ACCOUNT_ID", async () => {
    const error = await sstError(() => cloudflareHomeConfig({ providers: {} }, { CLOUDFLARE_API_TOKEN: "t" }));
    expect(error.code).toBe("E_CLOUDFLARE_CREDENTIALS");
    expect(error.message).toBe("The cloudflare home needs CLOUDFLARE_DEFAULT_ACCOUNT_ID, which is not set.");
  });

  it("fails in one line without CLOUDFLARE_API_TOKEN (or R2 keys)", async () => {
    const error = await sstError(() => openCloudflareHome({ providers: { cloudflare: { accountId: ACCOUNT } } }));
    expect(error.message).toBe("The cloudflare home needs CLOUDFLARE_API_TOKEN, which is not set.");
  });

  it("reaches R2's S3 API of the account, or the endpoint given", () => {
    const config = cloudflareHomeConfig({ providers: {} }, { CLOUDFLARE_DEFAULT_ACCOUNT_ID: ACCOUNT, CLOUDFLARE_API_TOKEN: "t" });
    expect(config).toMatchObject({ accountId: ACCOUNT, endpoint: `https://${ACCOUNT}.r2.cloudflarestorage.com`, bucket: "sst-state", apiToken: "t" });
    expect(cloudflareHomeConfig({ providers: { cloudflare: { accountId: "cfg" } } }, { CLOUDFLARE_API_TOKEN: "t", CLOUDFLARE_R2_ENDPOINT: "http://x" })).toMatchObject({
      accountId: "cfg",
      endpoint: "http://x",
    });
  });
});

describe("R2 credentials from the API token", () => {
  let server: Server;
  let base = "";
  let auth: string[] = [];
  beforeAll(async () => {
    server = createServer((req, res) => {
      auth.push(req.headers.authorization ?? "");
      const ok = req.url === "/user/tokens/verify" && req.headers.authorization === "Bearer good-token";
      res.writeHead(ok ? 200 : 401, { "content-type": "application/json" });
      res.end(JSON.stringify(ok ? { success: true, result: { id: "token-id-1", status: "active" } } : { success: false, errors: [{ message: "Invalid API Token" }] }));
    });
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  });
  afterAll(() => new Promise((r) => server.close(r)));
  const config = (token: string) => cloudflareHomeConfig({ providers: {} }, { CLOUDFLARE_DEFAULT_ACCOUNT_ID: ACCOUNT, CLOUDFLARE_API_TOKEN: token, CLOUDFLARE_BASE_URL: base });

  it("uses the token's ID as the access key and the SHA-256 of the token as the secret, as Cloudflare documents", async () => {
    auth = [];
    expect(await r2Credentials(config("good-token"))).toEqual({
      accessKeyId: "token-id-1",
      secretAccessKey: createHash("sha256").update("good-token").digest("hex"),
    });
    expect(auth).toEqual(["Bearer good-token"]);
  });

  it("fails in one line for a token Cloudflare refuses", async () => {
    const error = await sstError(() => r2Credentials(config("bad-token")));
    expect(error.code).toBe("E_CLOUDFLARE_CREDENTIALS");
    expect(error.message).toBe("CLOUDFLARE_API_TOKEN is not a valid, active Cloudflare API token (HTTP 401).");
  });

  it("uses R2 keys given directly without asking the API", async () => {
    auth = [];
    const keys = cloudflareHomeConfig({ providers: {} }, { CLOUDFLARE_DEFAULT_ACCOUNT_ID: ACCOUNT, CLOUDFLARE_R2_ACCESS_KEY_ID: "a", CLOUDFLARE_R2_SECRET_ACCESS_KEY: "b" });
    expect(await r2Credentials(keys)).toEqual({ accessKeyId: "a", secretAccessKey: "b" });
    expect(auth).toEqual([]);
  });
});
