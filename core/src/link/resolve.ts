/**
 * Turns linkables into what receivers need: the payload from `getSSTLink()` (or a `Linkable.wrap` override),
 * run through the kernel's `link` hook. Core also owns the `environment` include.
 */
import * as pulumi from "@pulumi/pulumi";
import { SSTError } from "../errors.js";
import { useProgram } from "../program/context.js";
import { linkType } from "./names.js";
import type { EnvironmentInclude, Include, LinkPayload, Linkable, ResolvedLink } from "./types.js";

function typeOf(resource: object): string {
  // Pulumi keeps the type token on the instance; SST components also declare it on the class.
  const type = (resource as { __pulumiType?: string }).__pulumiType ?? (resource.constructor as { __pulumiType?: string }).__pulumiType;
  if (typeof type !== "string") {
    throw new SSTError({ code: "E_LINK_NOT_LINKABLE", message: "Only Pulumi resources and SST components can be linked." });
  }
  return type;
}

function nameOf(resource: object): string {
  const name = (resource as { componentName?: string }).componentName ?? (resource as { __name?: string }).__name;
  if (typeof name !== "string") {
    throw new SSTError({ code: "E_LINK_NOT_LINKABLE", message: "A linked resource has no name." });
  }
  return name;
}

/** The payload a linkable gives, with `Linkable.wrap` overrides applied, before the `link` hook. */
export function rawLink(resource: Linkable | object): LinkPayload {
  const program = useProgram("Links");
  const wrap = program.wraps.get(typeOf(resource));
  if (wrap) return wrap(resource);
  if (typeof (resource as Partial<Linkable>).getSSTLink === "function") return (resource as Linkable).getSSTLink();
  throw new SSTError({
    code: "E_LINK_NOT_LINKABLE",
    message: `"${nameOf(resource)}" (${typeOf(resource)}) cannot be linked.`,
    hint: "Wrap its class with sst.Linkable.wrap(Class, (resource) => ({ properties: {...} })), or use new sst.Linkable(...).",
  });
}

/** Resolves links for a receiver: each through the `link` hook. */
export function resolveLinks(links: (Linkable | object)[] | undefined): ResolvedLink[] {
  const program = useProgram("Links");
  return (links ?? []).map((resource) => {
    const name = nameOf(resource);
    const type = linkType(typeOf(resource));
    const raw = rawLink(resource);
    const payload = program.kernel.hooks.link.call(
      { properties: { ...raw.properties }, include: [...(raw.include ?? [])] },
      { name, type },
    );
    return { name, type, properties: payload.properties, include: payload.include ?? [] };
  });
}

/** Core's include: environment variables for every receiver of a link. */
export function env(variables: Record<string, pulumi.Input<string>>): EnvironmentInclude {
  return { type: "environment", env: variables };
}

/** Merges the `environment` includes of resolved links (later links win on a clash). */
export function linkEnvironment(links: ResolvedLink[]): Record<string, pulumi.Input<string>> {
  const out: Record<string, pulumi.Input<string>> = {};
  for (const link of links) {
    for (const include of link.include) {
      if (isEnvironment(include)) Object.assign(out, include.env);
    }
  }
  return out;
}

function isEnvironment(include: Include): include is EnvironmentInclude {
  return include.type === "environment" && typeof include.env === "object" && include.env !== null;
}

/** `{ Name: { ...properties, type } }`, resolved to plain values: what the link-injection format carries. */
export function linkProperties(links: ResolvedLink[]): pulumi.Output<Record<string, Record<string, unknown>>> {
  return pulumi
    .all(links.map((l) => pulumi.output(l.properties)))
    .apply(
      (resolved) =>
        Object.fromEntries(
          links.map((l, i) => [l.name, { ...(resolved[i] as Record<string, unknown>), type: l.type }]),
        ) as Record<string, Record<string, unknown>>,
    ) as pulumi.Output<Record<string, Record<string, unknown>>>;
}
