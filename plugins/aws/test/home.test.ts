/**
 * The aws home against moto's server: the bootstrap (once, completed after a crash, upgraded in place),
 * the state bucket's layout, encrypted secrets, the lock, the passphrase, and the credentials check.
 */
import {
  GetBucketPolicyCommand,
  GetBucketVersioningCommand,
  GetObjectCommand,
  GetPublicAccessBlockCommand,
  ListBucketsCommand,
  ListObjectsV2Command,
  PutObjectCommand,
} from "@aws-sdk/client-s3";
import { GetParameterCommand, PutParameterCommand } from "@aws-sdk/client-ssm";
import { gzipSync } from "node:zlib";
import { beforeEach, describe, expect, it } from "vitest";
import { LockedError, newPassphrase, readSecrets, updateSecrets, type StageRef } from "@sst/core";
import { AwsHome, BOOTSTRAP_PARAMETER, BOOTSTRAP_VERSION, credentialsFor, openAwsHome, type AwsHomeConfig } from "@sst/aws";
import { MOTO, useMoto } from "./_moto.js";

const moto = useMoto();
const config: AwsHomeConfig = { region: "us-east-1" };
const open = () => new AwsHome({ config, credentials: credentialsFor(config) });
let n = 0;
const stage = (app = "home-test"): StageRef => ({ app, stage: `s${++n}` });

async function buckets(home: AwsHome): Promise<string[]> {
  const out = await home.s3.send(new ListBucketsCommand({}));
  return (out.Buckets ?? []).map((b) => b.Name!).sort();
}

async function record(home: AwsHome) {
  const out = await home.ssm.send(new GetParameterCommand({ Name: BOOTSTRAP_PARAMETER }));
  return JSON.parse(out.Parameter!.Value!);
}

/** Every object of the state bucket, all versions' current bodies, as text. */
async function everyObject(home: AwsHome): Promise<Map<string, Buffer>> {
  const bucket = (await home.bootstrap()).state;
  const out = await home.s3.send(new ListObjectsV2Command({ Bucket: bucket }));
  const all = new Map<string, Buffer>();
  for (const o of out.Contents ?? []) {
    const got = await home.s3.send(new GetObjectCommand({ Bucket: bucket, Key: o.Key! }));
    all.set(o.Key!, Buffer.from(await got.Body!.transformToByteArray()));
  }
  return all;
}

describe.skipIf(!MOTO)("the aws home's bootstrap", () => {
  beforeEach(() => moto.reset());

  it("creates one versioned, private, TLS-only state bucket and one asset bucket, recorded in /sst/bootstrap", async () => {
    const home = open();
    const result = await home.bootstrap();
    expect(result.state).toMatch(/^sst-state-[abcdefhkmnorstuvwxz]{12}$/);
    expect(result.asset).toMatch(/^sst-asset-[abcdefhkmnorstuvwxz]{12}$/);
    expect(result.version).toBe(BOOTSTRAP_VERSION);
    expect(await buckets(home)).toEqual([result.asset, result.state].sort());
    expect(await record(home)).toEqual(result);
    expect(home.describe()).toBe(`s3://${result.state} in us-east-1`);
    const versioning = await home.s3.send(new GetBucketVersioningCommand({ Bucket: result.state }));
    expect(versioning.Status).toBe("Enabled");
    for (const bucket of [result.state, result.asset]) {
      const block = await home.s3.send(new GetPublicAccessBlockCommand({ Bucket: bucket }));
      expect(block.PublicAccessBlockConfiguration).toEqual({ BlockPublicAcls: true, IgnorePublicAcls: true, BlockPublicPolicy: true, RestrictPublicBuckets: true });
    }
    const policy = JSON.parse((await home.s3.send(new GetBucketPolicyCommand({ Bucket: result.state }))).Policy!);
    expect(policy.Statement[0]).toMatchObject({ Effect: "Deny", Condition: { Bool: { "aws:SecureTransport": "false" } } });
  });

  it("reads the record on a second run and creates nothing", async () => {
    const first = await open().bootstrap();
    const home = open();
    const before = await buckets(home);
    expect(await home.bootstrap()).toEqual(first);
    expect(await buckets(home)).toEqual(before);
  });

  it("gives two first runs at once the same single pair of buckets", async () => {
    const [a, b] = await Promise.all([open().bootstrap(), open().bootstrap()]);
    expect(a).toEqual(b);
    expect(await buckets(open())).toHaveLength(2);
  });

  it("completes a bootstrap that crashed after recording its names, with those names", async () => {
    const home = open();
    const names = { version: 0, state: "sst-state-crashedaaaaaa", asset: "sst-asset-crashedaaaaaa" };
    await home.ssm.send(new PutParameterCommand({ Name: BOOTSTRAP_PARAMETER, Type: "String", Value: JSON.stringify(names) }));
    const result = await home.bootstrap();
    expect(result).toEqual({ ...names, version: BOOTSTRAP_VERSION });
    expect(await buckets(home)).toEqual([names.asset, names.state]);
  });

  it("upgrades an older bootstrap in place, keeping its buckets and extra fields", async () => {
    const home = open();
    const old = { version: 0, state: "sst-state-olderaaaaaaa", asset: "sst-asset-olderaaaaaaa", assetEcrUrl: "kept" };
    await home.ssm.send(new PutParameterCommand({ Name: BOOTSTRAP_PARAMETER, Type: "String", Value: JSON.stringify(old) }));
    await home.bootstrap();
    // Now pretend the last step is new: roll the record back one version, as an older sst would have left it.
    await home.ssm.send(
      new PutParameterCommand({ Name: BOOTSTRAP_PARAMETER, Type: "String", Value: JSON.stringify({ ...old, version: BOOTSTRAP_VERSION - 1 }), Overwrite: true }),
    );
    expect(await open().bootstrap()).toEqual({ ...old, version: BOOTSTRAP_VERSION });
    expect(await buckets(home)).toEqual([old.asset, old.state]);
  });
});

describe.skipIf(!MOTO)("the aws home's state bucket", () => {
  it("round-trips the state under app/<app>/<stage>.json, lists its stages, and removes it", async () => {
    const home = open();
    const ref = stage("layout");
    const other = stage("layout");
    expect(await home.getState(ref)).toBeUndefined();
    await home.putState(ref, Buffer.from('{"checkpoint":1}'));
    await home.putState(other, Buffer.from("{}"));
    expect((await home.getState(ref))!.toString()).toBe('{"checkpoint":1}');
    expect((await everyObject(home)).has(`app/layout/${ref.stage}.json`)).toBe(true);
    expect(await home.listStages("layout")).toEqual([ref.stage, other.stage].sort());
    await home.removeState(ref);
    expect(await home.getState(ref)).toBeUndefined();
    expect(await home.listStages("layout")).toEqual([other.stage]);
  });

  it("reads state SST wrote gzip-compressed", async () => {
    const home = open();
    const ref = stage();
    const bucket = (await home.bootstrap()).state;
    await home.s3.send(new PutObjectCommand({ Bucket: bucket, Key: `app/${ref.app}/${ref.stage}.json`, Body: gzipSync('{"zipped":true}') }));
    expect((await home.getState(ref))!.toString()).toBe('{"zipped":true}');
  });

  it("round-trips secrets encrypted: no object in the bucket holds a value in plaintext", async () => {
    const home = open();
    const ref = stage();
    const pass = newPassphrase({});
    await updateSecrets(home, ref, pass, (s) => void (s.StripeKey = "sk_live_plaintext_marker"));
    expect(await readSecrets(home, ref, pass)).toEqual({ StripeKey: "sk_live_plaintext_marker" });
    const objects = await everyObject(home);
    expect(objects.has(`secret/${ref.app}/${ref.stage}.json`)).toBe(true);
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

  it("gives the lock to exactly one of 20 concurrent takers; the 19 others learn who holds it and since when", async () => {
    const home = open();
    const ref = stage();
    const created = "2026-11-25T10:00:00.000Z";
    const results = await Promise.allSettled(
      Array.from({ length: 20 }, (_, i) => home.lock(ref, { created, updateID: `u${i}`, command: "deploy" })),
    );
    const won = results.flatMap((r, i) => (r.status === "fulfilled" ? [i] : []));
    expect(won).toHaveLength(1);
    const errors = results.flatMap((r) => (r.status === "rejected" ? [r.reason] : []));
    expect(errors).toHaveLength(19);
    for (const error of errors) {
      expect(error).toBeInstanceOf(LockedError);
      expect((error as LockedError).holder).toEqual({ created, updateID: `u${won[0]}`, command: "deploy" });
      expect((error as LockedError).message).toContain(`\`sst deploy\` (started ${created})`);
    }
  });

  it("unlocks: returns the holder, deletes the lock object, and lets the next command take it", async () => {
    const home = open();
    const ref = stage();
    const info = { created: new Date().toISOString(), updateID: "a", command: "remove" };
    await home.lock(ref, info);
    expect((await everyObject(home)).has(`lock/${ref.app}/${ref.stage}.json`)).toBe(true);
    expect(await home.unlock(ref)).toEqual(info);
    expect(await home.readLock(ref)).toBeUndefined();
    await home.lock(ref, { ...info, updateID: "b" });
    expect((await home.readLock(ref))!.updateID).toBe("b");
  });

  it("keeps update records under update/<app>/<stage>/<id>.json, newest first", async () => {
    const home = open();
    const ref = stage();
    const rec = (id: string) => ({ id, command: "deploy", version: "0.1.0", timeStarted: "t", errors: [] });
    // Descending ids: the newest sorts first.
    await home.putUpdate(ref, rec("ffff0002"));
    await home.putUpdate(ref, rec("ffff0001"));
    expect((await home.listUpdates(ref)).map((r) => r.id)).toEqual(["ffff0001", "ffff0002"]);
    expect((await everyObject(home)).has(`update/${ref.app}/${ref.stage}/ffff0001.json`)).toBe(true);
    expect(await home.listStages(ref.app)).not.toContain("ffff0001");
  });
});

describe.skipIf(!MOTO)("the aws home's passphrase and link secret", () => {
  it.each([
    ["passphrase", "createPassphrase", "getPassphrase"],
    ["linksecret", "createLinkSecret", "getLinkSecret"],
  ] as const)("stores the %s as an SSM SecureString that is never overwritten", async (kind, create, get) => {
    const home = open();
    const ref = stage();
    const first = newPassphrase({});
    await home[create](ref, first);
    await expect(home[create](ref, newPassphrase({}))).rejects.toMatchObject({ code: "EEXIST" });
    expect(await home[get](ref)).toBe(first);
    const param = await home.ssm.send(new GetParameterCommand({ Name: `/sst/${kind}/${ref.app}/${ref.stage}` }));
    expect(param.Parameter!.Type).toBe("SecureString");
  });
});

describe.skipIf(!MOTO)("the aws home's credentials", () => {
  const without = (env: Record<string, string>) => {
    const saved = { ...process.env };
    delete process.env.AWS_ACCESS_KEY_ID;
    delete process.env.AWS_SECRET_ACCESS_KEY;
    Object.assign(process.env, env);
    return () => {
      for (const k of Object.keys(process.env)) if (!(k in saved)) delete process.env[k];
      Object.assign(process.env, saved);
    };
  };

  it("fails with one line naming the chain and region looked at and what to run, writing nothing", async () => {
    await moto.reset();
    const restore = without({ AWS_REGION: "eu-west-3" });
    try {
      const error = await openAwsHome({ providers: { aws: {} } }).catch((e: unknown) => e);
      expect(error).toMatchObject({ code: "E_AWS_CREDENTIALS" });
      expect((error as Error).message).toContain("default credential chain");
      expect((error as Error).message).toContain("region eu-west-3");
      expect((error as Error).message).not.toContain("\n");
      expect((error as { problems: { hint?: string }[] }).problems[0]!.hint).toContain("aws configure");
    } finally {
      restore();
    }
    await expect(open().ssm.send(new GetParameterCommand({ Name: BOOTSTRAP_PARAMETER }))).rejects.toMatchObject({ name: "ParameterNotFound" });
  });

  it("names the configured profile and says to log in with it", async () => {
    const restore = without({});
    try {
      const error = await openAwsHome({ providers: { aws: { profile: "team-dev", region: "us-west-2" } } }).catch((e: unknown) => e);
      expect((error as Error).message).toContain('profile "team-dev"');
      expect((error as Error).message).toContain("region us-west-2");
      expect((error as { problems: { hint?: string }[] }).problems[0]!.hint).toBe("Run: aws sso login --profile team-dev");
    } finally {
      restore();
    }
  });

  it("assumes providers.aws.assumeRole with the chain's credentials", async () => {
    const role = { roleArn: "arn:aws:iam::123456789012:role/deployer", sessionName: "ci" };
    const assumed = await credentialsFor({ region: "us-east-1", assumeRole: role })();
    expect(assumed.accessKeyId).not.toBe("testing");
    expect(assumed.sessionToken).toBeTruthy();
    const home = await openAwsHome({ providers: { aws: { assumeRole: role } } });
    expect(home.config.assumeRole).toEqual({ ...role, externalId: undefined, durationSeconds: undefined });
    home.destroy();
  });

  it("opens with valid credentials", async () => {
    const home = await openAwsHome({ providers: { aws: {} } });
    expect(home.config.region).toBe("us-east-1");
    home.destroy();
  });
});
