/**
 * examples/aws-vercel-dns synthesised: an `sst.aws.ApiGatewayV2` on a custom domain whose DNS is on Vercel
 * gets its certificate's validation record and the alias to the API's regional domain in the Vercel domain.
 * Runs once `@sst/aws` has `sst.aws.ApiGatewayV2` (issue 9); until then it is skipped, saying so.
 */
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import * as awsPlugin from "@sst/aws";
import { synthConfig } from "@sst/core/testing";
import { vercelDns } from "@sst/vercel-dns";
import { certificateMocks } from "../../cloudflare/test/_custom-domain.js";

const root = join(import.meta.dirname, "..", "..", "..", "examples", "aws-vercel-dns");
const hasApi = "ApiGatewayV2" in awsPlugin;
if (!hasApi) console.warn("\n!!! SKIPPING examples/aws-vercel-dns: this @sst/aws has no sst.aws.ApiGatewayV2 yet !!!\n");
const RECORD = "vercel:index/dnsRecord:DnsRecord";

describe.skipIf(!hasApi)("examples/aws-vercel-dns", () => {
  it("creates the certificate's validation CNAME and the API's alias in the Vercel domain", async () => {
    const mocks = certificateMocks({
      newResource: (a) => ({
        id: `${a.name}-id`,
        state:
          a.type === "aws:apigateway/domainName:DomainName" || a.type === "aws:apigatewayv2/domainName:DomainName"
            ? { ...a.inputs, domainNameConfiguration: { ...(a.inputs.domainNameConfiguration ?? {}), targetDomainName: "d-abc.execute-api.us-east-1.amazonaws.com", hostedZoneId: "Z1UJRXOUMOOFQ8" } }
            : a.inputs,
      }),
    });
    const graph = await synthConfig({ cwd: root, stage: "dev", plugins: [awsPlugin.aws(), vercelDns()], mocks });
    const records = graph.byType(RECORD).map((r) => r.inputs);
    expect(records).toContainEqual(expect.objectContaining({ domain: "example.com", type: "CNAME", name: "_a1b2c3.dev.api", value: "_x9y8.acm-validations.aws.", ttl: 60 }));
    expect(records).toContainEqual(expect.objectContaining({ domain: "example.com", type: "CNAME", name: "dev.api", value: "d-abc.execute-api.us-east-1.amazonaws.com", ttl: 60 }));
    expect(records).toHaveLength(2);
  });
});
