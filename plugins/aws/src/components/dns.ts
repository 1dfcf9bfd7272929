/**
 * `sst.aws.dns(args?)` (../docs 26-aws-dns-adapter.md): the Route 53 DNS adapter, core's `DnsAdapter`
 * contract. Components with a custom domain (`domain: { name, dns: sst.aws.dns() }`, the default when `dns`
 * is not given) create their certificate validation records and alias records through it.
 */
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { applyTransform, logicalName, SSTError, useProgram, type DnsAdapter, type DnsAliasRecord, type DnsRecord, type Transform } from "@sst/core";

export interface DnsArgs {
  /**
   * The ID of the hosted zone to create records in. Set it when several hosted zones of Route 53 have the
   * same domain. Without it, the zone is looked up by name: the longest public hosted zone whose name ends
   * the record's name (`api.dev.example.com` is looked up as `api.dev.example.com`, `dev.example.com`, then
   * `example.com`).
   * @example `{ zone: "Z2FDTNDATAQYW2" }`
   */
  zone?: pulumi.Input<string>;
  /**
   * Let the new records replace existing ones of the same name and type (Route 53's `allowOverwrite`).
   * Use it to move a domain from another app without downtime; do not remove the records when you remove
   * the old app.
   * @default `false`
   */
  override?: pulumi.Input<boolean>;
  /** Transform how this adapter creates its underlying resources. */
  transform?: {
    /** Transform the Route 53 record resource. */
    record?: Transform<aws.route53.RecordArgs>;
  };
}

/** What `sst.aws.dns()` returns: a `DnsAdapter` for Route 53, with the args it was given. */
export interface AwsDns extends DnsAdapter {
  provider: "aws";
  /** The args, as given. */
  args: DnsArgs;
}

/** Per program: how many records of a namespace were named by number (their names were Outputs). */
const COUNTERS = new WeakMap<object, Map<string, number>>();

/**
 * Route 53 takes a TXT value as strings of at most 255 characters each (a DKIM key is longer): the provider
 * splits a value where it finds `""`, as Terraform's aws_route53_record documents.
 */
export function txtValue(value: string): string {
  if (value.length <= 255) return value;
  return (value.match(/.{1,255}/g) ?? []).join('""');
}

/**
 * The ID of the longest public hosted zone that ends `name`, looked up with Route 53 invokes made with the
 * record's options (so with the same provider and account).
 */
async function lookupZone(name: string, opts: pulumi.InvokeOptions): Promise<string> {
  const labels = name.replace(/\.$/, "").split(".");
  for (let i = 0; i < labels.length - 1; i++) {
    const candidate = labels.slice(i).join(".");
    try {
      const zone = await aws.route53.getZone({ name: candidate, privateZone: false }, opts);
      if (zone?.zoneId) return zone.zoneId;
    } catch {
      // no zone of that name: try the parent domain
    }
  }
  throw new SSTError({
    code: "E_DNS_ZONE",
    message: `No Route 53 hosted zone in this account holds "${name}".`,
    hint: "Create the hosted zone, pass its ID as sst.aws.dns({ zone }), or use dns: false with a validated cert.",
  });
}

/**
 * The Route 53 adapter. Records are named `<namespace><type>Record<name>` (children of the component that
 * asks, through `opts.parent`); a record whose name is an Output is numbered in creation order instead
 * (per namespace and program, whichever adapter object creates it).
 * Route 53 needs no CAA records for ACM, so `createCaa` creates none.
 * @example new sst.aws.ApiGatewayV2("Api", { domain: { name: "api.example.com", dns: sst.aws.dns({ zone: "Z2FDTNDATAQYW2" }) } })
 */
export function dns(args: DnsArgs = {}): AwsDns {
  const suffixOf = (namespace: string, kind: string, name: pulumi.Input<string>) => {
    if (typeof name === "string") return logicalName(name);
    const program = useProgram("sst.aws.dns()");
    const counters = COUNTERS.get(program) ?? new Map<string, number>();
    COUNTERS.set(program, counters);
    const key = `${namespace}${kind}`;
    const n = (counters.get(key) ?? 0) + 1;
    counters.set(key, n);
    return String(n);
  };
  const zoneOf = (name: pulumi.Input<string>, opts: pulumi.ComponentResourceOptions): pulumi.Output<string> => {
    if (args.zone !== undefined) return pulumi.output(args.zone);
    const invoke: pulumi.InvokeOptions = { parent: opts.parent, provider: opts.provider as pulumi.ProviderResource | undefined };
    return pulumi.output(name).apply((n) => lookupZone(n, invoke));
  };
  const record = (logical: string, recordArgs: aws.route53.RecordArgs, opts: pulumi.ComponentResourceOptions) => {
    const [finalArgs, finalOpts] = applyTransform(args.transform?.record, logical, recordArgs, opts as pulumi.CustomResourceOptions);
    return new aws.route53.Record(logical, finalArgs, finalOpts);
  };
  return {
    provider: "aws",
    args,
    createRecord(namespace: string, input: DnsRecord, opts: pulumi.ComponentResourceOptions) {
      const type = pulumi.output(input.type);
      const kind = typeof input.type === "string" ? input.type : "";
      return record(
        `${namespace}${kind}Record${suffixOf(namespace, `${kind}Record`, input.name)}`,
        {
          zoneId: zoneOf(input.name, opts),
          name: input.name,
          type,
          ttl: 60,
          records: [pulumi.all([type, input.value]).apply(([t, v]) => (t === "TXT" ? txtValue(v) : v))],
          allowOverwrite: args.override,
        },
        opts,
      );
    },
    createAlias(namespace: string, input: DnsAliasRecord, opts: pulumi.ComponentResourceOptions) {
      const suffix = suffixOf(namespace, "Alias", input.name);
      const zoneId = zoneOf(input.name, opts);
      return (["A", "AAAA"] as const).map((type) =>
        record(
          `${namespace}Alias${type}Record${suffix}`,
          {
            zoneId,
            name: input.name,
            type,
            aliases: [{ name: input.aliasName, zoneId: input.aliasZone, evaluateTargetHealth: true }],
            allowOverwrite: args.override,
          },
          opts,
        ),
      );
    },
    createCaa: () => undefined,
  };
}
