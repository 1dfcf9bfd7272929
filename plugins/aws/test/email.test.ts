/** sst.aws.Email through the plugin harness: the SES identity, its configuration set, DNS records, events, links. */
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import type { DnsAdapter, DnsRecord } from "@sst/core";
import { synth } from "@sst/core/testing";
import { describe, expect, it } from "vitest";
import { aws as awsPlugin, Email } from "@sst/aws";
import { arnOf, trackingMocks } from "./_mocks.js";

const IDENTITY = "aws:sesv2/emailIdentity:EmailIdentity";
const CONFIG = "aws:sesv2/configurationSet:ConfigurationSet";
const DESTINATION = "aws:sesv2/configurationSetEventDestination:ConfigurationSetEventDestination";
const VERIFICATION = "aws:ses/domainIdentityVerification:DomainIdentityVerification";
const TOKENS = ["tok1", "tok2", "tok3"];

/** Mocks where an SES identity has DKIM tokens and an identity read back uses a configuration set. */
const { mocks } = trackingMocks();
const sesMocks: Partial<pulumi.runtime.Mocks> = {
  ...mocks,
  newResource: (a) => {
    const made = mocks.newResource!(a) as { id: string; state: Record<string, unknown> };
    // A configuration set read back by its id has that name.
    if (a.type === CONFIG && a.id) made.state = { ...made.state, configurationSetName: a.id };
    if (a.type === IDENTITY) made.state = { ...made.state, dkimSigningAttributes: { tokens: TOKENS }, configurationSetName: made.state.configurationSetName ?? "dev-config" };
    return made;
  },
};
const app = { plugins: [awsPlugin()], providers: { aws: {} }, mocks: sesMocks };

/** A tiny DNS adapter: each record is a Route 53 record in one zone, and every call is remembered. */
function testDns(provider = "test") {
  const calls: { namespace: string; record: DnsRecord; parent?: pulumi.Resource }[] = [];
  let n = 0;
  const adapter: DnsAdapter = {
    provider,
    createRecord(namespace, record, opts) {
      calls.push({ namespace, record, parent: opts.parent });
      return new aws.route53.Record(`${namespace}Record${n++}`, { zoneId: "Z123", name: record.name, type: record.type, records: [record.value], ttl: 60 }, opts);
    },
    createAlias() {
      throw new Error("not used by Email");
    },
  };
  return { adapter, calls };
}

function recordsOf(graph: Awaited<ReturnType<typeof synth>>) {
  // In name order: the DKIM records wait for the identity's tokens, so they register after the DMARC record.
  return graph
    .byType("aws:route53/record:Record")
    .map((r) => ({ name: r.inputs.name as string, type: r.inputs.type, value: (r.inputs.records as string[])[0] }))
    .sort((a, b) => a.name.localeCompare(b.name));
}

describe("sst.aws.Email", () => {
  it("is sst.aws.Email in the sst namespace", async () => {
    let seen: unknown;
    await synth({ ...app, run: () => void (seen = (globalThis as any).sst.aws.Email) });
    expect(seen).toBe(Email);
  });

  it("creates an identity for an email address, using a configuration set, and no DNS records", async () => {
    const graph = await synth({ ...app, run: () => void new Email("Mail", { sender: "spongebob@example.com" }) });
    // Named as the naming rules would (the SDK needs the name before they could give one), kept in state.
    const config = graph.get("MailConfig", CONFIG);
    expect(config.inputs.configurationSetName).toMatch(/^app-test-MailConfig-[a-z]{8}$/);
    expect(config.ignoreChanges).toEqual(["configurationSetName"]);
    expect(graph.get("MailIdentity", IDENTITY).inputs).toEqual({ emailIdentity: "spongebob@example.com", configurationSetName: config.inputs.configurationSetName });
    expect(graph.byType("aws:route53/record:Record")).toEqual([]);
    expect(graph.byType(VERIFICATION)).toEqual([]);
  });

  it("verifies a domain: three DKIM CNAMEs and the default DMARC TXT through the adapter, then waits for verification", async () => {
    const { adapter, calls } = testDns();
    let email: Email | undefined;
    const graph = await synth({ ...app, run: () => void (email = new Email("Mail", { sender: "example.com", dns: adapter })) });
    expect(recordsOf(graph)).toEqual([
      { name: "_dmarc.example.com", type: "TXT", value: "v=DMARC1; p=none;" },
      { name: "tok1._domainkey.example.com", type: "CNAME", value: "tok1.dkim.amazonses.com" },
      { name: "tok2._domainkey.example.com", type: "CNAME", value: "tok2.dkim.amazonses.com" },
      { name: "tok3._domainkey.example.com", type: "CNAME", value: "tok3.dkim.amazonses.com" },
    ]);
    // Records are namespaced by the component and made its children.
    expect(calls.map((c) => c.namespace)).toEqual(["Mail", "Mail", "Mail", "Mail"]);
    expect(calls.every((c) => c.parent === email)).toBe(true);
    const verification = graph.get("MailVerification", VERIFICATION);
    expect(verification.inputs).toEqual({ domain: "example.com" });
    expect(verification.dependencies).toContain(graph.get("MailIdentity").urn);
  });

  it("writes the given DMARC policy", async () => {
    const { adapter } = testDns();
    const graph = await synth({ ...app, run: () => void new Email("Mail", { sender: "example.com", dns: adapter, dmarc: "v=DMARC1; p=quarantine; adkim=s; aspf=s;" }) });
    expect(recordsOf(graph).find((r) => r.type === "TXT")).toEqual({ name: "_dmarc.example.com", type: "TXT", value: "v=DMARC1; p=quarantine; adkim=s; aspf=s;" });
  });

  it("creates no records and does not wait with dns: false", async () => {
    const graph = await synth({ ...app, run: () => void new Email("Mail", { sender: "example.com", dns: false }) });
    expect(recordsOf(graph)).toEqual([]);
    expect(graph.byType(VERIFICATION)).toEqual([]);
    expect(graph.get("MailIdentity").inputs.emailIdentity).toBe("example.com");
  });

  it("creates the records in Route 53 with sst.aws.dns() when dns is not given", async () => {
    const tracked = trackingMocks({ "aws:route53/getZone:getZone": (inputs) => (inputs.name === "example.com" ? { zoneId: "ZEXAMPLE" } : {}) });
    const graph = await synth({
      ...app,
      mocks: { ...sesMocks, call: tracked.mocks.call },
      run: () => void new Email("Mail", { sender: "example.com" }),
    });
    const records = graph.byType("aws:route53/record:Record");
    expect(records).toHaveLength(4);
    expect(new Set(records.map((r) => r.inputs.zoneId))).toEqual(new Set(["ZEXAMPLE"]));
    expect(recordsOf(graph).map((r) => `${r.type} ${r.name}`)).toEqual([
      "TXT _dmarc.example.com",
      "CNAME tok1._domainkey.example.com",
      "CNAME tok2._domainkey.example.com",
      "CNAME tok3._domainkey.example.com",
    ]);
    expect(records.every((r) => graph.parent(r)!.name === "Mail")).toBe(true);
  });

  it("fails (does not hang) when sst.aws.dns() finds no hosted zone for the domain", async () => {
    await expect(synth({ ...app, run: () => void new Email("Mail", { sender: "example.com" }) })).rejects.toMatchObject({ code: "E_DNS_ZONE" });
  });

  it("takes a sender given as an Output: an address, or a domain with dns: false; a domain needing records is an error", async () => {
    const address = await synth({ ...app, run: () => void new Email("Mail", { sender: pulumi.output("a@example.org") }) });
    expect(address.get("MailIdentity").inputs.emailIdentity).toBe("a@example.org");
    const manual = await synth({ ...app, run: () => void new Email("Mail", { sender: pulumi.output("example.org"), dns: false }) });
    expect(manual.get("MailIdentity").inputs.emailIdentity).toBe("example.org");
    expect(recordsOf(manual)).toEqual([]);
    await expect(synth({ ...app, run: () => void new Email("Mail", { sender: pulumi.output("example.org") }) })).rejects.toMatchObject({
      code: "E_EMAIL_SENDER_OUTPUT",
      message: expect.stringContaining(`"sender" is the domain "example.org", given as an Output`),
    });
  });

  it("sends events to an SNS topic or an EventBridge bus through configuration set event destinations", async () => {
    const topic = "arn:aws:sns:us-east-1:123456789012:MyTopic";
    const bus = "arn:aws:events:us-east-1:123456789012:event-bus/default";
    const graph = await synth({
      ...app,
      run: () =>
        void new Email("Mail", {
          sender: "a@example.com",
          events: [
            { name: "OnBounce", types: ["bounce", "complaint"], topic },
            { name: "on-delivery", types: ["delivery", "delivery-delay", "rendering-failure"], bus },
          ],
        }),
    });
    const config = graph.get("MailConfig");
    expect(graph.get("MailEventOnBounce", DESTINATION).inputs).toEqual({
      configurationSetName: config.inputs.configurationSetName,
      eventDestinationName: "OnBounce",
      eventDestination: { enabled: true, matchingEventTypes: ["BOUNCE", "COMPLAINT"], snsDestination: { topicArn: topic } },
    });
    expect(graph.get("MailEventOndelivery", DESTINATION).inputs.eventDestination).toEqual({
      enabled: true,
      matchingEventTypes: ["DELIVERY", "DELIVERY_DELAY", "RENDERING_FAILURE"],
      eventBridgeDestination: { eventBusArn: bus },
    });
  });

  it("takes a single event object, as the docs' example writes it", async () => {
    const graph = await synth({
      ...app,
      run: () => void new Email("Mail", { sender: "a@example.com", events: { name: "OnBounce", types: ["bounce"], topic: "arn:aws:sns:us-east-1:1:T" } }),
    });
    expect(graph.byType(DESTINATION).map((r) => r.name)).toEqual(["MailEventOnBounce"]);
  });

  it("links sender and configSet, with ses:* on the identity and the configuration set", async () => {
    const graph = await synth({ ...app, run: () => void new Email("Mail", { sender: "a@example.com" }) });
    const link = graph.links.find((l) => l.name === "Mail")!;
    expect(link.type).toBe("sst.aws.Email");
    expect(link.properties).toEqual({ sender: "a@example.com", configSet: graph.get("MailConfig").inputs.configurationSetName });
    expect(link.include).toEqual([{ type: "aws.permission", actions: ["ses:*"], resources: [arnOf("MailIdentity"), arnOf("MailConfig")] }]);
  });

  it("applies transform keys: identity and configurationSet, with the import option", async () => {
    const tracked = trackingMocks();
    const graph = await synth({
      ...app,
      mocks: tracked.mocks,
      run: () =>
        void new Email("Mail", {
          sender: "a@example.com",
          transform: {
            identity: (args, opts) => {
              args.tags = { team: "growth" };
              opts.import = "a@example.com";
            },
            configurationSet: { sendingOptions: { sendingEnabled: false } },
          },
        }),
    });
    expect(graph.get("MailIdentity").inputs.tags).toEqual({ team: "growth" });
    expect(tracked.imports.MailIdentity).toBe("a@example.com");
    expect(graph.get("MailConfig").inputs.sendingOptions).toEqual({ sendingEnabled: false });
  });

  it("exposes nodes, sender and configSet", async () => {
    let seen: any;
    await synth({
      ...app,
      run: async () => {
        const email = new Email("Mail", { sender: "a@example.com" });
        seen = { identity: email.nodes.identity, config: email.nodes.configurationSet, sender: await new Promise((r) => email.sender.apply(r)) };
      },
    });
    expect(seen.identity).toBeInstanceOf(aws.sesv2.EmailIdentity);
    expect(seen.config).toBeInstanceOf(aws.sesv2.ConfigurationSet);
    expect(seen.sender).toBe("a@example.com");
  });

  it("references an existing identity and its configuration set with Email.get", async () => {
    const graph = await synth({ ...app, run: () => void Email.get("Mail", "spongebob@example.com") });
    expect(graph.get("MailIdentity", IDENTITY)).toMatchObject({ read: true, id: "spongebob@example.com" });
    expect(graph.get("MailConfig", CONFIG)).toMatchObject({ read: true, id: "dev-config" });
    expect(graph.byType(IDENTITY).filter((r) => !r.read)).toEqual([]);
    expect(graph.links.find((l) => l.name === "Mail")!.properties.configSet).toBe("dev-config");
  });

  it.each([
    [{ sender: "a@example.com", dmarc: "v=DMARC1; p=none;" }, `"dmarc" is only valid when "sender" is a domain`],
    [{ sender: "a@example.com", dns: testDns().adapter }, `"dns" is only valid when "sender" is a domain`],
    [{ sender: "example.com", dns: { zone: "Z1" } }, `"dns" must be a DNS adapter or false`],
    [{ sender: "a@example.com", events: [{ name: "E", types: ["bounce"] }] }, "must send to exactly one of"],
    [{ sender: "a@example.com", events: [{ name: "E", types: ["bounced"], topic: "arn:aws:sns:us-east-1:1:T" }] }, `"bounced" is not an event type`],
  ])("rejects bad args: %#", async (args, message) => {
    await expect(synth({ ...app, run: () => void new Email("Mail", args as any) })).rejects.toMatchObject({
      name: "SSTError",
      message: expect.stringContaining(message),
    });
  });
});
