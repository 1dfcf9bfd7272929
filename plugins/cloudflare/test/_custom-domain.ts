/**
 * An AWS component with a custom domain, as Router or ApiGatewayV2 use a DNS adapter: an ACM certificate
 * validated by DNS (the adapter creates the validation records from the certificate's validation options),
 * the CAA records when the adapter needs them, and an alias to the component's AWS endpoint. Shared by the
 * DNS adapter tests of @sst/cloudflare and @sst/vercel-dns.
 */
import * as aws from "@pulumi/aws";
import type * as pulumi from "@pulumi/pulumi";
import { Component, type DnsAdapter } from "@sst/core";

export const TARGET = { aliasName: "d111111abcdef8.cloudfront.net", aliasZone: "Z2FDTNDATAQYW2" };

export class CustomDomain extends Component {
  static readonly __pulumiType = "sst:test:CustomDomain";
  constructor(name: string, args: { domain: string; dns: DnsAdapter }, opts?: pulumi.ComponentResourceOptions) {
    super(CustomDomain.__pulumiType, name, {}, opts);
    const certificate = this.create("certificate", aws.acm.Certificate, "Certificate", { domainName: args.domain, validationMethod: "DNS" });
    args.dns.createCaa?.(name, args.domain, { parent: this });
    certificate.domainValidationOptions.apply((options) =>
      options.map((o) => args.dns.createRecord(name, { name: o.resourceRecordName!, type: o.resourceRecordType!, value: o.resourceRecordValue! }, { parent: this })),
    );
    args.dns.createAlias(name, { name: args.domain, ...TARGET }, { parent: this });
  }
}

/** Mocks that give an ACM certificate its DNS validation option, as ACM does. */
export function certificateMocks(base: Partial<pulumi.runtime.Mocks> = {}): Partial<pulumi.runtime.Mocks> {
  return {
    ...base,
    newResource: (a) => {
      if (a.type !== "aws:acm/certificate:Certificate") return base.newResource ? base.newResource(a) : { id: `${a.name}-id`, state: a.inputs };
      const domain = a.inputs.domainName as string;
      const option = { domainName: domain, resourceRecordName: `_a1b2c3.${domain}.`, resourceRecordType: "CNAME", resourceRecordValue: "_x9y8.acm-validations.aws." };
      return { id: `${a.name}-id`, state: { ...a.inputs, domainValidationOptions: [option] } };
    },
  };
}
