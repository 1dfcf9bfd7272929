/**
 * The components `@sst/cloudflare` adds, declared once: the kernel registers the tree (`sst.cloudflare.*`)
 * and `SSTNamespace` is typed from it. One line per component; keep it sorted.
 */
import { binding } from "./binding.js";
import { Bucket } from "./bucket.js";
import { Cron } from "./cron.js";
import { D1 } from "./d1.js";
import { dns } from "./dns.js";
import { Kv } from "./kv.js";
import { Queue } from "./queue.js";
import { Worker } from "./worker.js";

export const components = {
  cloudflare: {
    Bucket,
    Cron,
    D1,
    Kv,
    Queue,
    Worker,
    binding,
    dns,
  },
};

export type CloudflareComponents = typeof components;

export { binding, isBinding, BINDING_KINDS, type BindingInput, type BindingInclude } from "./binding.js";
export { Bucket, type BucketArgs } from "./bucket.js";
export { Cron, type CronArgs } from "./cron.js";
export { D1, type D1Args } from "./d1.js";
export { dns, AMAZON_CAS, type DnsArgs } from "./dns.js";
export { Kv, type KvArgs } from "./kv.js";
export { Queue, type QueueArgs, type QueueSubscriberArgs } from "./queue.js";
export { Worker, COMPATIBILITY_DATE, COMPATIBILITY_FLAGS, type WorkerArgs, type WorkerNodes } from "./worker.js";
export { zoneOf, type Zone } from "./helpers/zone.js";
