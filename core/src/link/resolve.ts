/**
 * The link route, in one pass: each linkable has one record (name and type taken when its name was
 * registered, its payload from `getSSTLink()` or a `Linkable.wrap` override computed once); a receiver's links
 * run through the `link` hook with the receiver, then all of them through the `receive` hook. Core owns the
 * `environment` include (`linkEnvironment`, the one merge the CLI uses too).
 */
import * as pulumi from "@pulumi/pulumi";
import { isComponent, type Component } from "../component/component.js";
import { SSTError } from "../errors.js";
import { type ActiveProgram, type LinkSource, useProgram } from "../program/context.js";
import { linkType } from "./names.js";
import { assertLinkSerialisable } from "./serialisable.js";
import type { EnvironmentInclude, Include, LinkPayload, LinkReceiver, Linkable, ResolvedLink } from "./types.js";
import { wireLinks } from "./wire.js";

/**
 * The program's record of a linkable: the one made when its name was registered, or, for one linked without
 * being registered (a child component, a raw resource created before its class was wrapped), one made now.
 */
function sourceOf(program: ActiveProgram, resource: unknown): LinkSource {
  if (resource === null || typeof resource !== "object") {
    throw new SSTError({
      code: "E_LINK_NOT_LINKABLE",
      message: `A link list holds ${resource === null ? "null" : typeof resource}, not a resource.`,
      hint: "Pass components or resources: link: [bucket, secret].",
    });
  }
  const known = program.linkables.get(resource);
  if (known) return known;
  const source: LinkSource = { name: nameOf(resource), type: linkType(typeOf(resource)), resource, recorded: false };
  payloadOf(program, source);
  program.linkables.set(resource, source);
  return source;
}

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

/** The payload a linkable gives, `Linkable.wrap` overrides first; computed once per program. */
function payloadOf(program: ActiveProgram, source: LinkSource): LinkPayload {
  if (source.payload) return source.payload;
  const wrap = program.wraps.get(source.type);
  const getSSTLink = (source.resource as Partial<Linkable>).getSSTLink;
  if (!wrap && typeof getSSTLink !== "function") {
    throw new SSTError({
      code: "E_LINK_NOT_LINKABLE",
      message: `"${source.name}" (${source.type}) cannot be linked.`,
      hint: "Wrap its class with sst.Linkable.wrap(Class, (resource) => ({ properties: {...} })), or use new sst.Linkable(...).",
    });
  }
  source.payload = wrap ? wrap(source.resource) : getSSTLink!.call(source.resource);
  return source.payload;
}

/** The payload a linkable gives, with `Linkable.wrap` overrides applied, before the `link` hook. */
export function rawLink(resource: Linkable | object): LinkPayload {
  const program = useProgram("Links");
  return payloadOf(program, sourceOf(program, resource));
}

/** A component as a receiver: its name, link-style type, and the providers its children use. */
export function receiverOf(component: Component): LinkReceiver {
  return {
    name: component.componentName,
    type: linkType(typeOf(component)),
    component,
    provider: (pkg) => component.getProvider(`${pkg}:index:LinkReceiver`),
  };
}

/**
 * Resolves the links a receiver gets. Each goes through the `link` hook (with the receiver, so a plugin can
 * change a link for one kind of receiver), then, when there is a receiver, the whole list goes through the
 * `receive` hook once (where a plugin turns the includes it owns into the receiver's policy or bindings).
 * Pass the receiving component, or a `LinkReceiver` for a receiver that is not a component; without one, the
 * links are resolved as the state records them.
 * @example const links = resolveLinks(args.link, this); // inside a component's constructor
 */
export function resolveLinks(links: readonly unknown[] | undefined, receiver?: Component | LinkReceiver): ResolvedLink[] {
  const program = useProgram("Links");
  const to = receiver === undefined ? undefined : isComponent(receiver) ? receiverOf(receiver) : (receiver as LinkReceiver);
  const sources = [...new Set(links ?? [])].map((resource) => sourceOf(program, resource));
  assertDistinctNames(sources, to);
  const resolved = sources.map((source) => resolveOne(program, source, to));
  return to ? program.hooks.receive.call(resolved, to) : resolved;
}

/** Every link the program recorded for the state (top-level linkables), resolved without a receiver. */
export function recordedLinks(program: ActiveProgram): ResolvedLink[] {
  return [...program.linkables.values()].filter((s) => s.recorded).map((source) => resolveOne(program, source, undefined));
}

function resolveOne(program: ActiveProgram, source: LinkSource, receiver: LinkReceiver | undefined): ResolvedLink {
  const raw = payloadOf(program, source);
  // Taps get copies: changing one in place leaves the linkable's own definition alone.
  const payload = program.hooks.link.call(
    { properties: { ...raw.properties }, include: [...(raw.include ?? [])] },
    { name: source.name, type: source.type, resource: source.resource, receiver },
  );
  return assertLinkSerialisable({ name: source.name, type: source.type, properties: payload.properties, include: payload.include ?? [] });
}

function assertDistinctNames(sources: LinkSource[], receiver: LinkReceiver | undefined): void {
  const seen = new Map<string, string>();
  for (const { name } of sources) {
    const clash = seen.get(name.toLowerCase());
    if (clash !== undefined) {
      throw new SSTError({
        code: "E_LINK_NAME_CLASH",
        message: `${receiver ? `"${receiver.name}" links` : "Links"} two resources named "${clash}" and "${name}": a receiver reads links by name, ignoring case.`,
        hint: "Rename one of them, or link only one.",
      });
    }
    seen.set(name.toLowerCase(), name);
  }
}

/** Core's include: environment variables for every receiver of a link. */
export function env(variables: Record<string, pulumi.Input<string>>): EnvironmentInclude {
  return { type: "environment", env: variables };
}

/**
 * Merges the `environment` includes of links (later links win on a clash): the one merge, used by components
 * in the program and by the CLI on links read from the state.
 */
export function linkEnvironment<V = pulumi.Input<string>>(links: readonly Pick<ResolvedLink<unknown>, "include">[]): Record<string, V> {
  const out: Record<string, V> = {};
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
    .apply((resolved) =>
      wireLinks(links.map((l, i) => assertLinkSerialisable({ name: l.name, type: l.type, properties: resolved[i] as Record<string, unknown> }))),
    ) as pulumi.Output<Record<string, Record<string, unknown>>>;
}
