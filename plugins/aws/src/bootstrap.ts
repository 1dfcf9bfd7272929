/**
 * The bootstrap of an AWS account and region: two buckets named in the SSM parameter `/sst/bootstrap`
 * (`{"version":N,"state":"sst-state-<r>","asset":"sst-asset-<r>"}`, SST's record). The names are recorded
 * first (version 0, a create-once parameter, so two first runs agree on one pair), then each step runs in
 * order and bumps `version`: a run that crashed half-way is completed by the next one, not duplicated, and
 * an account bootstrapped by an older version is upgraded in place. Every step is idempotent.
 */
import {
  BucketAlreadyOwnedByYou,
  CreateBucketCommand,
  PutBucketPolicyCommand,
  PutBucketVersioningCommand,
  PutPublicAccessBlockCommand,
  type S3Client,
} from "@aws-sdk/client-s3";
import { GetParameterCommand, ParameterAlreadyExists, ParameterNotFound, PutParameterCommand, type SSMClient } from "@aws-sdk/client-ssm";
import { randomInt } from "node:crypto";

export const BOOTSTRAP_PARAMETER = "/sst/bootstrap";

/** What `/sst/bootstrap` records; components read it with `useBootstrap<AwsBootstrap>("aws")`. */
export interface AwsBootstrap {
  /** The last step done. */
  version: number;
  /** The bucket of state, secrets, locks and update records. */
  state: string;
  /** The bucket functions' code and other assets are uploaded to. */
  asset: string;
  /** SST's record has more fields (ECR); they are kept as they are. */
  [key: string]: unknown;
}

/** SST's alphabet for bucket suffixes: lowercase letters that read unambiguously. */
const ALPHABET = "abcdefhkmnorstuvwxz";
const suffix = () => Array.from({ length: 12 }, () => ALPHABET[randomInt(ALPHABET.length)]).join("");

interface Clients {
  s3: S3Client;
  ssm: SSMClient;
  region: string;
}

async function createBucket({ s3, region }: Clients, name: string): Promise<void> {
  try {
    await s3.send(
      new CreateBucketCommand({
        Bucket: name,
        ...(region === "us-east-1" ? {} : { CreateBucketConfiguration: { LocationConstraint: region as never } }),
      }),
    );
  } catch (error) {
    if (!(error instanceof BucketAlreadyOwnedByYou)) throw error;
  }
}

async function blockPublicAccess({ s3 }: Clients, name: string): Promise<void> {
  await s3.send(
    new PutPublicAccessBlockCommand({
      Bucket: name,
      PublicAccessBlockConfiguration: { BlockPublicAcls: true, IgnorePublicAcls: true, BlockPublicPolicy: true, RestrictPublicBuckets: true },
    }),
  );
}

/** A policy that refuses every request not made over TLS. */
export function tlsOnlyPolicy(bucket: string): string {
  return JSON.stringify({
    Version: "2012-10-17",
    Statement: [
      {
        Sid: "DenyInsecureTransport",
        Effect: "Deny",
        Principal: "*",
        Action: "s3:*",
        Resource: [`arn:aws:s3:::${bucket}`, `arn:aws:s3:::${bucket}/*`],
        Condition: { Bool: { "aws:SecureTransport": "false" } },
      },
    ],
  });
}

/**
 * The steps, in order; step i (1-based) brings a record at version i-1 to version i. Append only: a new
 * step upgrades every account in place on its next command. (SST's own record counts more steps, ECR
 * among them; a record at or above our last version is left alone.)
 */
const STEPS: ((c: Clients, b: AwsBootstrap) => Promise<void>)[] = [
  // 1: the buckets, the state bucket versioned, neither public.
  async (c, b) => {
    for (const name of [b.state, b.asset]) {
      await createBucket(c, name);
      await blockPublicAccess(c, name);
    }
    await c.s3.send(new PutBucketVersioningCommand({ Bucket: b.state, VersioningConfiguration: { Status: "Enabled" } }));
  },
  // 2: the state bucket answers only over TLS.
  async (c, b) => {
    await c.s3.send(new PutBucketPolicyCommand({ Bucket: b.state, Policy: tlsOnlyPolicy(b.state) }));
  },
];

/** The version a complete bootstrap has. */
export const BOOTSTRAP_VERSION = STEPS.length;

async function readRecord({ ssm }: Clients): Promise<AwsBootstrap | undefined> {
  try {
    const out = await ssm.send(new GetParameterCommand({ Name: BOOTSTRAP_PARAMETER }));
    return JSON.parse(out.Parameter?.Value ?? "") as AwsBootstrap;
  } catch (error) {
    if (error instanceof ParameterNotFound) return undefined;
    throw error;
  }
}

async function writeRecord({ ssm }: Clients, record: AwsBootstrap, overwrite: boolean): Promise<void> {
  await ssm.send(new PutParameterCommand({ Name: BOOTSTRAP_PARAMETER, Type: "String", Value: JSON.stringify(record), Overwrite: overwrite }));
}

/** Reads `/sst/bootstrap`, creating or completing it first when needed; returns the finished record. */
export async function bootstrap(clients: Clients): Promise<AwsBootstrap> {
  let record = await readRecord(clients);
  if (!record) {
    const id = suffix();
    const fresh: AwsBootstrap = { version: 0, state: `sst-state-${id}`, asset: `sst-asset-${id}` };
    try {
      await writeRecord(clients, fresh, false);
      record = fresh;
    } catch (error) {
      if (!(error instanceof ParameterAlreadyExists)) throw error;
      record = (await readRecord(clients))!; // another first run recorded its names: use them
    }
  }
  while (record.version < BOOTSTRAP_VERSION) {
    await STEPS[record.version]!(clients, record);
    record = { ...record, version: record.version + 1 };
    await writeRecord(clients, record, true);
  }
  return record;
}
