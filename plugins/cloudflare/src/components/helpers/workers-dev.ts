/**
 * The account's `workers.dev` subdomain (`<subdomain>.workers.dev`), which `@pulumi/cloudflare` 6.x has no
 * data source for: a dynamic resource that reads it from the Cloudflare API when the Worker's URL is first
 * needed, with the provider's credentials from the environment (`CLOUDFLARE_API_TOKEN`, or
 * `CLOUDFLARE_API_KEY` with `CLOUDFLARE_EMAIL`).
 */
import * as pulumi from "@pulumi/pulumi";

export interface WorkersDevInputs {
  accountId: pulumi.Input<string>;
}

// Self-contained functions only: Pulumi serialises the provider into the state with what it captures.
const provider: pulumi.dynamic.ResourceProvider = {
  async create(inputs: { accountId: string }) {
    const env = process.env;
    const headers: Record<string, string> = env.CLOUDFLARE_API_TOKEN
      ? { authorization: `Bearer ${env.CLOUDFLARE_API_TOKEN}` }
      : { "x-auth-key": env.CLOUDFLARE_API_KEY ?? "", "x-auth-email": env.CLOUDFLARE_EMAIL ?? "" };
    const base = env.CLOUDFLARE_BASE_URL ?? "https://api.cloudflare.com/client/v4";
    const response = await fetch(`${base}/accounts/${inputs.accountId}/workers/subdomain`, { headers });
    const body = (await response.json().catch(() => ({}))) as { result?: { subdomain?: string }; errors?: { message: string }[] };
    if (!response.ok || !body.result?.subdomain) {
      const why = body.errors?.map((e) => e.message).join("; ") || `HTTP ${response.status}`;
      throw new Error(`Reading the workers.dev subdomain of account ${inputs.accountId} failed: ${why}. Enable workers.dev in the Cloudflare dashboard (Workers & Pages).`);
    }
    return { id: inputs.accountId, outs: { accountId: inputs.accountId, subdomain: body.result.subdomain } };
  },
  async diff(_id: string, olds: { accountId: string }, news: { accountId: string }) {
    return { changes: olds.accountId !== news.accountId, replaces: olds.accountId !== news.accountId ? ["accountId"] : [] };
  },
};

/** `subdomain`: the account's workers.dev subdomain, e.g. `my-team` for `my-team.workers.dev`. */
export class WorkersDevSubdomain extends pulumi.dynamic.Resource {
  declare readonly subdomain: pulumi.Output<string>;
  constructor(name: string, args: WorkersDevInputs, opts?: pulumi.CustomResourceOptions) {
    super(provider, name, { ...args, subdomain: undefined }, opts, "cloudflare", "WorkersDevSubdomain");
  }
}
