/**
 * `sst.vercel.dns({ domain, teamId?, transform? })`: the DNS adapter for domains managed by Vercel, passed as
 * `domain.dns` of any component with a custom domain (an AWS Router or API, a Cloudflare Worker). Records
 * are created in the Vercel domain `domain`, named relative to it, TTL 60; an alias at the apex is an
 * `ALIAS` record (Vercel flattens it), elsewhere a `CNAME`. The token comes from `VERCEL_API_TOKEN`.
 *
 * @example
 * new sst.aws.Router("MyRouter", { domain: { name: "example.com", dns: sst.vercel.dns({ domain: "example.com" }) } });
 */
import * as vercel from "@pulumiverse/vercel";
import * as pulumi from "@pulumi/pulumi";
import { SSTError, applyTransform, logicalName, type DnsAdapter, type DnsAliasRecord, type DnsRecord, type Transform } from "@sst/core";

export interface DnsArgs {
  /**
   * The domain name in your Vercel account to create the records in.
   * @example `domain: "example.com"`
   */
  domain: pulumi.Input<string>;
  /**
   * The Vercel team the domain belongs to.
   * @default `VERCEL_TEAM_ID`, else the token's personal account
   */
  teamId?: pulumi.Input<string>;
  /** Change how the records are created. */
  transform?: {
    /** Every record the adapter creates. */
    record?: Transform<vercel.DnsRecordArgs>;
  };
}

export function dns(args: DnsArgs): DnsAdapter {
  if (!args || args.domain === undefined) {
    throw new SSTError({
      code: "E_VERCEL_DNS_DOMAIN",
      message: "sst.vercel.dns needs the `domain` the records go in.",
      hint: 'sst.vercel.dns({ domain: "example.com" })',
    });
  }
  const teamId = args.teamId ?? process.env.VERCEL_TEAM_ID;

  function record(namespace: string, input: DnsRecord, opts: pulumi.ComponentResourceOptions) {
    const type = input.type;
    const resourceName = `${namespace}${typeof type === "string" ? type : ""}Record${typeof input.name === "string" ? logicalName(input.name) : ""}`;
    const props: vercel.DnsRecordArgs = {
      domain: args.domain,
      teamId,
      type,
      name: relativeName(input.name, args.domain),
      value: input.value,
      ttl: 60,
    };
    const [finalArgs, finalOpts] = applyTransform(args.transform?.record, resourceName, props, opts as pulumi.CustomResourceOptions);
    return new vercel.DnsRecord(resourceName, finalArgs, finalOpts);
  }

  return {
    provider: "vercel",
    createRecord: record,
    createAlias(namespace: string, input: DnsAliasRecord, opts: pulumi.ComponentResourceOptions) {
      const name = relativeName(input.name, args.domain);
      return record(namespace, { name: input.name, type: name.apply((n) => (n === "" ? "ALIAS" : "CNAME")), value: input.aliasName }, opts);
    },
  };
}

/**
 * `_abc.api.example.com.` in `example.com` → `_abc.api`; the apex → `""`. A name outside the domain is a user
 * error: Vercel would create it under the domain.
 */
export function relativeName(name: pulumi.Input<string>, domain: pulumi.Input<string>): pulumi.Output<string> {
  return pulumi.all([name, domain]).apply(([n, d]) => {
    const full = n.replace(/\.$/, "").toLowerCase();
    const zone = d.replace(/\.$/, "").toLowerCase();
    if (full === zone) return "";
    if (full.endsWith(`.${zone}`)) return full.slice(0, -zone.length - 1);
    throw new SSTError({
      code: "E_VERCEL_DNS_NAME",
      message: `sst.vercel.dns: the record "${n}" is not in the Vercel domain "${d}".`,
      hint: "Pass the domain that holds the name: sst.vercel.dns({ domain: \"<its apex>\" }).",
    });
  });
}
