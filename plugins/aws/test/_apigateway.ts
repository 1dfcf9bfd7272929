/**
 * Test helpers for the API Gateway components: Pulumi mocks that give AWS resources the outputs the
 * components read (ARNs, endpoints, a certificate's validation record, a domain's target), and a DNS
 * adapter that records what it was asked to create.
 */
import * as pulumi from "@pulumi/pulumi";
import type { DnsAdapter, DnsRecord } from "@sst/core";
import type { SynthResource } from "@sst/core/testing";

export const ACCOUNT = "123456789012";
export const REGION = "us-east-1";

/** Outputs AWS would compute, by resource type. */
function computed(type: string, name: string, id: string, inputs: Record<string, any>): Record<string, unknown> {
  switch (type) {
    case "aws:lambda/function:Function":
      return { arn: `arn:aws:lambda:${REGION}:${ACCOUNT}:function:${name}` };
    case "aws:apigatewayv2/api:Api": {
      const scheme = inputs.protocolType === "WEBSOCKET" ? "wss" : "https";
      return { executionArn: `arn:aws:execute-api:${REGION}:${ACCOUNT}:${id}`, apiEndpoint: `${scheme}://${id}.execute-api.${REGION}.amazonaws.com` };
    }
    case "aws:cloudwatch/logGroup:LogGroup":
      return { arn: `arn:aws:logs:${REGION}:${ACCOUNT}:log-group:${inputs.name}` };
    case "aws:acm/certificate:Certificate":
      return {
        arn: `arn:aws:acm:${REGION}:${ACCOUNT}:certificate/${id}`,
        domainValidationOptions: [
          { domainName: inputs.domainName, resourceRecordName: `_abc.${inputs.domainName}.`, resourceRecordType: "CNAME", resourceRecordValue: "_xyz.acm-validations.aws." },
        ],
      };
    case "aws:acm/certificateValidation:CertificateValidation":
      return { certificateArn: inputs.certificateArn };
    case "aws:apigatewayv2/domainName:DomainName":
      return {
        domainName: inputs.domainName ?? id,
        domainNameConfiguration: { ...inputs.domainNameConfiguration, targetDomainName: `d-${name.toLowerCase()}.execute-api.${REGION}.amazonaws.com`, hostedZoneId: "Z1UJRXOUMOOFQ8" },
      };
    case "aws:iam/role:Role":
      return { arn: `arn:aws:iam::${ACCOUNT}:role/${name}` };
    default:
      return {};
  }
}

/**
 * Mocks for `synth`. `existingCloudWatchRole` makes the account-wide API Gateway settings already carry a
 * CloudWatch role (so WebSocket APIs create none).
 */
export function apiMocks(options: { existingCloudWatchRole?: string } = {}): Partial<pulumi.runtime.Mocks> {
  return {
    newResource: (a) => {
      const id = a.id || `${a.name}-id`;
      const state: Record<string, unknown> = { ...a.inputs, ...computed(a.type, a.name, id, a.inputs) };
      if (a.type === "aws:apigateway/account:Account" && a.id && options.existingCloudWatchRole) {
        state.cloudwatchRoleArn = options.existingCloudWatchRole;
      }
      return { id: a.custom ? id : undefined, state };
    },
    // The Route 53 adapter (`sst.aws.dns()`) looks up the hosted zone of the domain.
    call: (a) => (a.token === "aws:route53/getZone:getZone" ? { zoneId: "ZTEST", name: a.inputs.name } : a.inputs),
  };
}

/** A record the test adapter creates (a custom resource of a made-up type). */
class TestDnsResource extends pulumi.CustomResource {
  constructor(type: string, name: string, props: pulumi.Inputs, opts: pulumi.CustomResourceOptions) {
    super(type, name, props, opts);
  }
}

/** A DNS adapter (core's `DnsAdapter`) that records the plain records it is asked for (aliases are resources). */
export function recordingDns(provider = "test") {
  const records: DnsRecord[] = [];
  const adapter: DnsAdapter = {
    provider,
    createRecord(namespace, record, opts) {
      records.push(record);
      return new TestDnsResource("test:dns:Record", `${namespace}Record${records.length}`, { ...record }, opts);
    },
    createAlias(namespace, record, opts) {
      return new TestDnsResource("test:dns:Alias", `${namespace}Alias`, { ...record }, opts);
    },
  };
  return { adapter, records };
}

/** The names of the resources `of` depends on. */
export function dependencyNames(all: SynthResource[], of: SynthResource): string[] {
  return of.dependencies.map((urn) => all.find((r) => r.urn === urn)?.name ?? urn);
}
