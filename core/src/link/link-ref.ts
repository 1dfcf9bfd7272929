/**
 * One `sst:sst:LinkRef` per top-level link, named `<Name>LinkRef`, whose outputs hold the link as SST writes
 * it: `{ target: Name, properties: { ...properties, type }, include }`. The CLI reads them back from state for
 * `sst shell`, types and dev (`readLinkRef`); state written by SST or by any earlier version reads the same.
 */
import * as pulumi from "@pulumi/pulumi";
import type { Include, ResolvedLink } from "./types.js";
import { unwireProperties, wireProperties } from "./wire.js";

export const LINK_REF_TYPE = "sst:sst:LinkRef";

export class LinkRef extends pulumi.ComponentResource {
  static readonly __pulumiType = LINK_REF_TYPE;
  constructor(link: ResolvedLink) {
    super(LinkRef.__pulumiType, `${link.name}LinkRef`, {}, {});
    this.registerOutputs({ target: link.name, properties: wireProperties(link), include: link.include });
  }
}

/** The link a LinkRef's outputs hold; undefined when they are not a LinkRef's (no `target` name). */
export function readLinkRef(outputs: Record<string, unknown> | undefined): ResolvedLink<unknown> | undefined {
  if (!outputs || typeof outputs.target !== "string") return undefined;
  const wired = outputs.properties && typeof outputs.properties === "object" ? (outputs.properties as Record<string, unknown>) : {};
  const include = Array.isArray(outputs.include)
    ? (outputs.include as unknown[]).filter((i): i is Include => !!i && typeof i === "object" && typeof (i as Include).type === "string")
    : [];
  return { name: outputs.target, ...unwireProperties(wired), include };
}
