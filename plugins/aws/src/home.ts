/**
 * The `aws` home: state, secrets, update records and the lock as objects of the bootstrap's state bucket
 * under `<kind>/<app>/<stage>.json` (SST's layout; update records under `update/<app>/<stage>/<id>.json`),
 * the passphrase and the link secret as SSM SecureStrings `/sst/passphrase/<app>/<stage>` and
 * `/sst/linksecret/<app>/<stage>`, created with `Overwrite: false` so they are never replaced.
 * The lock and the secrets' compare-and-swap are S3 conditional writes (`If-None-Match: *`, `If-Match: <ETag>`).
 */
import {
  DeleteObjectCommand,
  GetObjectCommand,
  ListObjectsV2Command,
  NoSuchKey,
  PutObjectCommand,
  S3Client,
  S3ServiceException,
} from "@aws-sdk/client-s3";
import { GetParameterCommand, ParameterAlreadyExists, ParameterNotFound, PutParameterCommand, SSMClient } from "@aws-sdk/client-ssm";
import { gunzipSync } from "node:zlib";
import { corrupt, LockedError, UNKNOWN_HOLDER, type Home, type LockInfo, type StageRef, type UpdateRecord, type VersionedBlob } from "@sst/core";
import { bootstrap, type AwsBootstrap } from "./bootstrap.js";
import { customS3Endpoint, type AwsHomeConfig } from "./config.js";
import type { AwsCredentialIdentityProvider } from "./credentials.js";

type Kind = "app" | "secret" | "lock";

/** True for S3's answers to a failed condition: 412 Precondition Failed, 409 ConditionalRequestConflict. */
function conditionFailed(error: unknown): boolean {
  const status = (error as S3ServiceException)?.$metadata?.httpStatusCode;
  return error instanceof S3ServiceException && (status === 412 || status === 409);
}

function notFound(error: unknown): boolean {
  return error instanceof NoSuchKey || (error as S3ServiceException)?.$metadata?.httpStatusCode === 404;
}

/** Reads state written by SST with `state.compress` (gzip) as well as plain. */
const inflate = (data: Buffer) => (data[0] === 0x1f && data[1] === 0x8b ? gunzipSync(data) : data);

export interface AwsHomeOptions {
  config: AwsHomeConfig;
  credentials: AwsCredentialIdentityProvider;
}

export class AwsHome implements Home {
  readonly name = "aws";
  readonly config: AwsHomeConfig;
  readonly s3: S3Client;
  readonly ssm: SSMClient;
  #bootstrap?: Promise<AwsBootstrap>;
  #stateBucket?: string;

  constructor(options: AwsHomeOptions) {
    this.config = options.config;
    const common = { region: options.config.region, credentials: options.credentials };
    // The SDK reads AWS_ENDPOINT_URL and AWS_ENDPOINT_URL_<SERVICE> itself; a custom S3 endpoint has no
    // per-bucket DNS, so it needs path-style addresses.
    this.s3 = new S3Client({ ...common, forcePathStyle: customS3Endpoint() });
    this.ssm = new SSMClient(common);
  }

  describe(): string {
    const where = `s3://${this.#stateBucket ?? "sst-state-…"} in ${this.config.region}`;
    return this.config.profile ? `${where} (profile ${this.config.profile})` : where;
  }

  /** Sets up (once per account and region) and returns the buckets; every state operation needs it. */
  bootstrap(): Promise<AwsBootstrap> {
    this.#bootstrap ??= bootstrap({ s3: this.s3, ssm: this.ssm, region: this.config.region }).then(
      (result) => {
        this.#stateBucket = result.state;
        return result;
      },
      (error: unknown) => {
        this.#bootstrap = undefined;
        throw error;
      },
    );
    return this.#bootstrap;
  }

  async #bucket(): Promise<string> {
    return (await this.bootstrap()).state;
  }

  key(kind: Kind, ref: StageRef): string {
    return `${kind}/${ref.app}/${ref.stage}.json`;
  }

  async #get(key: string): Promise<{ data: Buffer; etag: string } | undefined> {
    try {
      const out = await this.s3.send(new GetObjectCommand({ Bucket: await this.#bucket(), Key: key }));
      return { data: Buffer.from(await out.Body!.transformToByteArray()), etag: out.ETag ?? "" };
    } catch (error) {
      if (notFound(error)) return undefined;
      throw error;
    }
  }

  async #put(key: string, data: Buffer | string, condition: { IfMatch?: string; IfNoneMatch?: string } = {}): Promise<void> {
    await this.s3.send(new PutObjectCommand({ Bucket: await this.#bucket(), Key: key, Body: data, ContentType: "application/json", ...condition }));
  }

  async #delete(key: string): Promise<void> {
    await this.s3.send(new DeleteObjectCommand({ Bucket: await this.#bucket(), Key: key }));
  }

  async #list(prefix: string): Promise<string[]> {
    const keys: string[] = [];
    let token: string | undefined;
    do {
      const out = await this.s3.send(new ListObjectsV2Command({ Bucket: await this.#bucket(), Prefix: prefix, ContinuationToken: token }));
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
    try {
      await this.#put(this.key("secret", ref), blob, expected === undefined ? { IfNoneMatch: "*" } : { IfMatch: expected });
      return true;
    } catch (error) {
      if (conditionFailed(error)) return false;
      throw error;
    }
  }

  #parameter(kind: "passphrase" | "linksecret", ref: StageRef): string {
    return `/sst/${kind}/${ref.app}/${ref.stage}`;
  }

  async #getSecure(name: string): Promise<string | undefined> {
    try {
      const out = await this.ssm.send(new GetParameterCommand({ Name: name, WithDecryption: true }));
      return out.Parameter?.Value || undefined;
    } catch (error) {
      if (error instanceof ParameterNotFound) return undefined;
      throw error;
    }
  }

  /** Creates a SecureString; an existing one is never replaced (`EEXIST`, like the local home's exclusive create). */
  async #createSecure(name: string, value: string): Promise<void> {
    try {
      await this.ssm.send(
        new PutParameterCommand({
          Name: name,
          Type: "SecureString",
          Value: value,
          Overwrite: false,
          Description: "DO NOT DELETE STATE WILL BECOME UNRECOVERABLE",
        }),
      );
    } catch (error) {
      if (!(error instanceof ParameterAlreadyExists)) throw error;
      throw Object.assign(new Error(`SSM parameter ${name} already exists`), { code: "EEXIST" });
    }
  }

  getPassphrase(ref: StageRef) {
    return this.#getSecure(this.#parameter("passphrase", ref));
  }

  createPassphrase(ref: StageRef, passphrase: string) {
    return this.#createSecure(this.#parameter("passphrase", ref), passphrase);
  }

  getLinkSecret(ref: StageRef) {
    return this.#getSecure(this.#parameter("linksecret", ref));
  }

  createLinkSecret(ref: StageRef, secret: string) {
    return this.#createSecure(this.#parameter("linksecret", ref), secret);
  }

  async lock(ref: StageRef, info: LockInfo) {
    try {
      await this.#put(this.key("lock", ref), JSON.stringify(info), { IfNoneMatch: "*" });
    } catch (error) {
      if (!conditionFailed(error)) throw error;
      throw new LockedError(ref, (await this.readLock(ref).catch(() => undefined)) ?? UNKNOWN_HOLDER);
    }
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
      throw corrupt("lock", `s3://${await this.#bucket()}/${key}`, cause);
    }
  }

  async putUpdate(ref: StageRef, record: UpdateRecord) {
    await this.#put(`update/${ref.app}/${ref.stage}/${record.id}.json`, JSON.stringify(record));
  }

  /** Newest first: update ids are descending (`descendingId`), so key order is newest first. */
  async listUpdates(ref: StageRef): Promise<UpdateRecord[]> {
    const records: UpdateRecord[] = [];
    for (const key of await this.#list(`update/${ref.app}/${ref.stage}/`)) {
      if (!key.endsWith(".json")) continue;
      const got = await this.#get(key);
      if (!got) continue;
      try {
        records.push(JSON.parse(got.data.toString("utf8")) as UpdateRecord);
      } catch (cause) {
        throw corrupt("update record", `s3://${await this.#bucket()}/${key}`, cause);
      }
    }
    return records;
  }

  async listStages(app: string): Promise<string[]> {
    const prefix = `app/${app}/`;
    return (await this.#list(prefix))
      .map((key) => key.slice(prefix.length))
      .filter((name) => name.endsWith(".json") && !name.includes("/"))
      .map((name) => name.slice(0, -".json".length));
  }

  /** Closes the SDK clients' sockets. */
  destroy(): void {
    this.s3.destroy();
    this.ssm.destroy();
  }
}
