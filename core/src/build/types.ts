/** The public shapes of the build owner: what a component asks for and what it gets back. */
import type * as pulumi from "@pulumi/pulumi";

/** A built function, as the component that requested it receives it. */
export interface Artifact {
  /** Absolute path of the artifact directory (what gets zipped or uploaded). */
  dir: string;
  /** The handler to give to the platform, relative to `dir`. */
  handler: string;
  /**
   * SHA-256 (hex) of the artifact's files, paths and bytes: equal hashes mean byte-identical artifacts. Empty
   * when `skipped`.
   */
  hash: string;
  /**
   * True when builds were skipped (`sst diff --offline`, `@sst/core/testing` by default): nothing was built,
   * `dir` is where the artifact would be, `handler` is the handler as requested.
   */
  skipped: boolean;
}

/** What a component asks the kernel to build, e.g. from `sst.aws.Function`. */
export interface BuildRequest {
  /** The function's name (the component's), unique among the program's builds. Named in every build error. */
  name: string;
  /** The builder key: `hooks.build.for(runtime)` (`nodejs`, `python`, `go`, `rust`, `worker`, ...). */
  runtime: string;
  /** The handler, as given by the user (`src/api.handler`). */
  handler: pulumi.Input<string>;
  /** Runtime-specific options for the builder (part of the cache key). */
  properties?: pulumi.Input<Record<string, unknown>>;
  /**
   * Links the builder needs, resolved (part of the cache key). Pass only what the builder uses: in a preview an
   * unknown value leaves the artifact unknown.
   */
  links?: pulumi.Input<Record<string, Record<string, unknown>>>;
  /**
   * Files written into the artifact after the builder ran, by path relative to the artifact directory
   * (`{ "resource.enc": bytes }`; a string is written as UTF-8). Their contents are part of the cache key and of
   * the artifact hash.
   */
  files?: pulumi.Input<Record<string, pulumi.Input<string | Uint8Array>>>;
  /**
   * The package that provides builders for `runtime` (`@sst/aws`), named in the error when no builder is
   * registered for it.
   */
  plugin?: string;
}

/** A build's progress, for a status line. `done` and `total` count this program run's builds so far. */
export type BuildEvent =
  | { type: "start"; name: string; runtime: string; done: number; total: number }
  | {
      type: "end";
      name: string;
      runtime: string;
      /** `cached`: inputs unchanged, the artifact on disk was reused without calling the builder. */
      status: "built" | "cached" | "failed";
      done: number;
      total: number;
    };

/** How a program run builds what its components request. */
export interface BuildOptions {
  /**
   * Skip every build: each requested artifact resolves to a placeholder marked `skipped`. Default `false` for
   * `runProgram` (the engine needs artifacts), `true` for `synth`.
   */
  skip?: boolean;
  /** Builds run at once. Default: `SST_BUILD_CONCURRENCY`, else `os.availableParallelism()`. */
  concurrency?: number;
  /** Progress events (a build started or ended); the CLI draws its status line from them. */
  onEvent?: (event: BuildEvent) => void;
}
