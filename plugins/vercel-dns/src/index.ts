/**
 * `@sst/vercel-dns`: `sst.vercel.dns(...)`, DNS records in a Vercel-managed domain for any component's
 * `domain.dns`, on `@pulumiverse/vercel` (provider `vercel`; token from `VERCEL_API_TOKEN`).
 *
 * @example
 * import { vercelDns } from "@sst/vercel-dns";
 * export default $config({
 *   app: () => ({ name: "my-app", home: "aws", providers: { aws: true, vercel: true } }),
 *   plugins: [vercelDns()],
 *   run() { new sst.aws.Router("Web", { domain: { name: "example.com", dns: sst.vercel.dns({ domain: "example.com" }) } }) },
 * });
 */
import { definePlugin, type DefaultProviderSpec, type ProviderFactoryInput } from "@sst/core";
import { dns } from "./dns.js";

export { dns, relativeName, type DnsArgs } from "./dns.js";

const components = { vercel: { dns } };
type VercelComponents = typeof components;

/** The default `vercel` provider: the token goes to the provider as env, never in the state. */
export function vercelProvider({ config }: ProviderFactoryInput): DefaultProviderSpec {
  const { apiToken, ...args } = config;
  return { args, env: typeof apiToken === "string" ? { VERCEL_API_TOKEN: apiToken } : {} };
}

export function vercelDns() {
  return definePlugin({
    name: "vercel-dns",
    components,
    apply(kernel) {
      kernel.registry.providerPackage("vercel", "@pulumiverse/vercel");
      kernel.registry.provider("vercel", vercelProvider);
    },
  });
}

export default vercelDns;

declare module "@sst/core" {
  interface SSTNamespace extends VercelComponents {}
}
