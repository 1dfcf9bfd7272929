/**
 * Custom domains of API Gateway v2 APIs (HTTP and WebSocket, ../docs 58-custom-domains.md): the ACM
 * certificate validated through the DNS adapter, the regional API Gateway domain name, the alias record to
 * it, and the API mapping (with its base path).
 *
 * The certificate and records go through core's `DnsAdapter`, so any plugin's `dns()` works
 * (`sst.aws.dns()`, `sst.cloudflare.dns()`, `sst.vercel.dns()`); with no `dns` the app's `sst.aws.dns` is used.
 */
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { isDnsAdapter, SSTError, useProgram, type DnsAdapter } from "@sst/core";
import type { ChildFactory } from "./child-factory.js";

/** The `domain` object of an API. */
export interface ApiDomainArgs {
  /**
   * The custom domain you want to use.
   * @example `name: "api.example.com"`, or per stage: `` name: `${$app.stage}.example.com` ``
   */
  name?: pulumi.Input<string>;
  /**
   * Use an existing API Gateway domain name, by its ID, instead of creating one. Do not pass `name` with it.
   * @example `nameId: "example.com"`
   */
  nameId?: pulumi.Input<string>;
  /**
   * The base path mapping: `{ name: "api.example.com", path: "v1" }` serves the API at
   * `https://api.example.com/v1/`.
   * @default No base path.
   */
  path?: pulumi.Input<string>;
  /**
   * The DNS adapter that creates the certificate's validation records and the alias to the API; `false` to
   * create no records (then pass `cert` and add the records yourself).
   * @default `sst.aws.dns()`
   * @example `dns: sst.cloudflare.dns()`
   */
  dns?: false | DnsAdapter;
  /**
   * The ARN of an ACM certificate that proves ownership of the domain, in the API's region.
   * @default A certificate is created and validated through `dns`.
   */
  cert?: pulumi.Input<string>;
}

/**
 * A custom domain: a name (a string or an Output of one), or the object form. The object itself is a plain
 * value (its fields may be Outputs), so the resources it needs are known when the component is created.
 */
export type ApiDomainInput = pulumi.Input<string> | ApiDomainArgs;

export interface ApiDomain {
  /** The API Gateway domain name (created, or referenced through `nameId`). */
  domainName: aws.apigatewayv2.DomainName;
  /** The API mapping from the domain (and base path) to the API's stage. */
  mapping: aws.apigatewayv2.ApiMapping;
  /** `<scheme>://<domain>` or `<scheme>://<domain>/<path>/` (API Gateway needs the trailing slash after a base path). */
  url: pulumi.Output<string>;
}

/**
 * Creates the custom domain of an API (certificate, domain name, DNS alias, mapping to `api.stage`).
 * Arg errors are `SSTError`s naming the component.
 */
export function createApiDomain(
  factory: ChildFactory,
  input: ApiDomainInput,
  api: { id: pulumi.Input<string>; stage: pulumi.Input<string>; scheme: "https" | "wss" },
): ApiDomain {
  const domain = normalizeDomain(factory.name, input);
  let domainName: aws.apigatewayv2.DomainName;
  if (domain.nameId !== undefined) {
    domainName = factory.reference("domainName", aws.apigatewayv2.DomainName, "DomainName", domain.nameId);
  } else {
    const certificateArn = domain.cert ?? createCertificate(factory, domain.name!, domain.dns!);
    domainName = factory.create("domainName", aws.apigatewayv2.DomainName, "DomainName", {
      domainName: domain.name!,
      domainNameConfiguration: { certificateArn, endpointType: "REGIONAL", securityPolicy: "TLS_1_2" },
    });
    domain.dns?.createAlias(
      factory.name,
      {
        name: domain.name!,
        aliasName: domainName.domainNameConfiguration.targetDomainName,
        aliasZone: domainName.domainNameConfiguration.hostedZoneId,
      },
      { parent: factory.parent },
    );
  }
  const path = domain.path === undefined ? undefined : pulumi.output(domain.path).apply((p) => p.replace(/^\/+|\/+$/g, "") || undefined);
  const mapping = factory.create("domainMapping", aws.apigatewayv2.ApiMapping, "DomainMapping", {
    apiId: api.id,
    domainName: domainName.id,
    stage: api.stage,
    apiMappingKey: path,
  });
  const url = pulumi
    .all([domainName.domainName, path, mapping.id])
    .apply(([name, key]) => (key ? `${api.scheme}://${name}/${key}/` : `${api.scheme}://${name}`));
  return { domainName, mapping, url };
}

/** An ACM certificate for `name`, DNS-validated through `dns`; returns the validated certificate's ARN. */
function createCertificate(factory: ChildFactory, name: pulumi.Input<string>, dns: DnsAdapter): pulumi.Output<string> {
  const parent = { parent: factory.parent };
  const caa = dns.createCaa?.(factory.name, name, parent) ?? [];
  const certificate = factory.create(
    "certificate",
    aws.acm.Certificate,
    "Ssl",
    { domainName: name, validationMethod: "DNS" },
    { dependsOn: caa },
  );
  const records = certificate.domainValidationOptions.apply((options) =>
    // One record per distinct name: ACM gives the same record for a name and its wildcard.
    [...new Map((options ?? []).map((o) => [o.resourceRecordName, o])).values()].map((o) => ({
      fqdn: o.resourceRecordName!,
      resource: dns.createRecord(factory.name, { name: o.resourceRecordName!, type: o.resourceRecordType!, value: o.resourceRecordValue! }, parent),
    })),
  );
  const validation = factory.create(
    "certificateValidation",
    aws.acm.CertificateValidation,
    "SslValidation",
    { certificateArn: certificate.arn, validationRecordFqdns: records.apply((r) => r.map((x) => x.fqdn)) },
    { dependsOn: records.apply((r) => r.map((x) => x.resource)) },
  );
  return validation.certificateArn;
}

interface NormalizedDomain extends Omit<ApiDomainArgs, "dns"> {
  dns?: DnsAdapter;
}

function normalizeDomain(component: string, input: ApiDomainInput): NormalizedDomain {
  const fail = (message: string, hint: string) => new SSTError({ code: "E_API_DOMAIN", message: `${component}: ${message}`, hint });
  const domain: ApiDomainArgs =
    typeof input === "string" || pulumi.Output.isInstance(input) || input instanceof Promise ? { name: input as pulumi.Input<string> } : input;
  if (!domain || typeof domain !== "object") {
    throw fail(`"domain" must be a domain name or an object with "name", got ${JSON.stringify(domain)}.`, `Pass domain: "api.example.com".`);
  }
  if (domain.name !== undefined && domain.nameId !== undefined) {
    throw fail(`"domain" has both "name" and "nameId".`, `Pass "name" to create a domain name, or "nameId" to use an existing one.`);
  }
  if (domain.name === undefined && domain.nameId === undefined) throw fail(`"domain" needs "name" (or "nameId").`, `Pass domain: { name: "api.example.com" }.`);
  if (domain.dns === false && domain.cert === undefined && domain.nameId === undefined) {
    throw fail(`"domain.dns" is false but no "cert" is given.`, `With dns: false, pass the ARN of a validated ACM certificate as "cert" and add the DNS records yourself.`);
  }
  if (domain.dns !== undefined && domain.dns !== false && !isDnsAdapter(domain.dns)) {
    throw fail(`"domain.dns" must be a DNS adapter or false.`, `Pass e.g. dns: sst.aws.dns() or dns: sst.cloudflare.dns().`);
  }
  const dns = domain.dns === false ? undefined : (domain.dns ?? (domain.nameId === undefined ? defaultDns(component) : undefined));
  return { ...domain, dns };
}

/** `sst.aws.dns()`: the Route 53 adapter the app's aws plugin registers. */
function defaultDns(component: string): DnsAdapter {
  const factory = useProgram(`${component} domain`).registry.components.get("aws.dns") as (() => DnsAdapter) | undefined;
  if (!factory) {
    throw new SSTError({
      code: "E_API_DOMAIN",
      message: `${component}: "domain" has no "dns" and this build of @sst/aws has no sst.aws.dns adapter to default to.`,
      hint: `Pass domain.dns (a DNS adapter), or dns: false with a "cert".`,
    });
  }
  return factory();
}
