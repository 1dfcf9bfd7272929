/** `Resource` for Workers: parsed `SST_RESOURCE_*` strings and native bindings of the worker's env. */
import { cloudflareLinks } from "./_cloudflare-store.js";
import { createResourceProxy } from "./_proxy.js";
import type { Resource as ResourceShape } from "./resource.js";

export const Resource: ResourceShape = createResourceProxy<ResourceShape>({ load: cloudflareLinks, target: () => undefined });
