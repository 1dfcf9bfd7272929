/**
 * The synth setup of the cloudflare tests: the plugin, an account, and mocks standing in for the Cloudflare
 * API where a component reads from it (the account's zones, its workers.dev subdomain).
 */
import type * as pulumi from "@pulumi/pulumi";
import { synth, type Graph } from "@sst/core/testing";
import { cloudflare } from "@sst/cloudflare";

export const ACCOUNT = "0123456789abcdef0123456789abcdef";
export const ZONES = [
  { id: "zone-example", name: "example.com" },
  { id: "zone-dev", name: "dev.example.com" },
  { id: "zone-other", name: "other.org" },
];

export const mocks: Partial<pulumi.runtime.Mocks> = {
  newResource: (a) => ({
    id: a.custom ? `${a.name}-id` : undefined,
    state: a.type.endsWith("WorkersDevSubdomain") ? { ...a.inputs, subdomain: "my-team" } : a.inputs,
  }),
  call: (a) => (a.token === "cloudflare:index/getZones:getZones" ? { ...a.inputs, results: ZONES } : a.inputs),
};

/** Synthesises `run` with the cloudflare plugin and account `ACCOUNT`. */
export function synthCloudflare(run: () => unknown, extra: Parameters<typeof synth>[0] extends infer O ? Partial<O> : never = {}): Promise<Graph> {
  return synth({ plugins: [cloudflare()], providers: { cloudflare: { accountId: ACCOUNT } }, mocks, ...extra, run });
}

type Binding = { name: string; type: string; [field: string]: unknown };

/** The bindings of the Worker script named `<worker>Script`. */
export function bindingsOf(graph: Graph, worker: string): Binding[] {
  return graph.get(`${worker}Script`, "cloudflare:index/workersScript:WorkersScript").inputs.bindings as Binding[];
}
