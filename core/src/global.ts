/**
 * Editor types for the globals `run()` sees without imports. Plugins add their components to the `sst`
 * namespace by augmenting `SSTNamespace`:
 *
 *   declare module "@sst/core" { interface SSTNamespace { hello: { Greeting: typeof Greeting } } }
 *
 * Provider namespaces (`aws`, `cloudflare`, ...) are typed per app by `.sst/platform/config.d.ts`.
 */
import type * as pulumi from "@pulumi/pulumi";
import type { Config, ResolvedApp } from "./config/types.js";
import type { $transform as transformFn } from "./component/transform.js";
import type { Linkable } from "./link/linkable.js";
import type { Secret } from "./link/secret.js";

/** The `sst` global. Plugins augment it. */
export interface SSTNamespace {
  Linkable: typeof Linkable;
  Secret: typeof Secret;
}

declare global {
  /** Context about the app being run. */
  const $app: Readonly<Pick<ResolvedApp, "name" | "stage" | "removal" | "protect" | "providers" | "home">>;
  /** `true` when running in `sst dev`. */
  const $dev: boolean;
  /** Types the config object of `sst.config.ts`. */
  const $config: (input: Config) => Config;
  const $interpolate: typeof pulumi.interpolate;
  const $concat: typeof pulumi.concat;
  const $resolve: typeof pulumi.all;
  const $output: typeof pulumi.output;
  const $jsonParse: typeof pulumi.jsonParse;
  const $jsonStringify: typeof pulumi.jsonStringify;
  const $transform: typeof transformFn;
  /** A file or directory, relative to the app root, as a Pulumi asset or archive. */
  const $asset: (path: string) => pulumi.asset.FileAsset | pulumi.asset.FileArchive;
  const $util: typeof pulumi;
  const sst: SSTNamespace;
}
