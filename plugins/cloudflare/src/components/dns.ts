/**
 * `sst.cloudflare.dns(args?)`: the DNS adapter for domains hosted on Cloudflare, passed as `domain.dns` of any
 * component with a custom domain (an AWS Router or API, a Cloudflare Worker). Records go in the zone given,
 * else in the account's zone that holds the record name; TTL 60.
 *
 * @example
 * new sst.aws.Router("MyRouter", { domain: { name: "example.com", dns: sst.cloudflare.dns() } });
 * @example
 * sst.cloudflare.dns({ zone: "415e6f4653b6d95b775d350f32119abb", proxy: true })
 */
import * as cloudflare from "@pulumi/cloudflare";
import * as pulumi from "@pulumi/pulumi";
import { applyTransform, logicalName, type DnsAdapter, type DnsAliasRecord, type DnsRecord, type Transform } from "@sst/core";
import { accountId } from "./helpers/account.js";
import { zoneId } from "./helpers/zone.js";

export interface DnsArgs {
  /**
   * The ID of the Cloudflare zone to create the records in.
   * @default The zone of the account whose name the record name ends with (the longest one).
   * @example `zone: "415e6f4653b6d95b775d350f32119abb"`
   */
  zone?: pulumi.Input<string>;
  /**
   * Proxy alias records through Cloudflare (DDoS protection, CDN caching). Validation records are never proxied.
   * @default `false`
   */
  proxy?: pulumi.Input<boolean>;
  /** Change how the records are created. */
  transform?: {
    /** Every record the adapter creates. */
    record?: Transform<cloudflare.DnsRecordArgs>;
  };
}

/** The certificate authorities Amazon issues from: the CAA records that let ACM issue in a Cloudflare zone. */
export const AMAZON_CAS = ["amazon.com", "amazontrust.com", "awstrust.com", "amazonaws.com"];

export function dns(args: DnsArgs = {}): DnsAdapter {
  // Read now, inside run(): components call the adapter later too, from an Output's apply.
  const account = args.zone === undefined ? accountId("sst.cloudflare.dns()") : "";
  const zoneFor = (name: pulumi.Input<string>, opts: pulumi.ComponentResourceOptions) => zoneId(name, args.zone, account, { parent: opts.parent });

  function record(resourceName: string, props: cloudflare.DnsRecordArgs, opts: pulumi.ComponentResourceOptions) {
    const [finalArgs, finalOpts] = applyTransform(args.transform?.record, resourceName, props, opts as pulumi.CustomResourceOptions);
    return new cloudflare.DnsRecord(resourceName, finalArgs, finalOpts);
  }

  return {
    provider: "cloudflare",
    createRecord(namespace: string, input: DnsRecord, opts: pulumi.ComponentResourceOptions) {
      const name = fqdn(input.name);
      return record(`${namespace}${label(input.type)}Record${suffix(input.name)}`, {
        zoneId: zoneFor(name, opts),
        name,
        type: input.type,
        content: input.value,
        ttl: 60,
        proxied: false,
      }, opts);
    },
    createAlias(namespace: string, input: DnsAliasRecord, opts: pulumi.ComponentResourceOptions) {
      // Cloudflare flattens a CNAME at the apex, so one CNAME serves where Route 53 needs A and AAAA aliases.
      const name = fqdn(input.name);
      return record(`${namespace}CNAMERecord${suffix(input.name)}`, {
        zoneId: zoneFor(name, opts),
        name,
        type: "CNAME",
        content: fqdn(input.aliasName),
        ttl: pulumi.output(args.proxy ?? false).apply((proxied) => (proxied ? 1 : 60)),
        proxied: args.proxy ?? false,
      }, opts);
    },
    createCaa(namespace: string, recordName: pulumi.Input<string>, opts: pulumi.ComponentResourceOptions) {
      const name = fqdn(recordName);
      const zone = zoneFor(name, opts);
      return AMAZON_CAS.map((ca) =>
        record(`${namespace}CAARecord${logicalName(ca)}${suffix(recordName)}`, {
          zoneId: zone,
          name,
          type: "CAA",
          data: { flags: 0, tag: "issue", value: ca },
          ttl: 60,
        }, opts),
      );
    },
  };
}

/** The record name without the trailing dot ACM gives validation names. */
const fqdn = (name: pulumi.Input<string>) => pulumi.output(name).apply((n) => n.replace(/\.$/, ""));
/** The part of a resource name that tells records apart, when the record name is known now. */
const suffix = (name: pulumi.Input<string>) => (typeof name === "string" ? logicalName(name) : "");
const label = (type: pulumi.Input<string>) => (typeof type === "string" ? type : "");
