/**
 * `@sst/cloudflare`: the Cloudflare provider plugin. Applied automatically to an app whose `home` is
 * `"cloudflare"` or whose `providers` name `cloudflare`. It adds `sst.cloudflare.*` (Worker, Bucket, Kv, D1,
 * Queue, Cron, `dns`, `binding`), the default `cloudflare` provider, the `worker` builder, Worker bindings for
 * links, and the `cloudflare` home (state in R2).
 *
 * @example
 * export default $config({
 *   app: () => ({ name: "my-app", home: "cloudflare" }),
 *   run() { new sst.cloudflare.Worker("Api", { handler: "index.ts", url: true }) },
 * });
 */
import { definePlugin } from "@sst/core";
import { tapWorkerBuilder } from "./build/worker-builder.js";
import { components, type CloudflareComponents } from "./components/index.js";
import { tapBindings } from "./components/helpers/bindings.js";
import { openCloudflareHome } from "./home/open.js";
import { NAMING, RETAINED, cloudflareProvider } from "./provider.js";
import { workersTypes } from "./workers-types.js";

export * from "./components/index.js";
export { buildWorker, WORKER_BUNDLE, WORKER_BUILDER_VERSION, type WorkerBuildOptions } from "./build/worker-builder.js";
export { receivedBindings, providerBinding, type WorkerBinding } from "./components/helpers/bindings.js";
export { cloudflareProvider, NAMING, RETAINED } from "./provider.js";
export * from "./home/index.js";
export { workersTypes, hasWorkersTypes } from "./workers-types.js";

export function cloudflare() {
  return definePlugin({
    name: "cloudflare",
    components,
    apply(kernel) {
      kernel.registry.provider("cloudflare", cloudflareProvider);
      for (const [type, rule] of Object.entries(NAMING)) kernel.registry.namingRule(type, rule);
      kernel.registry.retain(...RETAINED);
      kernel.registry.home("cloudflare", openCloudflareHome);
      tapBindings(kernel);
      tapWorkerBuilder(kernel);
      kernel.registry.linkTyper(workersTypes);
    },
  });
}

export default cloudflare;

declare module "@sst/core" {
  interface SSTNamespace extends CloudflareComponents {}
}
