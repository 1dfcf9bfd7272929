/**
 * The Cloudflare zone a hostname lives in: the one given, else the zone of the account whose name is the
 * longest suffix of the hostname (`api.dev.example.com` → `example.com`, or `dev.example.com` when that is a
 * zone of its own), found with `cloudflare.getZones` at deploy time.
 */
import * as cloudflare from "@pulumi/cloudflare";
import * as pulumi from "@pulumi/pulumi";
import { SSTError } from "@sst/core";

export interface Zone {
  id: string;
  name: string;
}

/** The zone among `zones` that holds `hostname`, or undefined. */
export function zoneOf(hostname: string, zones: readonly Zone[]): Zone | undefined {
  const host = hostname.replace(/\.$/, "").toLowerCase();
  return zones
    .filter((zone) => host === zone.name.toLowerCase() || host.endsWith(`.${zone.name.toLowerCase()}`))
    .sort((a, b) => b.name.length - a.name.length)[0];
}

/** The ID of the zone for `hostname`: `zone` when given, else looked up in `accountId`. */
export function zoneId(
  hostname: pulumi.Input<string>,
  zone: pulumi.Input<string> | undefined,
  accountId: pulumi.Input<string>,
  opts: pulumi.InvokeOutputOptions,
): pulumi.Output<string> {
  if (zone !== undefined) return pulumi.output(zone);
  const zones = cloudflare.getZonesOutput({ account: { id: accountId } }, opts);
  return pulumi.all([hostname, zones, accountId]).apply(([host, found, account]) => {
    const match = zoneOf(host, (found.results ?? []) as Zone[]);
    if (!match) {
      throw new SSTError({
        code: "E_CLOUDFLARE_ZONE",
        message: `No Cloudflare zone of account ${account} holds "${host}".`,
        hint: "Add the domain to Cloudflare, or pass the zone ID: sst.cloudflare.dns({ zone: \"...\" }).",
      });
    }
    return match.id;
  });
}
