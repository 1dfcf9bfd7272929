/**
 * The `$` globals `run()` sees without importing anything (docs: reference/global), plus the `sst` namespace
 * and one namespace per configured provider. Installed on `globalThis` for the run and removed after.
 */
import * as pulumi from "@pulumi/pulumi";
import { statSync } from "node:fs";
import { isAbsolute, resolve } from "node:path";
import type { ResolvedApp } from "../config/types.js";
import { $transform } from "../component/transform.js";
import { Linkable } from "../link/linkable.js";
import { Secret } from "../link/secret.js";
import type { Registries } from "../registries.js";

/** `$asset(path)`: a FileArchive for a directory, a FileAsset for a file; relative paths start at the app root. */
export function createAsset(root: string) {
  return function $asset(assetPath: string): pulumi.asset.FileArchive | pulumi.asset.FileAsset {
    const full = isAbsolute(assetPath) ? assetPath : resolve(root, assetPath);
    let isDir = false;
    try {
      isDir = statSync(full).isDirectory();
    } catch {
      // A missing path is reported by the engine when it reads the asset, with the path in the message.
    }
    return isDir ? new pulumi.asset.FileArchive(full) : new pulumi.asset.FileAsset(full);
  };
}

export function createGlobals(options: {
  app: ResolvedApp;
  root: string;
  dev: boolean;
  registry: Registries;
}): Record<string, any> {
  const $app = Object.freeze({
    name: options.app.name,
    stage: options.app.stage,
    removal: options.app.removal,
    protect: options.app.protect,
    providers: options.app.providers,
    home: options.app.home,
  });
  return {
    $app,
    $dev: options.dev,
    $interpolate: pulumi.interpolate,
    $concat: pulumi.concat,
    $resolve: pulumi.all,
    $output: pulumi.output,
    $jsonParse: pulumi.jsonParse,
    $jsonStringify: pulumi.jsonStringify,
    $transform,
    $asset: createAsset(options.root),
    $util: pulumi,
    sst: options.registry.namespace({ Linkable, Secret }),
  };
}

/** Installs `globals` on `globalThis`; the returned function puts back what was there before. */
export function installGlobals(globals: Record<string, any>): () => void {
  const g = globalThis as Record<string, any>;
  const saved = new Map<string, PropertyDescriptor | undefined>();
  for (const key of Object.keys(globals)) {
    saved.set(key, Object.getOwnPropertyDescriptor(g, key));
    Object.defineProperty(g, key, { value: globals[key], configurable: true, writable: true, enumerable: false });
  }
  return () => {
    for (const [key, descriptor] of saved) {
      if (descriptor) Object.defineProperty(g, key, descriptor);
      else delete g[key];
    }
  };
}
