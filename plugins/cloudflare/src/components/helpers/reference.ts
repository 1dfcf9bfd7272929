/**
 * `static get(name, id)` for Cloudflare components: the existing resource is read with the account in its
 * state, since the Cloudflare provider reads every account-scoped resource by account and ID.
 */
import type * as pulumi from "@pulumi/pulumi";

const REF = Symbol.for("sst.cloudflare.reference");

/** What a component's constructor receives from its `static get`. */
export interface Reference {
  id: pulumi.Input<string>;
  state: Record<string, pulumi.Input<unknown>>;
}

/** Args that make a component reference `id` instead of creating a resource. */
export function referenceArgs<A extends object>(id: pulumi.Input<string>, state: Reference["state"]): A {
  return { [REF]: { id, state } } as unknown as A;
}

/** The reference `args` carry, if any. */
export function referenceOf(args: object | undefined): Reference | undefined {
  return (args as { [REF]?: Reference } | undefined)?.[REF];
}

type Gettable<R> = { get(name: string, id: pulumi.Input<pulumi.ID>, state?: any, opts?: pulumi.CustomResourceOptions): R };

/** `Class` whose `get` reads with `state` (for `Component.reference`). */
export function withState<R>(Class: Gettable<R>, state: Reference["state"]): Gettable<R> {
  return { get: (name, id, _state, opts) => Class.get(name, id, state, opts) };
}
