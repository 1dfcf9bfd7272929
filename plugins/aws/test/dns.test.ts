/** `sst.aws.dns()`: the Route 53 adapter's records, zone lookup, override and transform. */
import * as pulumi from "@pulumi/pulumi";
import { describe, expect, it } from "vitest";
import { Component, isDnsAdapter, type DnsAdapter } from "@sst/core";
import { synth } from "@sst/core/testing";
import { dns, txtValue } from "@sst/aws";
import { awsApp, sstError } from "./_helpers.js";

/** A component that asks an adapter for records, as a component with a domain does. */
class Site extends Component {
  static readonly __pulumiType = "sst:aws:Site";
  constructor(name: string, use: (self: Site) => void) {
    super(Site.__pulumiType, name, {});
    use(this);
  }
}

/** Route 53 as the mocks see it: public zones by name. */
const zones: Record<string, string> = { "example.com": "ZEXAMPLE", "dev.example.com": "ZDEV" };
const lookups: string[] = [];
const mocks = {
  call: (a: { token: string; inputs: Record<string, any> }) => {
    if (a.token !== "aws:route53/getZone:getZone") return a.inputs;
    lookups.push(a.inputs.name);
    const zoneId = zones[a.inputs.name];
    if (!zoneId) throw new Error(`no matching Route 53 Hosted Zone found for ${a.inputs.name}`);
    return { ...a.inputs, zoneId };
  },
};

describe("sst.aws.dns", () => {
  it("is a DNS adapter of provider aws", () => {
    const adapter: DnsAdapter = dns();
    expect(isDnsAdapter(adapter)).toBe(true);
    expect(adapter.provider).toBe("aws");
  });

  it("creates a record under the component in the longest hosted zone that holds its name", async () => {
    lookups.length = 0;
    const graph = await synth({
      ...awsApp,
      mocks,
      run: () =>
        void new Site("Web", (self) => {
          dns().createRecord("Web", { name: "_x1.api.dev.example.com", type: "CNAME", value: "_y.acm-validations.aws." }, { parent: self });
          dns().createRecord("Web", { name: "mail.example.com", type: "MX", value: "10 inbound-smtp.us-east-1.amazonaws.com" }, { parent: self });
        }),
    });
    const cname = graph.get("WebCNAMERecordX1apidevexamplecom");
    const mx = graph.get("WebMXRecordMailexamplecom");
    expect(graph.parent(cname!)!.name).toBe("Web");
    expect(cname!.inputs).toMatchObject({ zoneId: "ZDEV", name: "_x1.api.dev.example.com", type: "CNAME", ttl: 60, records: ["_y.acm-validations.aws."] });
    expect(mx!.inputs).toMatchObject({ zoneId: "ZEXAMPLE", type: "MX" });
    expect(lookups).toEqual(expect.arrayContaining(["_x1.api.dev.example.com", "api.dev.example.com", "dev.example.com"]));
    expect(lookups).not.toContain("com");
  });

  it("uses the zone it is given without looking one up, and overwrites existing records with override", async () => {
    lookups.length = 0;
    const graph = await synth({
      ...awsApp,
      mocks,
      run: () => void new Site("Web", (self) => dns({ zone: "Z2FDTNDATAQYW2", override: true }).createRecord("Web", { name: "a.other.org", type: "TXT", value: "v=spf1" }, { parent: self })),
    });
    expect(graph.byType("aws:route53/record:Record")[0]!.inputs).toMatchObject({ zoneId: "Z2FDTNDATAQYW2", allowOverwrite: true, records: ["v=spf1"] });
    expect(lookups).toEqual([]);
  });

  it("creates A and AAAA alias records for an alias", async () => {
    const graph = await synth({
      ...awsApp,
      mocks,
      run: () =>
        void new Site("Api", (self) =>
          dns().createAlias("Api", { name: "api.example.com", aliasName: "d-1.execute-api.us-east-1.amazonaws.com", aliasZone: "Z1UJRXOUMOOFQ8" }, { parent: self }),
        ),
    });
    const records = graph.byType("aws:route53/record:Record");
    expect(records.map((r) => [r.name, r.inputs.type])).toEqual([
      ["ApiAliasARecordApiexamplecom", "A"],
      ["ApiAliasAAAARecordApiexamplecom", "AAAA"],
    ]);
    expect(records[0]!.inputs.aliases).toEqual([{ name: "d-1.execute-api.us-east-1.amazonaws.com", zoneId: "Z1UJRXOUMOOFQ8", evaluateTargetHealth: true }]);
  });

  it("applies transform.record to every record it creates", async () => {
    const graph = await synth({
      ...awsApp,
      mocks,
      run: () =>
        void new Site("Web", (self) => {
          const adapter = dns({ transform: { record: (args) => void (args.ttl = 300) } });
          adapter.createRecord("Web", { name: "x.example.com", type: "TXT", value: "a" }, { parent: self });
          adapter.createAlias("Web", { name: "example.com", aliasName: "d.cloudfront.net", aliasZone: "Z2FDTNDATAQYW2" }, { parent: self });
        }),
    });
    expect(graph.byType("aws:route53/record:Record").map((r) => r.inputs.ttl)).toEqual([300, 300, 300]);
  });

  it("numbers records whose names are not known yet, in creation order", async () => {
    const graph = await synth({
      ...awsApp,
      mocks,
      run: () =>
        void new Site("Mail", (self) => {
          for (const token of ["a", "b"]) dns().createRecord("Mail", { name: pulumi.output(`${token}._domainkey.example.com`), type: "CNAME", value: `${token}.dkim.amazonses.com` }, { parent: self });
        }),
    });
    expect(graph.byType("aws:route53/record:Record").map((r) => [r.name, r.inputs.name]).sort()).toEqual([
      ["MailCNAMERecord1", "a._domainkey.example.com"],
      ["MailCNAMERecord2", "b._domainkey.example.com"],
    ]);
  });

  it("splits TXT values longer than Route 53's 255 characters into quoted strings", () => {
    const key = "p=" + "k".repeat(300);
    expect(txtValue(key)).toBe(`${key.slice(0, 255)}""${key.slice(255)}`);
    expect(txtValue("short")).toBe("short");
  });

  it("says so when no hosted zone holds the name", async () => {
    const error = await sstError(() =>
      synth({ ...awsApp, mocks, run: () => void new Site("Web", (self) => dns().createRecord("Web", { name: "www.nowhere.net", type: "CNAME", value: "x" }, { parent: self })) }),
    );
    expect(error.code).toBe("E_DNS_ZONE");
    expect(error.message).toContain('No Route 53 hosted zone in this account holds "www.nowhere.net".');
  });
});
