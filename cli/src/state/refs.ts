/**
 * The references a checkpoint resource holds to other resources. The engine checks that each one points at
 * a resource listed earlier in the state; a dangling or out-of-order one stops every later deploy.
 */
import type { CheckpointResource } from "../engine/checkpoint.js";

export type RefKind = "parent" | "dependency" | "property dependency" | "provider" | "deletedWith";

export interface Ref {
  kind: RefKind;
  urn: string;
}

/** A provider reference is `<provider urn>::<provider id>`. */
export function providerUrn(reference: string): string {
  const at = reference.lastIndexOf("::");
  return at < 0 ? reference : reference.slice(0, at);
}

export function refsOf(resource: CheckpointResource): Ref[] {
  const refs: Ref[] = [];
  if (resource.parent) refs.push({ kind: "parent", urn: resource.parent });
  for (const urn of resource.dependencies ?? []) refs.push({ kind: "dependency", urn });
  for (const urns of Object.values(resource.propertyDependencies ?? {})) {
    for (const urn of urns ?? []) refs.push({ kind: "property dependency", urn });
  }
  if (typeof resource.provider === "string" && resource.provider) refs.push({ kind: "provider", urn: providerUrn(resource.provider) });
  if (typeof resource.deletedWith === "string" && resource.deletedWith) refs.push({ kind: "deletedWith", urn: resource.deletedWith });
  return refs;
}

/** The resource's logical name: the last segment of its URN. */
export const nameOfUrn = (urn: string): string => urn.split("::").at(-1) ?? urn;

export const STACK_TYPE = "pulumi:pulumi:Stack";
