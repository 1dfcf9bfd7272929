/**
 * One `sst:sst:LinkRef` per top-level link, named `<Name>LinkRef`, whose outputs hold the link's type,
 * properties and includes. The CLI reads them back from state for `sst shell`, types and dev.
 */
import * as pulumi from "@pulumi/pulumi";
import type { ResolvedLink } from "./types.js";

export class LinkRef extends pulumi.ComponentResource {
  static readonly __pulumiType = "sst:sst:LinkRef";
  constructor(link: ResolvedLink) {
    super(LinkRef.__pulumiType, `${link.name}LinkRef`, {}, {});
    this.registerOutputs({
      target: link.name,
      properties: { ...link.properties, type: link.type },
      include: link.include,
    });
  }
}
