/**
 * The Node.js builder of `@sst/aws`: builds `runtime: "nodejs"` requests (`sst.aws.Function` with a `nodejs*`
 * runtime) with esbuild. Functions requested together with the same options share an esbuild call (see
 * `EsbuildBatcher`); no esbuild context is kept between calls, so memory does not grow with the number of functions.
 *
 * The package (the artifact directory, `<out>/bundle/`) holds the bundle at the handler's path from the project
 * root (`src/api.handler` → `src/api.mjs`, handler `src/api.handler`), the `nodejs.install` packages in
 * `node_modules/` and the `copyFiles`. Source maps are always generated; unless they belong in the package
 * (`nodejs.sourcemap: true`, or `sst dev`) they go to `<out>/sourcemaps/` beside it, at the same relative paths.
 */
import { version as esbuildVersion } from "esbuild";
import { cp, mkdir, readdir, rename, stat } from "node:fs/promises";
import { availableParallelism } from "node:os";
import { dirname, join, resolve } from "node:path";
import { esbuildMessages, limiter, type BuildInput, type BuildMessage, type BuildResult, type Kernel } from "@sst/core";
import { EsbuildBatcher, type BatchOptions, type EsbuildOutcome } from "./esbuild-batch.js";
import { copyFiles, filesUnder } from "./copy-files.js";
import { isHandlerFile, locateHandler, nearest, splitHandler, upwards, type HandlerFile } from "./nodejs-handler.js";
import { installPackages } from "./nodejs-install.js";
import { esbuildPlan, type NodeBuildProperties } from "./nodejs-options.js";

/** Bumped when the builder's output changes for the same input: every cached Node.js artifact is rebuilt once. */
export const NODE_BUILDER_VERSION = "1";

/** What one kernel's Node.js builds share: the esbuild batcher, and the bound on npm installs running at once. */
interface NodeBuilder {
  esbuild: EsbuildBatcher;
  npm: <T>(task: () => Promise<T>) => Promise<T>;
}

/**
 * Registers the Node.js builder on `hooks.build.for("nodejs")`. Called by the `aws` plugin's `apply`. The owner
 * hands it twice a batch of builds at once (`BuildTapOptions.concurrency`): one batch building, the next gathering.
 */
export function registerNodeBuilder(kernel: Kernel, options: BatchOptions = {}): void {
  const builder: NodeBuilder = { esbuild: new EsbuildBatcher(options), npm: limiter(availableParallelism()) };
  kernel.hooks.build
    .for("nodejs")
    .tapPromise({ name: "aws", version: `${NODE_BUILDER_VERSION}+esbuild.${esbuildVersion}`, concurrency: 2 * builder.esbuild.maxBatch }, (input) =>
      buildNode(input, builder),
    );
}

/** Builds one Node.js function into `input.out`. */
async function buildNode(input: BuildInput, builder: NodeBuilder): Promise<BuildResult> {
  const properties = input.properties as NodeBuildProperties;
  const pkg = join(input.out, "bundle");
  await mkdir(pkg, { recursive: true });
  const built = properties.bundle !== undefined ? await useBundle(input, properties.bundle, pkg) : await bundle(input, properties, pkg, builder);
  if (built.errors.length || !properties.copyFiles?.length) return { out: pkg, ...built };
  const copied = await copyFiles(input.root, pkg, properties.copyFiles);
  return { handler: built.handler, out: pkg, inputs: [...built.inputs, ...copied.inputs], errors: copied.errors };
}

interface Built {
  handler: string;
  inputs: string[];
  errors: (string | BuildMessage)[];
}

/** esbuild over the handler's file, then the `nodejs.install` packages. */
async function bundle(input: BuildInput, properties: NodeBuildProperties, pkg: string, builder: NodeBuilder): Promise<Built> {
  const located = locateHandler(input.root, input.handler);
  if (!isHandlerFile(located)) return { handler: input.handler, inputs: [], errors: [located] };
  const handler = `${located.name}.${located.exportName}`;
  const nodejs = properties.nodejs ?? {};
  const plan = esbuildPlan(properties, input.root, input.dev || nodejs.sourcemap === true);
  if (plan.options.splitting && plan.format !== "esm") {
    return { handler, inputs: [], errors: [{ message: 'nodejs.splitting needs nodejs.format "esm" (esbuild splits ESM bundles only).' }] };
  }
  const outcome = await builder.esbuild.build(plan.options, { file: located.file, outdir: pkg, name: located.name });
  if (!outcome.ok) return { handler, inputs: [], errors: esbuildFailure(outcome) };
  if (plan.options.sourcemap === "external") await moveMaps(pkg, join(input.out, "sourcemaps"));
  const inputs = [...outcome.inputs, ...settingsFiles(located, input.root)];
  if (!nodejs.install?.length) return { handler, inputs, errors: [] };
  const request = { names: nodejs.install, root: input.root, from: dirname(located.file), dir: pkg, architecture: properties.architecture };
  const installed = await builder.npm(() => installPackages(request));
  return { handler, inputs: [...inputs, ...installed.inputs], errors: installed.errors };
}

/** `bundle`: the directory is the package, copied as is. */
async function useBundle(input: BuildInput, dir: string, pkg: string): Promise<Built> {
  const source = resolve(input.root, dir);
  const info = await stat(source).catch(() => undefined);
  if (!info?.isDirectory()) {
    return { handler: input.handler, inputs: [], errors: [{ message: `bundle ${JSON.stringify(dir)} is not a directory (looked for ${source}; the path is relative to sst.config.ts).` }] };
  }
  const base = splitHandler(input.handler)?.[0];
  const file = base && [".js", ".mjs", ".cjs"].map((ext) => base + ext).find((f) => nearest([source], f));
  if (!file) {
    return {
      handler: input.handler,
      inputs: [],
      errors: [{ message: `handler ${JSON.stringify(input.handler)}: no ${base ?? input.handler}.{js,mjs,cjs} in the bundle directory ${dir} (with \`bundle\`, the handler is relative to it).` }],
    };
  }
  await cp(source, pkg, { recursive: true, dereference: true });
  return { handler: input.handler, inputs: await filesUnder(source), errors: [] };
}

/** esbuild's errors, located in the user's code; anything else thrown as one message. */
function esbuildFailure(outcome: Extract<EsbuildOutcome, { ok: false }>): (string | BuildMessage)[] {
  if (outcome.errors) return esbuildMessages(outcome.errors);
  return [outcome.thrown instanceof Error ? outcome.thrown.message : String(outcome.thrown)];
}

/** Files esbuild's output depends on without listing them: the nearest package.json and tsconfig.json. */
function settingsFiles(handler: HandlerFile, root: string): string[] {
  const dirs = upwards(dirname(handler.file), root);
  return [nearest(dirs, "package.json"), nearest(dirs, "tsconfig.json")].filter((f): f is string => f !== undefined);
}

/** Moves every `.map` file under `from` to the same relative path under `to` (same depth: `sources` still resolve). */
async function moveMaps(from: string, to: string, rel = ""): Promise<void> {
  for (const entry of await readdir(join(from, rel), { withFileTypes: true })) {
    const path = join(rel, entry.name);
    if (entry.isDirectory()) await moveMaps(from, to, path);
    else if (entry.name.endsWith(".map")) {
      await mkdir(dirname(join(to, path)), { recursive: true });
      await rename(join(from, path), join(to, path));
    }
  }
}
