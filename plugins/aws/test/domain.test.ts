/** The `domain` arg of components: normalised with its errors, and the certificate validated through the adapter. */
import * as pulumiAws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { describe, expect, it } from "vitest";
import { Component, type DnsAdapter, type DnsRecord } from "@sst/core";
import { synth } from "@sst/core/testing";
import { createCertificate, dns, normalizeDomain, type CertifiedDomain, type DomainInput } from "@sst/aws";
import { awsApp, sstError } from "./_helpers.js";

/** A component with a `domain` arg, as the APIs and Email have. */
class Site extends Component {
  static readonly __pulumiType = "sst:aws:Site";
  readonly certified?: CertifiedDomain;
  constructor(name: string, args: { domain?: DomainInput; provider?: pulumi.ProviderResource; transform?: any }) {
    super(Site.__pulumiType, name, {});
    const domain = normalizeDomain(this, args.domain);
    if (domain) this.certified = createCertificate(this, `${name}Domain`, domain, { provider: args.provider, transform: args.transform });
  }
}

/** A record of another DNS provider. */
class FakeResource extends pulumi.CustomResource {
  constructor(type: string, name: string, props: pulumi.Inputs, opts?: pulumi.CustomResourceOptions) {
    super(type, name, props, opts);
  }
}

/** A DNS adapter of another provider that records what it was asked for. */
function fakeAdapter(calls: string[]): DnsAdapter {
  return {
    provider: "fake",
    createRecord(namespace, record: DnsRecord, opts) {
      calls.push(`record ${namespace}`);
      return new FakeResource("fake:index:Record", `${namespace}Record${calls.length}`, { ...record }, opts);
    },
    createAlias: () => [],
    createCaa(namespace, name, opts) {
      calls.push(`caa ${namespace}`);
      return [new FakeResource("fake:index:Caa", `${namespace}Caa`, { name, value: '0 issue "amazon.com"' }, opts)];
    },
  };
}

/** ACM as the mocks see it: the apex and its wildcard share a validation record. */
const mocks = {
  newResource: (a: { type: string; name: string; inputs: Record<string, any> }) => {
    if (a.type !== "aws:acm/certificate:Certificate") return { id: `${a.name}-id`, state: { ...a.inputs, certificateArn: a.inputs.certificateArn } };
    const names: string[] = [a.inputs.domainName, ...(a.inputs.subjectAlternativeNames ?? [])];
    const option = (n: string) => ({ domainName: n, resourceRecordName: `_v.${n.replace("*.", "")}.`, resourceRecordType: "CNAME", resourceRecordValue: `_t.${n.replace("*.", "")}.acm-validations.aws.` });
    return { id: "cert", state: { ...a.inputs, arn: "arn:aws:acm:us-east-1:1:certificate/abc", domainValidationOptions: names.map(option) } };
  },
  call: (a: { token: string; inputs: Record<string, any> }) => (a.token === "aws:route53/getZone:getZone" ? { zoneId: "ZEX" } : a.inputs),
};

const arn = (site: Site | undefined) => new Promise<string>((resolve) => site!.certified!.certificateArn.apply(resolve));

describe("normalizeDomain", () => {
  it("takes a name, defaulting to the Route 53 adapter and no aliases", async () => {
    let seen: unknown;
    await synth({
      ...awsApp,
      run: async () => {
        const d = normalizeDomain("Api", "api.example.com")!;
        seen = [await new Promise((r) => d.name.apply(r)), await new Promise((r) => d.aliases.apply(r)), d.dns && d.dns.provider, d.cert];
      },
    });
    expect(seen).toEqual(["api.example.com", [], "aws", undefined]);
    expect(normalizeDomain("Api", undefined)).toBeUndefined();
  });

  it("refuses dns: false without cert, naming the component and the argument", async () => {
    const error = await sstError(() => synth({ ...awsApp, run: () => void new Site("Web", { domain: { name: "example.com", dns: false } }) }));
    expect(error.code).toBe("E_DOMAIN_CERT");
    expect(error.message).toBe('sst.aws.Site "Web": `domain.dns` is false but `domain.cert` is not set: without DNS records the certificate cannot be validated.');
    expect(error.hint).toContain("domain.cert");
  });

  it("refuses a domain object without a name, and a dns that is not an adapter", async () => {
    const noName = await sstError(() => synth({ ...awsApp, run: () => void new Site("Web", { domain: { aliases: ["a.example.com"] } as never }) }));
    expect([noName.code, noName.message]).toEqual(["E_DOMAIN_NAME", 'sst.aws.Site "Web": `domain.name` is missing.']);
    const uncalled = await sstError(() => synth({ ...awsApp, run: () => void new Site("Web", { domain: { name: "example.com", dns: dns as never } }) }));
    expect([uncalled.code, uncalled.hint]).toEqual(["E_DOMAIN_DNS", "Call it: dns: sst.aws.dns()."]);
  });
});

describe("createCertificate", () => {
  it("creates an ACM certificate for the name, aliases and redirects, validated by one record per distinct option", async () => {
    let site: Site | undefined;
    const graph = await synth({
      ...awsApp,
      mocks,
      run: () => void (site = new Site("Web", { domain: { name: "example.com", aliases: ["*.example.com"], redirects: ["www.example.com"] } })),
    });
    const cert = graph.get("WebDomainCertificate");
    expect(graph.parent(cert)!.name).toBe("Web");
    expect(cert.inputs).toMatchObject({ domainName: "example.com", subjectAlternativeNames: ["*.example.com", "www.example.com"], validationMethod: "DNS" });
    const records = graph.byType("aws:route53/record:Record");
    expect(records.map((r) => [r.inputs.name, r.inputs.type, r.inputs.records]).sort()).toEqual([
      ["_v.example.com.", "CNAME", ["_t.example.com.acm-validations.aws."]],
      ["_v.www.example.com.", "CNAME", ["_t.www.example.com.acm-validations.aws."]],
    ]);
    const validation = graph.get("WebDomainCertificateValidation");
    expect(validation.inputs.certificateArn).toBe("arn:aws:acm:us-east-1:1:certificate/abc");
    expect(validation.dependencies).toEqual(expect.arrayContaining(records.map((r) => r.urn)));
    expect(await arn(site)).toBe("arn:aws:acm:us-east-1:1:certificate/abc");
  });

  it("uses the adapter given, CAA records first, and the provider and transform it is given", async () => {
    const calls: string[] = [];
    const graph = await synth({
      ...awsApp,
      mocks,
      run() {
        const east = new pulumiAws.Provider("UsEast1", { region: "us-east-1" });
        new Site("Cdn", { domain: { name: "cdn.example.com", dns: fakeAdapter(calls) }, provider: east, transform: { keyAlgorithm: "EC_prime256v1" } });
      },
    });
    expect(calls).toEqual(["caa CdnDomain", "record CdnDomain"]);
    expect(graph.get("CdnDomainCertificate").inputs).not.toHaveProperty("subjectAlternativeNames");
    const cert = graph.get("CdnDomainCertificate");
    expect(cert.provider).toBe(graph.get("UsEast1").urn);
    expect(cert.inputs.keyAlgorithm).toBe("EC_prime256v1");
    expect(cert.dependencies).toContain(graph.get("CdnDomainCaa").urn);
    expect(graph.byType("fake:index:Record")[0]!.inputs).toMatchObject({ name: "_v.cdn.example.com.", type: "CNAME" });
    expect(graph.byType("aws:route53/record:Record")).toEqual([]);
  });

  it("uses the cert it is given, creating nothing, with dns: false", async () => {
    let site: Site | undefined;
    const graph = await synth({
      ...awsApp,
      run: () => void (site = new Site("Web", { domain: { name: "example.com", dns: false, cert: "arn:aws:acm:us-east-1:1:certificate/mine" } })),
    });
    expect(graph.resources.filter((r) => r.type.startsWith("aws:acm") || r.type.startsWith("aws:route53"))).toEqual([]);
    expect(await arn(site)).toBe("arn:aws:acm:us-east-1:1:certificate/mine");
  });
});
