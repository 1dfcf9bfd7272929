/**
 * The credentials of the aws home: the AWS SDK's default chain (env, SSO, profiles, container and instance
 * roles), the configured profile for this command only, then `assumeRole` on top. They are checked once
 * (STS GetCallerIdentity) before anything is written, so missing or expired ones stop the command with one
 * line saying what was looked at and what to run.
 */
import { GetCallerIdentityCommand, STSClient } from "@aws-sdk/client-sts";
import { fromNodeProviderChain, fromTemporaryCredentials } from "@aws-sdk/credential-providers";
import { SSTError } from "@sst/core";
import type { AwsHomeConfig } from "./config.js";

/** A credentials provider of the SDK. */
export type AwsCredentialIdentityProvider = ReturnType<typeof fromNodeProviderChain>;

export function credentialsFor(config: AwsHomeConfig): AwsCredentialIdentityProvider {
  const base = fromNodeProviderChain(config.profile ? { profile: config.profile } : {});
  if (!config.assumeRole) return base;
  const role = config.assumeRole;
  return fromTemporaryCredentials({
    masterCredentials: base,
    clientConfig: { region: config.region },
    params: {
      RoleArn: role.roleArn,
      RoleSessionName: role.sessionName ?? "sst",
      ExternalId: role.externalId,
      DurationSeconds: role.durationSeconds,
    },
  });
}

/** What a user runs to get credentials for this config. */
function fix(config: AwsHomeConfig): string {
  return config.profile ? `aws sso login --profile ${config.profile}` : "aws configure (or aws sso login --profile <name>)";
}

/** The one-line error for credentials that are missing, expired or refused. */
export function credentialsError(config: AwsHomeConfig, cause: unknown): SSTError {
  const where = config.profile ? `profile "${config.profile}"` : "the default credential chain (AWS_* env, ~/.aws/credentials, SSO, instance role)";
  const reason = cause instanceof Error ? cause.message.split("\n")[0] : String(cause);
  return new SSTError(
    {
      code: "E_AWS_CREDENTIALS",
      message: `No valid AWS credentials from ${where} in region ${config.region}: ${reason}`,
      hint: `Run: ${fix(config)}`,
    },
    { cause },
  );
}

/** The account of the credentials; throws `E_AWS_CREDENTIALS` when there are none or AWS refuses them. */
export async function checkCredentials(config: AwsHomeConfig, credentials: AwsCredentialIdentityProvider): Promise<string> {
  const sts = new STSClient({ region: config.region, credentials });
  try {
    const identity = await sts.send(new GetCallerIdentityCommand({}));
    return identity.Account ?? "unknown";
  } catch (error) {
    throw credentialsError(config, error);
  } finally {
    sts.destroy();
  }
}
