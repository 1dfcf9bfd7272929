/** sst.vercel.dns as an AWS component's domain.dns: validation and alias records in the Vercel domain. */
import { describe, expect, it } from "vitest";
import { isDnsAdapter } from "@sst/core";
import { synth } from "@sst/core/testing";
import { dns, vercelDns, vercelProvider } from "@sst/vercel-dns";
import { sstError } from "../../../core/test/_helpers.js";
import { CustomDomain, TARGET, certificateMocks } from "../../cloudflare/test/_custom-domain.js";

const RECORD = "vercel:index/dnsRecord:DnsRecord";
const synthVercel = (run: () => unknown, providers: Record<string, Record<string, unknown>> = {}) =>
  synth({ plugins: [vercelDns()], providers, mocks: certificateMocks(), run });

describe("sst.vercel.dns", () => {
  it("is a DNS adapter for vercel, at sst.vercel.dns", async () => {
    let seen: unknown;
    await synthVercel(() => void (seen = (globalThis as any).sst.vercel.dns));
    expect(seen).toBe(dns);
    expect(isDnsAdapter(dns({ domain: "example.com" }))).toBe(true);
    expect(dns({ domain: "example.com" }).provider).toBe("vercel");
  });

  it("creates an AWS component's certificate validation record, named relative to the domain, TTL 60", async () => {
    const graph = await synthVercel(() => void new CustomDomain("Web", { domain: "app.example.com", dns: dns({ domain: "example.com" }) }));
    const record = graph.get("WebCNAMERecordA1b2c3appexamplecom", RECORD);
    expect(record.inputs).toEqual({ domain: "example.com", type: "CNAME", name: "_a1b2c3.app", value: "_x9y8.acm-validations.aws.", ttl: 60 });
    expect(graph.parent(record)!.name).toBe("Web");
  });

  it("creates a CNAME alias to the AWS endpoint for a subdomain", async () => {
    const graph = await synthVercel(() => void new CustomDomain("Web", { domain: "app.example.com", dns: dns({ domain: "example.com" }) }));
    const alias = graph.byType(RECORD).find((r) => r.inputs.value === TARGET.aliasName)!;
    expect(alias.inputs).toEqual({ domain: "example.com", type: "CNAME", name: "app", value: TARGET.aliasName, ttl: 60 });
  });

  it("creates an ALIAS record at the apex, where a CNAME is not allowed", async () => {
    const graph = await synthVercel(() => void new CustomDomain("Web", { domain: "example.com", dns: dns({ domain: "example.com" }) }));
    const alias = graph.byType(RECORD).find((r) => r.inputs.value === TARGET.aliasName)!;
    expect(alias.inputs).toMatchObject({ type: "ALIAS", name: "" });
  });

  it("creates records in the team given, else in VERCEL_TEAM_ID's", async () => {
    const given = await synthVercel(() => void new CustomDomain("Web", { domain: "example.com", dns: dns({ domain: "example.com", teamId: "team_a" }) }));
    expect(new Set(given.byType(RECORD).map((r) => r.inputs.teamId))).toEqual(new Set(["team_a"]));
    process.env.VERCEL_TEAM_ID = "team_env";
    try {
      const fromEnv = await synthVercel(() => void new CustomDomain("Web", { domain: "example.com", dns: dns({ domain: "example.com" }) }));
      expect(new Set(fromEnv.byType(RECORD).map((r) => r.inputs.teamId))).toEqual(new Set(["team_env"]));
    } finally {
      delete process.env.VERCEL_TEAM_ID;
    }
  });

  it("applies transform.record to every record", async () => {
    const graph = await synthVercel(
      () => void new CustomDomain("Web", { domain: "example.com", dns: dns({ domain: "example.com", transform: { record: { comment: "sst" } } }) }),
    );
    expect(graph.byType(RECORD).map((r) => r.inputs.comment)).toEqual(["sst", "sst"]);
  });

  it("refuses a record outside the Vercel domain", async () => {
    const error = await sstError(() => synthVercel(() => void new CustomDomain("Web", { domain: "app.other.org", dns: dns({ domain: "example.com" }) })));
    expect(error.code).toBe("E_VERCEL_DNS_NAME");
    expect(error.message).toContain('the record "app.other.org" is not in the Vercel domain "example.com".');
  });

  it("needs the domain", async () => {
    const error = await sstError(() => dns(undefined as never));
    expect(error.code).toBe("E_VERCEL_DNS_DOMAIN");
  });

  it("keeps the Vercel token out of the default provider's inputs (the state), passing it as VERCEL_API_TOKEN", async () => {
    expect(vercelProvider({ config: { apiToken: "tok", team: "team_a" }, app: {} as never })).toEqual({ args: { team: "team_a" }, env: { VERCEL_API_TOKEN: "tok" } });
    const graph = await synthVercel(() => undefined, { vercel: { apiToken: "tok", team: "team_a" } });
    const provider = graph.byType("pulumi:providers:vercel")[0]!;
    expect(provider.inputs.team).toBe("team_a");
    expect(JSON.stringify(provider.inputs)).not.toContain("tok");
  });
});
