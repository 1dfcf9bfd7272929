/**
 * Runs the Workers of a synthesised app in workerd through miniflare, with the bindings the app would
 * deploy: each `cloudflare.WorkersScript`'s built bundle (`contentFile`) and its `bindings` inputs, mapped
 * onto miniflare's in-memory R2, KV, D1 and queues; queue consumers from the `QueueConsumer` resources.
 */
import { Miniflare, type WorkerOptions } from "miniflare";
import type { Graph, SynthResource } from "@sst/core/testing";

const SCRIPT = "cloudflare:index/workersScript:WorkersScript";

interface Binding {
  name: string;
  type: string;
  [field: string]: string;
}

/** miniflare's options for one deployed Worker script, from its synthesised inputs. */
export function workerOptions(graph: Graph, script: SynthResource): WorkerOptions {
  const inputs = script.inputs as { scriptName: string; contentFile: string; compatibilityDate: string; compatibilityFlags: string[]; bindings: Binding[] };
  const options = {
    name: inputs.scriptName,
    // One ES module, as the deploy uploads it (miniflare's own module walk refuses the SDK's dynamic import).
    modules: [{ type: "ESModule", path: inputs.contentFile }],
    compatibilityDate: inputs.compatibilityDate,
    compatibilityFlags: inputs.compatibilityFlags,
    bindings: {} as Record<string, string>,
    r2Buckets: {} as Record<string, string>,
    kvNamespaces: {} as Record<string, string>,
    d1Databases: {} as Record<string, string>,
    queueProducers: {} as Record<string, string>,
    serviceBindings: {} as Record<string, string>,
    queueConsumers: {} as Record<string, { maxBatchSize?: number; maxBatchTimeout?: number; maxRetries?: number }>,
  };
  for (const b of inputs.bindings) {
    if (b.type === "plain_text" || b.type === "secret_text") options.bindings[b.name] = b.text!;
    else if (b.type === "r2_bucket") options.r2Buckets[b.name] = b.bucketName!;
    else if (b.type === "kv_namespace") options.kvNamespaces[b.name] = b.namespaceId!;
    else if (b.type === "d1") options.d1Databases[b.name] = b.id!;
    else if (b.type === "queue") options.queueProducers[b.name] = b.queueName!;
    else if (b.type === "service") options.serviceBindings[b.name] = b.service!;
    else throw new Error(`no miniflare mapping for binding type ${b.type}`);
  }
  for (const consumer of graph.byType("cloudflare:index/queueConsumer:QueueConsumer")) {
    const c = consumer.inputs as { scriptName: string; queueId: string; settings: { batchSize: number; maxWaitTimeMs: number; maxRetries: number } };
    if (c.scriptName !== inputs.scriptName) continue;
    const queue = graph.byType("cloudflare:index/queue:Queue").find((q) => `${q.name}-id` === c.queueId)!;
    options.queueConsumers[(queue.inputs as { queueName: string }).queueName] = {
      maxBatchSize: c.settings.batchSize,
      maxBatchTimeout: c.settings.maxWaitTimeMs / 1000,
      maxRetries: c.settings.maxRetries,
    };
  }
  return options as WorkerOptions;
}

/** Starts every Worker of `graph` in one miniflare (the first one named gets requests). */
export async function runWorkers(graph: Graph, first: string): Promise<Miniflare> {
  const scripts = graph.byType(SCRIPT).sort((a, b) => (a.name === first ? -1 : b.name === first ? 1 : 0));
  const mf = new Miniflare({ workers: scripts.map((s) => workerOptions(graph, s)) });
  await mf.ready;
  return mf;
}
