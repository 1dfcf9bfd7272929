/**
 * What `sst.aws.Function` passes to the Node.js builder (`requestBuild({ runtime: "nodejs", properties })`), and
 * the esbuild options derived from it.
 */
import type { BuildOptions, Loader } from "esbuild";
import type { CopyFile } from "./copy-files.js";

/** Configure how a Node.js function is bundled (the `nodejs` arg of `sst.aws.Function`). */
export interface NodejsArgs {
  /**
   * Use this to insert a string at the beginning of the generated JS file (after SST's own ESM banner).
   * @example { nodejs: { banner: "console.log('Function starting')" } }
   */
  banner?: string;
  /**
   * Extra esbuild options, merged over the ones SST sets (the *JS tab* of esbuild's docs). `external` is added to
   * the packages left out of the bundle; where the output goes (`entryPoints`, `outdir`, `outfile`, `outExtension`,
   * `write`, `metafile`) stays SST's.
   * @example { nodejs: { esbuild: { keepNames: false, define: { "process.env.STAGE": '"prod"' } } } }
   */
  esbuild?: BuildOptions;
  /**
   * The format of the generated JS code; ESM or CommonJS. ESM bundles are `.mjs` files that start with a banner
   * defining `require`, `__filename` and `__dirname`, so CommonJS dependencies bundled into them keep working.
   * @default `"esm"`
   * @example { nodejs: { format: "cjs" } }
   */
  format?: "cjs" | "esm";
  /**
   * Packages excluded from the bundle and installed into a `node_modules/` directory in the function package
   * instead, at the version your project uses (the one installed in `node_modules`, else the range in
   * `package.json`), for Linux and the function's architecture. They must be in a `package.json` of your project.
   * @example { nodejs: { install: ["pg"] } }
   */
  install?: string[];
  /**
   * Additional esbuild loaders for other file extensions.
   * @example { nodejs: { loader: { ".png": "file" } } }
   */
  loader?: Record<string, Loader>;
  /**
   * Minify the function code.
   * @default `true`
   * @example { nodejs: { minify: false } }
   */
  minify?: boolean;
  /**
   * Add the source maps to the function package when **deployed** (the bundle then names its `.map` file, for
   * `NODE_OPTIONS=--enable-source-maps`). Source maps are always generated: when this is `false` they are kept
   * beside the package (in `sourcemaps/` next to the artifact directory, for `hook.postbuild` or an error
   * tracker), not in it; during `sst dev` they are always in it.
   * @default `false`
   * @example { nodejs: { sourcemap: true } }
   */
  sourcemap?: boolean;
  /**
   * Bundle dynamically imported modules in their own files, with common dependencies in shared chunks
   * (`chunks/`). ESM only.
   * @default `false`
   * @example { nodejs: { splitting: true } }
   */
  splitting?: boolean;
}

/** The `properties` of a `nodejs` build request. */
export interface NodeBuildProperties {
  /** The Lambda runtime: `nodejs18.x`, `nodejs20.x`, `nodejs22.x`; sets esbuild's target. @default `"nodejs20.x"` */
  runtime?: string;
  /** The function's architecture, for the packages of `nodejs.install`. @default `"x86_64"` */
  architecture?: "x86_64" | "arm64";
  nodejs?: NodejsArgs;
  /** A directory (relative to the project root) used as the function package as is: nothing is bundled. */
  bundle?: string;
  /** Files copied into the package after the build. */
  copyFiles?: CopyFile[];
}

/**
 * Defines `require`, `__filename` and `__dirname` in an ESM bundle, as Node does for CommonJS, so bundled
 * CommonJS code that requires a built-in or reads its own path runs unchanged.
 */
export const ESM_BANNER = [
  `import { createRequire as __sst_createRequire } from "node:module";`,
  `import { fileURLToPath as __sst_fileURLToPath } from "node:url";`,
  `const require = __sst_createRequire(import.meta.url);`,
  `const __filename = __sst_fileURLToPath(import.meta.url);`,
  `const __dirname = __sst_fileURLToPath(new URL(".", import.meta.url));`,
].join("\n");

/** esbuild's target for a Lambda runtime: `nodejs22.x` → `node22`. */
export function nodeTarget(runtime: string | undefined): string {
  const major = /^nodejs(\d+)\.x$/.exec(runtime ?? "")?.[1];
  return `node${major ?? "20"}`;
}

/** Options the user cannot override: they decide where the build goes and what it reports. */
const OWN = ["entryPoints", "outdir", "outfile", "outbase", "outExtension", "write", "metafile", "absWorkingDir", "stdin"] as const;

export interface EsbuildPlan {
  format: "cjs" | "esm";
  /** The bundle's extension: `.mjs` for ESM, `.js` for CommonJS. */
  extension: ".mjs" | ".js";
  options: BuildOptions;
}

/**
 * The esbuild options of one function (entry points and output directory are added by the caller). `mapsInside`:
 * the source maps belong in the package (`sourcemap: true`, or a dev build), so the bundle links to them.
 */
export function esbuildPlan(properties: NodeBuildProperties, root: string, mapsInside: boolean): EsbuildPlan {
  const nodejs = properties.nodejs ?? {};
  const format = nodejs.format ?? "esm";
  const extension = format === "esm" ? ".mjs" : ".js";
  const user: BuildOptions = { ...(nodejs.esbuild ?? {}) };
  for (const key of OWN) delete user[key];
  const banner = [format === "esm" ? ESM_BANNER : undefined, nodejs.banner, user.banner?.js].filter((b): b is string => !!b).join("\n");
  const options: BuildOptions = {
    bundle: true,
    platform: "node",
    target: nodeTarget(properties.runtime),
    format,
    // Like SST: prefer a package's ESM build when bundling to ESM (better tree-shaking).
    mainFields: format === "esm" ? ["module", "main"] : ["main", "module"],
    minify: nodejs.minify ?? true,
    keepNames: true,
    splitting: nodejs.splitting ?? false,
    chunkNames: "chunks/[name]-[hash]",
    sourcemap: mapsInside ? "linked" : "external",
    logLevel: "silent",
    ...user,
    external: [...(nodejs.install ?? []), ...(user.external ?? [])],
    loader: { ...(user.loader ?? {}), ...(nodejs.loader ?? {}) },
    banner: { ...(user.banner ?? {}), ...(banner ? { js: banner } : {}) },
    outExtension: { ".js": extension },
    absWorkingDir: root,
    metafile: true,
    write: true,
  };
  return { format, extension, options };
}
