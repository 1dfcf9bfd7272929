/**
 * Pulumi mocks for component tests: every created resource gets an `arn` and a `name` derived from its
 * logical name (unless its inputs set them), so tests can check which resource another one points at.
 * `imports` records the `import` option a resource was created with (its id, as the engine would receive it).
 */
import type * as pulumi from "@pulumi/pulumi";
import type { Graph } from "@sst/core/testing";

/** The physical name a resource was given (by the naming rules, or its component), else its logical name. */
export function nameOf(graph: Graph, logical: string): string {
  return (graph.get(logical).inputs.name as string | undefined) ?? logical;
}

export function arnOf(name: string): string {
  return `arn:aws:mock:us-east-1:123456789012:${name}`;
}

export function trackingMocks(calls: Record<string, (inputs: any) => Record<string, unknown>> = {}) {
  const imports: Record<string, string | undefined> = {};
  const mocks: Partial<pulumi.runtime.Mocks> = {
    newResource: (a) => {
      if (a.id) imports[a.name] = a.id;
      return { id: a.id ?? `${a.name}-id`, state: { arn: arnOf(a.name), name: a.name, ...a.inputs } };
    },
    call: (a) => (calls[a.token] ? calls[a.token]!(a.inputs) : a.inputs),
  };
  return { mocks, imports };
}
