/**
 * `import { Resource } from "sst"`: the runtime SDK, re-exported so user code needs one package.
 * `Resource` is declared here (not re-exported) so the generated `sst-env.d.ts`, which augments module
 * "sst", can merge the app's links into it.
 */
import { Resource as runtimeResource } from "@sst/sdk";

export { ResourceError, type ResourceErrorKind } from "@sst/sdk";

export interface Resource {
  App: { name: string; stage: string };
}

export const Resource: Resource = runtimeResource;
