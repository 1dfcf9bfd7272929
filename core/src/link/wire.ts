/**
 * Where a link's `type` joins its properties: the one writer of the wire shape `{ ...properties, type }`
 * (LinkRef outputs in the state, and the links map the encoder turns into `SST_RESOURCE_*`/`resource.enc`),
 * and its one reader.
 */
import type { ResolvedLink } from "./types.js";

/** `{ ...properties, type }`: a link's properties as they travel. A property named `type` is the link's type. */
export function wireProperties<V>(link: Pick<ResolvedLink<V>, "type" | "properties">): Record<string, V | string> {
  return { ...link.properties, type: link.type };
}

/** `{ Name: { ...properties, type } }`: the links map of link format v1 (spec/link-format.md §1). */
export function wireLinks<V>(links: Pick<ResolvedLink<V>, "name" | "type" | "properties">[]): Record<string, Record<string, V | string>> {
  return Object.fromEntries(links.map((link) => [link.name, wireProperties(link)]));
}

/** The reverse of `wireProperties`: `type` taken out of the properties (`""` when a record has none). */
export function unwireProperties<V>(wired: Record<string, V>): Pick<ResolvedLink<V>, "type" | "properties"> {
  const { type, ...properties } = wired as Record<string, unknown>;
  return { type: typeof type === "string" ? type : "", properties: properties as Record<string, V> };
}
