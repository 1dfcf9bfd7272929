/** sst.cloudflare.dns as a component's domain.dns: validation, CAA and alias records in the right zone. */
import { describe, expect, it } from "vitest";
import { dns, AMAZON_CAS } from "@sst/cloudflare";
import { isDnsAdapter } from "@sst/core";
import { ACCOUNT, mocks, synthCloudflare } from "./_app.js";
import { CustomDomain, TARGET, certificateMocks } from "./_custom-domain.js";

const RECORD = "cloudflare:index/dnsRecord:DnsRecord";
const withCertificates = { mocks: certificateMocks(mocks) };

describe("sst.cloudflare.dns", () => {
  it("is a DNS adapter for the cloudflare provider, at sst.cloudflare.dns", async () => {
    let seen: unknown;
    await synthCloudflare(() => void (seen = (globalThis as any).sst.cloudflare.dns));
    expect(seen).toBe(dns);
    const adapter = dns({ zone: "zone-given" });
    expect(isDnsAdapter(adapter)).toBe(true);
    expect(adapter.provider).toBe("cloudflare");
  });

  it("creates an AWS component's certificate validation record (unproxied, TTL 60) in the zone that holds it", async () => {
    const graph = await synthCloudflare(() => void new CustomDomain("Web", { domain: "app.dev.example.com", dns: dns() }), withCertificates);
    const validation = graph.get("WebCNAMERecordA1b2c3appdevexamplecom", RECORD);
    expect(validation.inputs).toEqual({
      zoneId: "zone-dev",
      name: "_a1b2c3.app.dev.example.com",
      type: "CNAME",
      content: "_x9y8.acm-validations.aws.",
      ttl: 60,
      proxied: false,
    });
    expect(graph.parent(validation)!.name).toBe("Web");
  });

  it("creates the alias as a CNAME to the AWS endpoint (Cloudflare flattens it at the apex)", async () => {
    const graph = await synthCloudflare(() => void new CustomDomain("Web", { domain: "example.com", dns: dns() }), withCertificates);
    expect(graph.get("WebCNAMERecordExamplecom", RECORD).inputs).toEqual({
      zoneId: "zone-example",
      name: "example.com",
      type: "CNAME",
      content: TARGET.aliasName,
      ttl: 60,
      proxied: false,
    });
  });

  it("proxies the alias (TTL automatic) with proxy: true, never the validation record", async () => {
    const graph = await synthCloudflare(() => void new CustomDomain("Web", { domain: "example.com", dns: dns({ proxy: true }) }), withCertificates);
    expect(graph.get("WebCNAMERecordExamplecom").inputs).toMatchObject({ proxied: true, ttl: 1 });
    expect(graph.get("WebCNAMERecordA1b2c3examplecom").inputs).toMatchObject({ proxied: false, ttl: 60 });
  });

  it("creates the CAA records that let Amazon issue the certificate", async () => {
    const graph = await synthCloudflare(() => void new CustomDomain("Web", { domain: "example.com", dns: dns() }), withCertificates);
    const caa = graph.byType(RECORD).filter((r) => r.inputs.type === "CAA");
    expect(caa.map((r) => (r.inputs.data as { value: string }).value)).toEqual(AMAZON_CAS);
    expect(caa[0]!.inputs).toMatchObject({ zoneId: "zone-example", name: "example.com", data: { flags: 0, tag: "issue" } });
  });

  it("uses the zone given, without looking zones up or needing the account", async () => {
    const saved = process.env.CLOUDFLARE_DEFAULT_ACCOUNT_ID;
    delete process.env.CLOUDFLARE_DEFAULT_ACCOUNT_ID;
    try {
      const graph = await synthCloudflare(() => void new CustomDomain("Web", { domain: "example.com", dns: dns({ zone: "zone-given" }) }), {
        ...withCertificates,
        providers: { cloudflare: {} },
      });
      expect(new Set(graph.byType(RECORD).map((r) => r.inputs.zoneId))).toEqual(new Set(["zone-given"]));
    } finally {
      if (saved !== undefined) process.env.CLOUDFLARE_DEFAULT_ACCOUNT_ID = saved;
    }
  });

  it("applies transform.record to every record", async () => {
    const graph = await synthCloudflare(
      () => void new CustomDomain("Web", { domain: "example.com", dns: dns({ transform: { record: { comment: "sst" } } }) }),
      withCertificates,
    );
    expect(graph.byType(RECORD).map((r) => r.inputs.comment)).toEqual(Array(6).fill("sst"));
  });

  it("looks zones up in the configured account", async () => {
    const calls: Record<string, unknown>[] = [];
    const graph = await synthCloudflare(() => void new CustomDomain("Web", { domain: "example.com", dns: dns() }), {
      mocks: certificateMocks({ ...mocks, call: (a) => (calls.push(a.inputs), mocks.call!(a)) }),
    });
    expect(graph.byType(RECORD).length).toBe(6);
    expect(calls[0]).toEqual({ account: { id: ACCOUNT } });
  });
});
