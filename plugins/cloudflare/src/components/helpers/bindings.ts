/**
 * The receiver side of `sst.cloudflare.binding` includes: the `receive` tap turns each one a Worker gets into
 * a native binding named with the link's name, and drops the include from the Worker's links. The Worker
 * reads what its links became with `receivedBindings(this)`.
 */
import type * as pulumi from "@pulumi/pulumi";
import { SSTError, type Kernel, type ResolvedLink } from "@sst/core";
import { BINDING_KINDS, isBinding, type BindingInclude } from "../binding.js";

/** A binding as `cloudflare.WorkersScript` takes it (`bindings: [...]`). */
export interface WorkerBinding {
  name: string;
  type: string;
  [field: string]: pulumi.Input<string> | undefined;
}

/** The link type of the components that take bindings. */
export const WORKER_LINK_TYPE = "sst.cloudflare.Worker";

const received = new WeakMap<object, WorkerBinding[]>();

/** The provider's binding for one include, named `name`. */
export function providerBinding(name: string, include: BindingInclude): WorkerBinding {
  const kind = BINDING_KINDS[include.binding];
  const out: WorkerBinding = { name, type: kind.type };
  for (const [key, value] of Object.entries(include.properties)) out[kind.fields[key] ?? key] = value;
  return out;
}

export function tapBindings(kernel: Kernel): void {
  kernel.hooks.receive.tap("cloudflare", (links: ResolvedLink[], receiver) => {
    if (receiver.type !== WORKER_LINK_TYPE || !receiver.component) return links;
    const bindings: WorkerBinding[] = [];
    const out = links.map((link) => {
      const own = link.include.filter(isBinding);
      if (own.length === 0) return link;
      if (own.length > 1) {
        throw new SSTError({
          code: "E_CLOUDFLARE_BINDING_TWICE",
          message: `"${link.name}" includes ${own.length} Cloudflare bindings, but a Worker binds a link once, under its name.`,
          hint: "Give each binding its own sst.Linkable.",
        });
      }
      bindings.push(providerBinding(link.name, own[0]!));
      return { ...link, include: link.include.filter((include) => !isBinding(include)) };
    });
    received.set(receiver.component, bindings);
    return out;
  });
}

/** The native bindings the `receive` tap made for `worker`'s links (empty when it links nothing bindable). */
export function receivedBindings(worker: object): WorkerBinding[] {
  return received.get(worker) ?? [];
}
