/**
 * Custom domains (../docs 58-custom-domains.md), shared by every component with a `domain` arg (the APIs,
 * Email, Router, ...): `normalizeDomain` checks and fills the arg, `createCertificate` gives the ACM
 * certificate, validated through the domain's DNS adapter unless the user brought a `cert`.
 *
 * @example
 * // inside a component's constructor
 * const domain = normalizeDomain(this, args.domain);
 * const cert = domain && createCertificate(this, `${name}Domain`, domain);
 * // cert.certificateArn for the API's domain name; domain.dns.createAlias(...) for its records
 */
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { applyTransform, isComponent, isDnsAdapter, SSTError, type Component, type DnsAdapter, type Transform } from "@sst/core";
import { dns as awsDns } from "../dns.js";

/** The object form of a `domain` arg. */
export interface DomainArgs {
  /**
   * The domain, e.g. `"api.example.com"`.
   */
  name: pulumi.Input<string>;
  /**
   * Other domains served as they are (the certificate covers them).
   * @example `aliases: ["*.example.com"]`
   */
  aliases?: pulumi.Input<pulumi.Input<string>[]>;
  /**
   * Domains redirected to `name` (the certificate covers them).
   * @example `redirects: ["www.example.com"]`
   */
  redirects?: pulumi.Input<pulumi.Input<string>[]>;
  /**
   * The ARN of an ACM certificate that already covers the domain. Required with `dns: false`; with a
   * DNS adapter it skips creating and validating one.
   */
  cert?: pulumi.Input<string>;
  /**
   * Where the domain's DNS records are created: `sst.aws.dns()`, `sst.cloudflare.dns()`, `sst.vercel.dns()`,
   * or `false` to create none (then `cert` is required and the records are yours to add).
   * @default `sst.aws.dns()`
   */
  dns?: false | DnsAdapter;
}

/**
 * A `domain` arg: the domain name, or the object. An Output is taken as the domain name; for the other
 * fields pass the object (its fields may be Outputs, except `dns`).
 */
export type DomainInput = pulumi.Input<string> | DomainArgs;

/** A `domain` arg checked and filled with its defaults. */
export interface NormalizedDomain {
  name: pulumi.Output<string>;
  aliases: pulumi.Output<string[]>;
  redirects: pulumi.Output<string[]>;
  cert?: pulumi.Output<string>;
  /** The DNS adapter, or `false` for none (then `cert` is set). */
  dns: DnsAdapter | false;
}

/** What `createCertificate` gives a component. */
export interface CertifiedDomain {
  name: pulumi.Output<string>;
  aliases: pulumi.Output<string[]>;
  /** The ARN of the validated certificate (the user's `cert`, or the one created). */
  certificateArn: pulumi.Output<string>;
}

export interface CertificateOptions {
  /** The provider of the certificate, e.g. one in `us-east-1` for CloudFront. @default the parent's */
  provider?: pulumi.ProviderResource;
  /** Transform the ACM certificate (the component's `transform.certificate`, if it has one). */
  transform?: Transform<aws.acm.CertificateArgs>;
}

/** `sst.aws.ApiGatewayV2 "MyApi"` for messages. */
function describe(component: Component | string): string {
  if (!isComponent(component)) return `"${component}"`;
  const type = (component as unknown as { __pulumiType?: string }).__pulumiType ?? "";
  return `${type.replaceAll(":", ".")} "${component.componentName}"`.trim();
}

function domainError(component: Component | string, code: string, message: string, hint: string): SSTError {
  return new SSTError({ code, message: `${describe(component)}: ${message}`, hint });
}

const asList = (value: pulumi.Input<pulumi.Input<string>[]> | undefined) => pulumi.output(value ?? []) as pulumi.Output<string[]>;

/**
 * Checks a component's `domain` arg and fills its defaults (`dns` → `sst.aws.dns()`, no aliases or
 * redirects). `undefined` when the component has no domain. Throws `E_DOMAIN_*` naming the component and
 * the field: a missing `name`, `dns: false` without `cert`, a `dns` that is not an adapter.
 */
export function normalizeDomain(component: Component | string, domain: DomainInput | undefined): NormalizedDomain | undefined {
  if (domain === undefined || domain === null) return undefined;
  if (typeof domain === "string" || pulumi.Output.isInstance(domain) || domain instanceof Promise) {
    const name = (pulumi.output(domain as pulumi.Input<unknown>) as pulumi.Output<unknown>).apply((value) => {
      if (typeof value === "string" && value) return value;
      throw domainError(component, "E_DOMAIN_NAME", `\`domain\` resolved to ${JSON.stringify(value)}, not a domain name.`, 'Pass domain: "example.com" or domain: { name, ... }.');
    });
    return { name, aliases: asList(undefined), redirects: asList(undefined), dns: awsDns() };
  }
  if (typeof domain !== "object") {
    throw domainError(component, "E_DOMAIN_NAME", `\`domain\` must be a domain name or { name, ... }, got ${typeof domain}.`, 'domain: "example.com"');
  }
  if (domain.name === undefined || domain.name === "") {
    throw domainError(component, "E_DOMAIN_NAME", "`domain.name` is missing.", 'domain: { name: "example.com" }');
  }
  if (domain.dns === false && domain.cert === undefined) {
    throw domainError(
      component,
      "E_DOMAIN_CERT",
      "`domain.dns` is false but `domain.cert` is not set: without DNS records the certificate cannot be validated.",
      "Validate an ACM certificate yourself and pass its ARN as domain.cert, or drop dns: false.",
    );
  }
  if (domain.dns !== undefined && domain.dns !== false && !isDnsAdapter(domain.dns)) {
    const hint = typeof domain.dns === "function" ? "Call it: dns: sst.aws.dns()." : "Pass sst.aws.dns(), sst.cloudflare.dns(), sst.vercel.dns(), or false.";
    throw domainError(component, "E_DOMAIN_DNS", "`domain.dns` is not a DNS adapter.", hint);
  }
  return {
    name: pulumi.output(domain.name),
    aliases: asList(domain.aliases),
    redirects: asList(domain.redirects),
    cert: domain.cert === undefined ? undefined : pulumi.output(domain.cert),
    dns: domain.dns ?? awsDns(),
  };
}

/**
 * The certificate of a normalised domain. With `cert`, that certificate; otherwise an ACM certificate for
 * `name` (aliases and redirects as alternative names), validated by DNS: the adapter's `createCaa` runs
 * first, then one `createRecord` per distinct validation record, and `aws.acm.CertificateValidation` waits
 * for the certificate to be issued. Children are named `<name>Certificate`, `<name>CertificateValidation` and
 * the adapter's `<name><type>Record...`, under `parent`; `name` must start with the parent's name.
 */
export function createCertificate(parent: Component, name: string, domain: NormalizedDomain, opts: CertificateOptions = {}): CertifiedDomain {
  const result = (certificateArn: pulumi.Output<string>): CertifiedDomain => ({ name: domain.name, aliases: domain.aliases, certificateArn });
  if (domain.cert) return result(domain.cert);
  const adapter = domain.dns;
  if (adapter === false) throw domainError(parent, "E_DOMAIN_CERT", "`domain.cert` is required with `dns: false`.", "Pass domain.cert.");
  const parentOpts = { parent };
  const caa = adapter.createCaa?.(name, domain.name, parentOpts) ?? [];
  const resourceOpts: pulumi.CustomResourceOptions = { parent, provider: opts.provider };
  const [args, certOpts] = applyTransform(
    opts.transform,
    `${name}Certificate`,
    {
      domainName: domain.name,
      // Left out when there are none: ACM reports the domain itself as an alternative name.
      subjectAlternativeNames: pulumi.all([domain.aliases, domain.redirects]).apply(([a, r]) => (a.length || r.length ? [...new Set([...a, ...r])] : undefined)),
      validationMethod: "DNS",
    } as aws.acm.CertificateArgs,
    { ...resourceOpts, dependsOn: caa },
  );
  const certificate = new aws.acm.Certificate(`${name}Certificate`, args, certOpts);
  const records = certificate.domainValidationOptions.apply((options) => {
    // The apex and its wildcard share one validation record.
    const distinct = new Map((options ?? []).map((o) => [o.resourceRecordName, o]));
    return [...distinct.values()].map((o) =>
      adapter.createRecord(name, { name: o.resourceRecordName, type: o.resourceRecordType, value: o.resourceRecordValue }, parentOpts),
    );
  });
  const validation = new aws.acm.CertificateValidation(
    `${name}CertificateValidation`,
    { certificateArn: certificate.arn },
    { ...resourceOpts, dependsOn: records },
  );
  return result(validation.certificateArn);
}
