/**
 * A component's child-creating methods handed to a helper (`Component.create` and `reference` are
 * protected): helpers that build part of a component (a custom domain, an access log) create its children
 * through the same path, so `transform`, naming and parenting stay the component's.
 */
import type * as pulumi from "@pulumi/pulumi";
import type { Component, ResourceClass } from "@sst/core";

export interface ChildFactory {
  /** The component's name (children are `<name><suffix>`). */
  name: string;
  /** The component itself, for children created outside `create` (DNS records through an adapter). */
  parent: Component;
  create<R extends pulumi.Resource, A extends object>(key: string, Class: ResourceClass<R, A>, suffix: string, args: A, opts?: pulumi.CustomResourceOptions): R;
  reference<R extends pulumi.Resource>(
    key: string,
    Class: { get(name: string, id: pulumi.Input<pulumi.ID>, state?: any, opts?: pulumi.CustomResourceOptions): R },
    suffix: string,
    id: pulumi.Input<string>,
  ): R;
}

/** The `ChildFactory` of `component`: called by the component itself, which hands its helpers its own methods. */
export function childFactory(component: Component): ChildFactory {
  const methods = component as unknown as Pick<ChildFactory, "create" | "reference">;
  return { name: component.componentName, parent: component, create: methods.create.bind(component), reference: methods.reference.bind(component) };
}
