/**
 * How the aws home reaches AWS: `providers.aws` of the app (`region`, `profile`, `assumeRole`) and the
 * SDK's own environment (`AWS_PROFILE`, `AWS_REGION`, `AWS_ENDPOINT_URL`, `AWS_ENDPOINT_URL_S3`, ...).
 */
import type { ResolvedApp } from "@sst/core";

/** The `providers.aws` settings the home reads. */
export interface AwsHomeConfig {
  /** @default `AWS_REGION`, then `AWS_DEFAULT_REGION`, then `"us-east-1"` */
  region: string;
  /** A profile of `~/.aws/config`, used for this command only (never written to state). */
  profile?: string;
  /** A role to assume with the resolved credentials. */
  assumeRole?: { roleArn: string; sessionName?: string; externalId?: string; durationSeconds?: number };
}

function pickAssumeRole(value: unknown): AwsHomeConfig["assumeRole"] {
  if (!value || typeof value !== "object") return undefined;
  // Pulumi's aws provider spells it `assumeRole: { roleArn, sessionName, externalId }` (or `assumeRoles: [...]`).
  const role = (Array.isArray(value) ? value[0] : value) as Record<string, unknown>;
  if (typeof role?.roleArn !== "string") return undefined;
  return {
    roleArn: role.roleArn,
    sessionName: typeof role.sessionName === "string" ? role.sessionName : undefined,
    externalId: typeof role.externalId === "string" ? role.externalId : undefined,
    durationSeconds: typeof role.durationSeconds === "number" ? role.durationSeconds : undefined,
  };
}

/** The home's settings from the app's resolved `providers.aws` and the environment. */
export function awsHomeConfig(app: Pick<ResolvedApp, "providers">, env: NodeJS.ProcessEnv = process.env): AwsHomeConfig {
  const aws = app.providers.aws ?? {};
  const str = (v: unknown) => (typeof v === "string" && v.length > 0 ? v : undefined);
  return {
    region: str(aws.region) ?? str(env.AWS_REGION) ?? str(env.AWS_DEFAULT_REGION) ?? "us-east-1",
    profile: str(aws.profile) ?? str(env.AWS_PROFILE),
    assumeRole: pickAssumeRole(aws.assumeRole ?? aws.assumeRoles),
  };
}

/** True when S3 is reached through a custom endpoint (LocalStack, moto): it needs path-style addressing. */
export function customS3Endpoint(env: NodeJS.ProcessEnv = process.env): boolean {
  return Boolean(env.AWS_ENDPOINT_URL_S3 || env.AWS_ENDPOINT_URL);
}
