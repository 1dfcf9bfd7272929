/**
 * The DNS adapter contract: how a component with a custom domain (`domain: { name, dns }`) creates the
 * records it needs in whatever DNS the user names — `sst.aws.dns()` (Route 53), `sst.cloudflare.dns()`,
 * `sst.vercel.dns()`. It lives in core so that a component of one plugin can use the adapter of another
 * (an `sst.aws.ApiGatewayV2` domain on Cloudflare DNS) without either plugin depending on the other.
 */
import type * as pulumi from "@pulumi/pulumi";

/** A plain DNS record (a certificate's validation CNAME, a DKIM or DMARC record, ...). */
export interface DnsRecord {
  /** The fully qualified record name, e.g. `_abc.api.example.com`. */
  name: pulumi.Input<string>;
  /** `CNAME`, `TXT`, `MX`, `A`, `AAAA`, `CAA`, ... */
  type: pulumi.Input<string>;
  /** The record's value. */
  value: pulumi.Input<string>;
}

/** An alias (apex-capable) record pointing a name at an AWS target such as a CloudFront distribution or an API domain. */
export interface DnsAliasRecord {
  /** The fully qualified name, e.g. `api.example.com`. */
  name: pulumi.Input<string>;
  /** The target's DNS name, e.g. `d-abc.execute-api.us-east-1.amazonaws.com`. */
  aliasName: pulumi.Input<string>;
  /** The target's Route 53 hosted zone ID. */
  aliasZone: pulumi.Input<string>;
}

/**
 * A DNS adapter, as `sst.<provider>.dns(args)` returns it. Components call its methods with the namespace of
 * the resources they create (the component's name) and their own resource options (so records are children
 * of the component).
 */
export interface DnsAdapter {
  /** Which DNS it manages: `aws`, `cloudflare`, `vercel`, or a third-party plugin's name. */
  provider: string;
  /** Creates a record. */
  createRecord(namespace: string, record: DnsRecord, opts: pulumi.ComponentResourceOptions): pulumi.Resource;
  /** Creates an alias record (AAAA and A for Route 53; a proxied CNAME where the DNS has no alias). */
  createAlias(namespace: string, record: DnsAliasRecord, opts: pulumi.ComponentResourceOptions): pulumi.Resource | pulumi.Resource[];
  /**
   * Creates the CAA records that let Amazon issue certificates for `recordName`, when the DNS needs them;
   * returns nothing when it does not (Route 53 zones accept any CA without records).
   */
  createCaa?(namespace: string, recordName: pulumi.Input<string>, opts: pulumi.ComponentResourceOptions): pulumi.Resource[] | undefined;
}

/** True for a DNS adapter (what `sst.<provider>.dns()` returns). */
export function isDnsAdapter(value: unknown): value is DnsAdapter {
  return (
    typeof value === "object" &&
    value !== null &&
    typeof (value as DnsAdapter).provider === "string" &&
    typeof (value as DnsAdapter).createRecord === "function" &&
    typeof (value as DnsAdapter).createAlias === "function"
  );
}
