/**
 * The `cloudflare` home: everything in the account's R2 bucket `sst-state`, through R2's S3 API, under SST's
 * layout `<kind>/<app>/<stage>` (no extension): `app` (the checkpoint), `secret`, `lock`, `passphrase`,
 * `linksecret`, and update records under `update/<app>/<stage>/<id>`. The lock, the create-once passphrase
 * and link secret, and the secrets' compare-and-swap are conditional PUTs (`If-None-Match: *`,
 * `If-Match: <ETag>`), which R2 supports as S3 does.
 */
import {
  CreateBucketCommand,
  DeleteObjectCommand,
  GetObjectCommand,
  HeadBucketCommand,
  ListObjectsV2Command,
  NoSuchKey,
  PutObjectCommand,
  S3Client,
  S3ServiceException,
} from "@aws-sdk/client-s3";
import { gunzipSync } from "node:zlib";
import { corrupt, LockedError, UNKNOWN_HOLDER, type Home, type LockInfo, type StageRef, type UpdateRecord, type VersionedBlob } from "@sst/core";
import type { CloudflareHomeConfig } from "./config.js";
import { r2Credentials } from "./credentials.js";

type Kind = "app" | "secret" | "lock" | "passphrase" | "linksecret";

const status = (error: unknown) => (error as S3ServiceException)?.$metadata?.httpStatusCode;
/** 412 Precondition Failed, 409 ConditionalRequestConflict: another writer got there first. */
const conditionFailed = (error: unknown) => error instanceof S3ServiceException && (status(error) === 412 || status(error) === 409);
const notFound = (error: unknown) => error instanceof NoSuchKey || status(error) === 404;
/** Reads state written by SST with `state.compress` (gzip) as well as plain. */
const inflate = (data: Buffer) => (data[0] === 0x1f && data[1] === 0x8b ? gunzipSync(data) : data);

export class CloudflareHome implements Home {
  readonly name = "cloudflare";
  readonly config: CloudflareHomeConfig;
  readonly s3: S3Client;
  #bootstrap?: Promise<{ state: string }>;

  constructor(config: CloudflareHomeConfig, fetcher: typeof fetch = fetch) {
    this.config = config;
    let credentials: ReturnType<typeof r2Credentials> | undefined;
    this.s3 = new S3Client({
      region: "auto",
      endpoint: config.endpoint,
      forcePathStyle: true,
      credentials: () => (credentials ??= r2Credentials(config, fetcher)),
    });
  }

  describe(): string {
    return `r2://${this.config.bucket} in account ${this.config.accountId}`;
  }

  /** Creates the state bucket when the account has none (once per command); components read `{ state }`. */
  bootstrap(): Promise<{ state: string }> {
    this.#bootstrap ??= this.#ensureBucket().then(
      () => ({ state: this.config.bucket }),
      (error: unknown) => {
        this.#bootstrap = undefined;
        throw error;
      },
    );
    return this.#bootstrap;
  }

  async #ensureBucket(): Promise<void> {
    try {
      await this.s3.send(new HeadBucketCommand({ Bucket: this.config.bucket }));
      return;
    } catch (error) {
      if (!notFound(error)) throw error;
    }
    try {
      await this.s3.send(new CreateBucketCommand({ Bucket: this.config.bucket }));
    } catch (error) {
      // Another first run created it meanwhile.
      const name = (error as { name?: string }).name;
      if (name !== "BucketAlreadyOwnedByYou" && name !== "BucketAlreadyExists") throw error;
    }
  }

  key(kind: Kind, ref: StageRef): string {
    return `${kind}/${ref.app}/${ref.stage}`;
  }

  async #get(key: string): Promise<{ data: Buffer; etag: string } | undefined> {
    await this.bootstrap();
    try {
      const out = await this.s3.send(new GetObjectCommand({ Bucket: this.config.bucket, Key: key }));
      return { data: Buffer.from(await out.Body!.transformToByteArray()), etag: out.ETag ?? "" };
    } catch (error) {
      if (notFound(error)) return undefined;
      throw error;
    }
  }

  async #put(key: string, data: Buffer | string, condition: { IfMatch?: string; IfNoneMatch?: string } = {}): Promise<void> {
    await this.bootstrap();
    await this.s3.send(new PutObjectCommand({ Bucket: this.config.bucket, Key: key, Body: data, ...condition }));
  }

  /** Writes only when nothing is there; false when something is. */
  async #create(key: string, data: Buffer | string): Promise<boolean> {
    try {
      await this.#put(key, data, { IfNoneMatch: "*" });
      return true;
    } catch (error) {
      if (conditionFailed(error)) return false;
      throw error;
    }
  }

  async #delete(key: string): Promise<void> {
    await this.bootstrap();
    await this.s3.send(new DeleteObjectCommand({ Bucket: this.config.bucket, Key: key }));
  }

  async #list(prefix: string): Promise<string[]> {
    await this.bootstrap();
    const keys: string[] = [];
    let token: string | undefined;
    do {
      const out = await this.s3.send(new ListObjectsV2Command({ Bucket: this.config.bucket, Prefix: prefix, ContinuationToken: token }));
      for (const o of out.Contents ?? []) if (o.Key) keys.push(o.Key);
      token = out.IsTruncated ? out.NextContinuationToken : undefined;
    } while (token);
    return keys.sort();
  }

  async getState(ref: StageRef) {
    const got = await this.#get(this.key("app", ref));
    return got && inflate(got.data);
  }

  putState(ref: StageRef, data: Buffer) {
    return this.#put(this.key("app", ref), data);
  }

  removeState(ref: StageRef) {
    return this.#delete(this.key("app", ref));
  }

  async getSecrets(ref: StageRef): Promise<VersionedBlob | undefined> {
    const got = await this.#get(this.key("secret", ref));
    return got && { blob: got.data, version: got.etag };
  }

  async putSecrets(ref: StageRef, blob: Buffer, expected: string | undefined): Promise<boolean> {
    if (expected === undefined) return this.#create(this.key("secret", ref), blob);
    try {
      await this.#put(this.key("secret", ref), blob, { IfMatch: expected });
      return true;
    } catch (error) {
      if (conditionFailed(error)) return false;
      throw error;
    }
  }

  async #getText(kind: "passphrase" | "linksecret", ref: StageRef): Promise<string | undefined> {
    const got = await this.#get(this.key(kind, ref));
    return got ? got.data.toString("utf8") || undefined : undefined;
  }

  /** Create-once: an existing value is never replaced (`EEXIST`, like the local home's exclusive create). */
  async #createText(kind: "passphrase" | "linksecret", ref: StageRef, value: string): Promise<void> {
    if (!(await this.#create(this.key(kind, ref), value))) {
      throw Object.assign(new Error(`r2://${this.config.bucket}/${this.key(kind, ref)} already exists`), { code: "EEXIST" });
    }
  }

  getPassphrase(ref: StageRef) {
    return this.#getText("passphrase", ref);
  }

  createPassphrase(ref: StageRef, passphrase: string) {
    return this.#createText("passphrase", ref, passphrase);
  }

  getLinkSecret(ref: StageRef) {
    return this.#getText("linksecret", ref);
  }

  createLinkSecret(ref: StageRef, secret: string) {
    return this.#createText("linksecret", ref, secret);
  }

  async lock(ref: StageRef, info: LockInfo) {
    if (await this.#create(this.key("lock", ref), JSON.stringify(info))) return;
    throw new LockedError(ref, (await this.readLock(ref).catch(() => undefined)) ?? UNKNOWN_HOLDER);
  }

  async unlock(ref: StageRef) {
    const held = await this.readLock(ref).catch(() => undefined);
    await this.#delete(this.key("lock", ref));
    return held;
  }

  async readLock(ref: StageRef): Promise<LockInfo | undefined> {
    const key = this.key("lock", ref);
    const got = await this.#get(key);
    if (!got) return undefined;
    if (got.data.length === 0) return UNKNOWN_HOLDER;
    try {
      return JSON.parse(got.data.toString("utf8")) as LockInfo;
    } catch (cause) {
      throw corrupt("lock", `r2://${this.config.bucket}/${key}`, cause);
    }
  }

  async putUpdate(ref: StageRef, record: UpdateRecord) {
    await this.#put(`update/${ref.app}/${ref.stage}/${record.id}`, JSON.stringify(record));
  }

  /** Newest first: update ids are descending (`descendingId`), so key order is newest first. */
  async listUpdates(ref: StageRef): Promise<UpdateRecord[]> {
    const records: UpdateRecord[] = [];
    for (const key of await this.#list(`update/${ref.app}/${ref.stage}/`)) {
      const got = await this.#get(key);
      if (!got) continue;
      try {
        records.push(JSON.parse(got.data.toString("utf8")) as UpdateRecord);
      } catch (cause) {
        throw corrupt("update record", `r2://${this.config.bucket}/${key}`, cause);
      }
    }
    return records;
  }

  async listStages(app: string): Promise<string[]> {
    const prefix = `app/${app}/`;
    return (await this.#list(prefix)).map((key) => key.slice(prefix.length)).filter((name) => name && !name.includes("/"));
  }

  /** Closes the SDK client's sockets. */
  destroy(): void {
    this.s3.destroy();
  }
}
