/**
 * R2 S3 credentials from a Cloudflare API token: the access key ID is the token's ID (from
 * `GET /user/tokens/verify`), the secret access key the SHA-256 (hex) of the token's value.
 */
import { createHash } from "node:crypto";
import { SSTError } from "@sst/core";
import type { CloudflareHomeConfig } from "./config.js";

export interface R2Credentials {
  accessKeyId: string;
  secretAccessKey: string;
}

export async function r2Credentials(config: CloudflareHomeConfig, fetcher: typeof fetch = fetch): Promise<R2Credentials> {
  if (config.r2Keys) return config.r2Keys;
  const token = config.apiToken!;
  const response = await fetcher(`${config.apiBase}/user/tokens/verify`, { headers: { authorization: `Bearer ${token}` } }).catch(
    (cause: unknown) => {
      throw new SSTError({
        code: "E_CLOUDFLARE_CREDENTIALS",
        message: `The Cloudflare API could not be reached to check CLOUDFLARE_API_TOKEN: ${(cause as Error).message}.`,
        hint: "Check your network, or set CLOUDFLARE_R2_ACCESS_KEY_ID and CLOUDFLARE_R2_SECRET_ACCESS_KEY.",
      });
    },
  );
  const body = (await response.json().catch(() => ({}))) as { success?: boolean; result?: { id?: string; status?: string } };
  if (!response.ok || !body.success || !body.result?.id || (body.result.status && body.result.status !== "active")) {
    throw new SSTError({
      code: "E_CLOUDFLARE_CREDENTIALS",
      message: `CLOUDFLARE_API_TOKEN is not a valid, active Cloudflare API token (HTTP ${response.status}).`,
      hint: "Create a token in the Cloudflare dashboard (My Profile → API Tokens) and set CLOUDFLARE_API_TOKEN.",
    });
  }
  return { accessKeyId: body.result.id, secretAccessKey: createHash("sha256").update(token).digest("hex") };
}
