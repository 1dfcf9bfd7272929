/**
 * Custom domains of API Gateway v2 APIs (HTTP and WebSocket, ../docs 58-custom-domains.md): the regional API
 * Gateway domain name (or an existing one by `nameId`), its certificate and DNS alias through the shared
 * domain helpers (`normalizeDomain`, `createCertificate`: any plugin's DNS adapter, `sst.aws.dns()` by
 * default), and the API mapping with its base path.
 */
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { SSTError } from "@sst/core";
import type { ChildFactory } from "./child-factory.js";
import { createCertificate, normalizeDomain, type DomainArgs } from "./domain.js";

/** The `domain` object of an API: the shared `name`, `dns` and `cert`, and the API-only `nameId` and `path`. */
export interface ApiDomainArgs extends Partial<Pick<DomainArgs, "name" | "dns" | "cert">> {
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
  const { nameId, path: rawPath, ...shared } = isObject(input) ? input : ({ name: input } as ApiDomainArgs);
  if (nameId !== undefined && shared.name !== undefined) {
    throw new SSTError({
      code: "E_DOMAIN_NAME",
      message: `${factory.name}: "domain" has both "name" and "nameId".`,
      hint: `Pass "name" to create a domain name, or "nameId" to use an existing one.`,
    });
  }
  let domainName: aws.apigatewayv2.DomainName;
  if (nameId !== undefined) {
    domainName = factory.reference("domainName", aws.apigatewayv2.DomainName, "DomainName", nameId);
  } else {
    const domain = normalizeDomain(factory.parent, shared as DomainArgs)!;
    const { certificateArn } = createCertificate(factory.parent, factory.name, domain);
    domainName = factory.create("domainName", aws.apigatewayv2.DomainName, "DomainName", {
      domainName: domain.name,
      domainNameConfiguration: { certificateArn, endpointType: "REGIONAL", securityPolicy: "TLS_1_2" },
    });
    if (domain.dns) {
      domain.dns.createAlias(
        factory.name,
        {
          name: domain.name,
          aliasName: domainName.domainNameConfiguration.targetDomainName,
          aliasZone: domainName.domainNameConfiguration.hostedZoneId,
        },
        { parent: factory.parent },
      );
    }
  }
  const path = rawPath === undefined ? undefined : pulumi.output(rawPath).apply((p) => p.replace(/^\/+|\/+$/g, "") || undefined);
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

/** The object form (not a name, an Output or a Promise of one). */
function isObject(input: ApiDomainInput): input is ApiDomainArgs {
  return typeof input === "object" && input !== null && !pulumi.Output.isInstance(input) && !(input instanceof Promise);
}
