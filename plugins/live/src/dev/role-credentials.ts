/**
 * The credentials a live function runs with on the developer's machine: its own role's, assumed through STS
 * with the developer's credentials (the role trusts the account under `sst dev`), so a local run has the same
 * permissions as the deployed function; the developer's own when the role cannot be assumed (said once per
 * function, with the reason).
 */
import { AssumeRoleCommand, STSClient } from "@aws-sdk/client-sts";
import type { AwsCredentialIdentity, AwsCredentialIdentityProvider } from "@smithy/types";

export type CredentialEnv = Record<string, string>;

/** Refresh this long before the assumed credentials expire. */
const MARGIN_MS = 5 * 60_000;

function asEnv(c: AwsCredentialIdentity): CredentialEnv {
  return {
    AWS_ACCESS_KEY_ID: c.accessKeyId,
    AWS_SECRET_ACCESS_KEY: c.secretAccessKey,
    ...(c.sessionToken ? { AWS_SESSION_TOKEN: c.sessionToken } : {}),
  };
}

/**
 * Returns a function giving a function's worker credentials from its role ARN (`SST_FUNCTION_ROLE_ARN` of its
 * init). Assumed credentials are cached per role until shortly before they expire.
 */
export function roleCredentials(options: {
  region: string;
  /** The developer's credentials. */
  credentials: AwsCredentialIdentityProvider;
  warn: (message: string) => void;
}): (fn: string, roleArn: string | undefined) => Promise<CredentialEnv> {
  const sts = new STSClient({ region: options.region, credentials: options.credentials });
  const cache = new Map<string, { env: CredentialEnv; expires: number }>();
  const warned = new Set<string>();
  return async (fn, roleArn) => {
    if (roleArn) {
      const hit = cache.get(roleArn);
      if (hit && hit.expires - MARGIN_MS > Date.now()) return hit.env;
      try {
        const { Credentials: c } = await sts.send(new AssumeRoleCommand({ RoleArn: roleArn, RoleSessionName: `sst-dev-${fn}`.slice(0, 64) }));
        if (c?.AccessKeyId && c.SecretAccessKey) {
          const env = asEnv({ accessKeyId: c.AccessKeyId, secretAccessKey: c.SecretAccessKey, sessionToken: c.SessionToken });
          cache.set(roleArn, { env, expires: c.Expiration?.getTime() ?? Date.now() + 15 * 60_000 });
          return env;
        }
      } catch (error) {
        if (!warned.has(fn)) {
          warned.add(fn);
          options.warn(`${fn} runs with your credentials: its role ${roleArn} could not be assumed (${error instanceof Error ? error.message : String(error)}).`);
        }
      }
    }
    return asEnv(await options.credentials());
  };
}
