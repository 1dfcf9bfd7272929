/**
 * Where the cloudflare home keeps state and how it reaches it: R2's S3-compatible API of the account
 * (`https://<account>.r2.cloudflarestorage.com`), with S3 credentials derived from the API token as
 * Cloudflare documents (access key = the token's ID, secret = SHA-256 of the token) or given directly.
 */
import { SSTError, type ResolvedApp } from "@sst/core";

export interface CloudflareHomeConfig {
  accountId: string;
  /** The R2 S3 endpoint; `CLOUDFLARE_R2_ENDPOINT` overrides it (a local S3 such as moto, or a jurisdiction). */
  endpoint: string;
  /** The state bucket. @default `"sst-state"` (SST's) */
  bucket: string;
  /** `CLOUDFLARE_API_TOKEN`, to derive R2 credentials from; undefined when R2 keys are given. */
  apiToken?: string;
  /** `CLOUDFLARE_R2_ACCESS_KEY_ID` and `CLOUDFLARE_R2_SECRET_ACCESS_KEY`, when set. */
  r2Keys?: { accessKeyId: string; secretAccessKey: string };
  /** The Cloudflare API, for the token's ID. `CLOUDFLARE_BASE_URL` overrides it. */
  apiBase: string;
}

export const STATE_BUCKET = "sst-state";

const missing = (variable: string, hint: string) =>
  new SSTError({ code: "E_CLOUDFLARE_CREDENTIALS", message: `The cloudflare home needs ${variable}, which is not set.`, hint });

/** The home's settings from the environment (and `providers.cloudflare.accountId`); a missing one fails in one line. */
export function cloudflareHomeConfig(app: Pick<ResolvedApp, "providers">, env: NodeJS.ProcessEnv = process.env): CloudflareHomeConfig {
  const configured = app.providers.cloudflare?.accountId;
  const accountId = (typeof configured === "string" && configured) || env.CLOUDFLARE_DEFAULT_ACCOUNT_ID;
  if (!accountId) {
    throw missing("CLOUDFLARE_DEFAULT_ACCOUNT_ID", "Set it to your account ID (Cloudflare dashboard → Workers & Pages, right column), in .env or your shell.");
  }
  const r2Keys =
    env.CLOUDFLARE_R2_ACCESS_KEY_ID && env.CLOUDFLARE_R2_SECRET_ACCESS_KEY
      ? { accessKeyId: env.CLOUDFLARE_R2_ACCESS_KEY_ID, secretAccessKey: env.CLOUDFLARE_R2_SECRET_ACCESS_KEY }
      : undefined;
  const apiToken = env.CLOUDFLARE_API_TOKEN || undefined;
  if (!r2Keys && !apiToken) {
    throw missing("CLOUDFLARE_API_TOKEN", "Create an API token with R2 and Workers edit permissions and set CLOUDFLARE_API_TOKEN, in .env or your shell.");
  }
  return {
    accountId,
    endpoint: env.CLOUDFLARE_R2_ENDPOINT || `https://${accountId}.r2.cloudflarestorage.com`,
    bucket: STATE_BUCKET,
    apiToken,
    r2Keys,
    apiBase: env.CLOUDFLARE_BASE_URL || "https://api.cloudflare.com/client/v4",
  };
}
