/**
 * The Cloudflare account components create their resources in. The Pulumi provider has no account setting,
 * so every resource takes `accountId`: `providers.cloudflare.accountId`, else `CLOUDFLARE_DEFAULT_ACCOUNT_ID`
 * (as SST reads it). An account ID is not a secret.
 */
import { SSTError } from "@sst/core";

/** `$app` as core installs it on `globalThis` for the duration of `run()`. */
interface AppGlobal {
  providers?: Record<string, Record<string, unknown> | undefined>;
}

/** The account of `component` (named in the error when there is none). */
export function accountId(component: string): string {
  const app = (globalThis as { $app?: AppGlobal }).$app;
  const configured = app?.providers?.cloudflare?.accountId;
  const account = typeof configured === "string" && configured ? configured : process.env.CLOUDFLARE_DEFAULT_ACCOUNT_ID;
  if (!account) {
    throw new SSTError({
      code: "E_CLOUDFLARE_ACCOUNT",
      message: `${component} needs a Cloudflare account ID: CLOUDFLARE_DEFAULT_ACCOUNT_ID is not set.`,
      hint: "Set CLOUDFLARE_DEFAULT_ACCOUNT_ID (in .env or your shell), or providers.cloudflare.accountId in sst.config.ts.",
    });
  }
  return account;
}
