/**
 * An `sst.aws.ApiGatewayV2` on a custom domain whose DNS is on Cloudflare: `sst.cloudflare.dns()` creates the
 * CAA records, the certificate's validation record and the alias in the zone that holds the domain.
 * Runs once `@sst/aws` has `sst.aws.ApiGatewayV2` (issue 9); until then it is skipped, saying so.
 */
import { describe, expect, it } from "vitest";
import * as awsPlugin from "@sst/aws";
import { AMAZON_CAS, cloudflare, dns } from "@sst/cloudflare";
import { mocks, synthCloudflare } from "./_app.js";
import { certificateMocks } from "./_custom-domain.js";

const hasApi = "ApiGatewayV2" in awsPlugin;
if (!hasApi) console.warn("\n!!! SKIPPING sst.aws.ApiGatewayV2 with sst.cloudflare.dns: this @sst/aws has no sst.aws.ApiGatewayV2 yet !!!\n");

describe.skipIf(!hasApi)("sst.aws.ApiGatewayV2 with sst.cloudflare.dns", () => {
  it("creates the CAA, validation and alias records in the zone of the API's domain", async () => {
    const Api = (awsPlugin as unknown as Record<string, new (name: string, args: unknown) => { route(r: string, h: string): unknown }>).ApiGatewayV2!;
    const apiMocks = certificateMocks({
      ...mocks,
      newResource: (a) =>
        a.type === "aws:apigatewayv2/domainName:DomainName"
          ? { id: `${a.name}-id`, state: { ...a.inputs, domainNameConfiguration: { ...a.inputs.domainNameConfiguration, targetDomainName: "d-abc.execute-api.us-east-1.amazonaws.com", hostedZoneId: "Z1UJRXOUMOOFQ8" } } }
          : mocks.newResource!(a),
    });
    const graph = await synthCloudflare(() => void new Api("Api", { domain: { name: "api.dev.example.com", dns: dns() } }).route("GET /", "index.handler"), {
      plugins: [awsPlugin.aws(), cloudflare()],
      providers: { aws: {}, cloudflare: { accountId: "0123456789abcdef0123456789abcdef" } },
      mocks: apiMocks,
    });
    const records = graph.byType("cloudflare:index/dnsRecord:DnsRecord").map((r) => r.inputs);
    expect(records.filter((r) => r.type === "CAA").map((r) => (r.data as { value: string }).value)).toEqual(AMAZON_CAS);
    expect(records).toContainEqual(
      expect.objectContaining({ zoneId: "zone-dev", type: "CNAME", name: "_a1b2c3.api.dev.example.com", content: "_x9y8.acm-validations.aws.", proxied: false }),
    );
    expect(records).toContainEqual(
      expect.objectContaining({ zoneId: "zone-dev", type: "CNAME", name: "api.dev.example.com", content: "d-abc.execute-api.us-east-1.amazonaws.com" }),
    );
    expect(records).toHaveLength(6);
  });
});
