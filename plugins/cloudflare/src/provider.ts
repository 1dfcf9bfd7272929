/**
 * The Cloudflare provider rules: the default provider built from `providers.cloudflare`, the physical-name
 * rule of every resource type the components create, and the types kept under `removal: "retain"`.
 */
import type { DefaultProviderSpec, NamingRule, ProviderFactoryInput } from "@sst/core";

/** Provider settings that are credentials: passed to the provider process as env, never stored in state. */
const CREDENTIALS: Record<string, string> = {
  apiToken: "CLOUDFLARE_API_TOKEN",
  apiKey: "CLOUDFLARE_API_KEY",
  apiUserServiceKey: "CLOUDFLARE_API_USER_SERVICE_KEY",
  email: "CLOUDFLARE_EMAIL",
};

/**
 * The default `cloudflare` provider. Credentials come from the environment (`CLOUDFLARE_API_TOKEN`, read by
 * the provider itself) or from `providers.cloudflare`, and then go to the provider as env, out of the state.
 * `accountId` is SST's setting (the account components create in), not the provider's.
 */
export function cloudflareProvider({ config }: ProviderFactoryInput): DefaultProviderSpec {
  const args: Record<string, unknown> = {};
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(config)) {
    if (key === "accountId") {
      if (typeof value === "string") env.CLOUDFLARE_DEFAULT_ACCOUNT_ID = value;
    } else if (key in CREDENTIALS) {
      if (typeof value === "string") env[CREDENTIALS[key]!] = value;
    } else {
      args[key] = value;
    }
  }
  return { args, env };
}

/** Physical names: `<app>-<stage>-<name>-<random>`, lower case where Cloudflare requires it. */
export const NAMING: Record<string, NamingRule> = {
  "cloudflare:index/workersScript:WorkersScript": { field: "scriptName", max: 63, lower: true },
  "cloudflare:index/r2Bucket:R2Bucket": { field: "name", max: 63, lower: true },
  "cloudflare:index/workersKvNamespace:WorkersKvNamespace": { field: "title", max: 512 },
  "cloudflare:index/d1Database:D1Database": { field: "name", max: 64, lower: true },
  "cloudflare:index/queue:Queue": { field: "queueName", max: 63, lower: true },
};

/** Stateful types: kept when removed under `removal: "retain"`. */
export const RETAINED = [
  "cloudflare:index/r2Bucket:R2Bucket",
  "cloudflare:index/workersKvNamespace:WorkersKvNamespace",
  "cloudflare:index/d1Database:D1Database",
  "cloudflare:index/queue:Queue",
];
