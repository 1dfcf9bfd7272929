/**
 * The `worker` builder: bundles a Worker's handler with esbuild for workerd. One ES module, `index.mjs`,
 * whose default export is the user's default export wrapped by `wrapCloudflareHandler` (so `Resource` sees
 * every request's `env`), and which re-exports the user's named exports (Durable Objects, entrypoints).
 * Conditions `workerd, worker, browser` pick the Workers builds of packages (`@sst/sdk` resolves to its
 * Cloudflare path); `node:*` and `cloudflare:*` stay imports, served by workerd (`nodejs_compat`).
 */
import { createRequire } from "node:module";
import { isAbsolute, join, resolve } from "node:path";
import * as esbuild from "esbuild";
import { esbuildMessages, type BuildInput, type BuildResult, type Kernel } from "@sst/core";

/** Options of the `worker` builder, from the Worker's `build` arg. */
export interface WorkerBuildOptions {
  /** Minify the bundle. @default `true` */
  minify?: boolean;
  /** esbuild loaders by extension. @example `{ ".png": "file" }` */
  loader?: Record<string, esbuild.Loader>;
  /** Text put at the top of the bundle. */
  banner?: string;
  /** Replace global identifiers with constant expressions. @example `{ "process.env.MODE": '"prod"' }` */
  define?: Record<string, string>;
  /** Packages left as imports (workerd must provide them). */
  external?: string[];
}

/** Bump when the bundle for the same inputs changes: it is part of every artifact's cache key. */
export const WORKER_BUILDER_VERSION = "1";
/** The bundle's file name inside the artifact: the Worker's main module. */
export const WORKER_BUNDLE = "index.mjs";
const SDK = "@sst/sdk/cloudflare";
const require = createRequire(import.meta.url);

export function tapWorkerBuilder(kernel: Kernel): void {
  kernel.hooks.build.for("worker").tapPromise({ name: "cloudflare", version: WORKER_BUILDER_VERSION }, buildWorker);
}

export async function buildWorker(input: BuildInput): Promise<BuildResult> {
  const options = input.properties as WorkerBuildOptions;
  const spec = JSON.stringify(resolve(input.root, input.handler));
  try {
    const result = await esbuild.build({
      stdin: {
        contents: [
          `import * as handler from ${spec};`,
          `import { wrapCloudflareHandler } from ${JSON.stringify(SDK)};`,
          `export * from ${spec};`,
          `export default wrapCloudflareHandler(handler.default);`,
        ].join("\n"),
        resolveDir: input.root,
        sourcefile: "sst-worker-entry.mjs",
        loader: "js",
      },
      bundle: true,
      format: "esm",
      platform: "browser",
      target: "es2022",
      conditions: ["workerd", "worker", "browser"],
      mainFields: ["workerd", "worker", "browser", "module", "main"],
      external: ["node:*", "cloudflare:*", ...(options.external ?? [])],
      outfile: join(input.out, WORKER_BUNDLE),
      minify: options.minify ?? true,
      loader: options.loader,
      banner: options.banner ? { js: options.banner } : undefined,
      define: options.define,
      metafile: true,
      logLevel: "silent",
      plugins: [sdkFallback],
    });
    const inputs = Object.keys(result.metafile.inputs)
      .filter((file) => !file.startsWith("<stdin>"))
      .map((file) => (isAbsolute(file) ? file : resolve(file)));
    return { handler: WORKER_BUNDLE, out: input.out, inputs };
  } catch (error) {
    const failure = error as Partial<esbuild.BuildFailure>;
    if (Array.isArray(failure.errors)) return { handler: WORKER_BUNDLE, out: input.out, errors: esbuildMessages(failure.errors) };
    throw error;
  }
}

/**
 * The wrapper imports the SDK from the app (the same copy `import { Resource } from "sst"` reaches, so both
 * share one links store); an app without it gets this plugin's copy.
 */
const sdkFallback: esbuild.Plugin = {
  name: "sst-sdk-fallback",
  setup(build) {
    build.onResolve({ filter: /^@sst\/sdk\/cloudflare$/ }, async (args) => {
      if (args.pluginData === "fallback") return undefined;
      const found = await build.resolve(args.path, { kind: args.kind, resolveDir: args.resolveDir, pluginData: "fallback" });
      return found.errors.length === 0 ? found : { path: require.resolve(SDK) };
    });
  },
};
