/**
 * Every hook of the kernel, in one frozen object, grouped in the order things happen:
 * config → program → component → transform → link → receive → build → deploy → dev.
 *
 * Each hook says when it runs, what a tap receives, what returning does, and whether taps run in series or in
 * parallel. Ordering between taps is explicit: use tapable's `stage` (lower runs first, default 0) or `before`
 * (the name of a plugin whose tap this one must precede). `hooks.test.ts` pins this list.
 */
import {
  AsyncSeriesBailHook,
  AsyncSeriesHook,
  AsyncSeriesWaterfallHook,
  HookMap,
  SyncHook,
  SyncWaterfallHook,
} from "tapable";
import type * as pulumi from "@pulumi/pulumi";
import type { ResolvedApp } from "./config/types.js";
import type { Component } from "./component/component.js";
import type { LinkPayload, LinkReceiver, ResolvedLink } from "./link/types.js";

/** What the `config` taps see beside the config itself. */
export interface ConfigContext {
  /** Absolute path of the `sst.config.ts` being loaded. */
  configPath: string;
  /** The CLI command being run (`deploy`, `diff`, ...). */
  command: string;
}

/** What `bootstrap` taps see. */
export interface BootstrapContext {
  app: ResolvedApp;
  /** The CLI command being run (`deploy`, `diff`, ...). */
  command: string;
  /** True when the program will run with `$dev` (`sst dev`, `sst deploy --dev`). */
  dev: boolean;
  /**
   * The results so far, by plugin name; the home's own `bootstrap` result is already here under the home's
   * name. A tap adds its result under its plugin's name (`context.results.live = { http, realtime }`);
   * components read them with `useBootstrap("live")`. Keep them JSON-like and free of secrets.
   */
  results: Record<string, unknown>;
}

/** The program being run: the `program` taps use it to install globals and read the app. */
export interface ProgramContext {
  app: ResolvedApp;
  /** Project root (the directory of `sst.config.ts`). */
  root: string;
  /** `true` under `sst dev`. */
  dev: boolean;
  /**
   * The global scope `run()` sees. Taps add to it (`globals.aws = awsModule`); components go into `globals.sst`
   * through `kernel.registry.component`, and reading a name there that nobody registered throws a user error.
   * Core installs `$app`, `$dev`, `$interpolate` and the others before any tap runs.
   */
  globals: Record<string, any>;
  /** What the home and the `bootstrap` taps prepared for this command, by name (empty offline). */
  bootstrap: Readonly<Record<string, unknown>>;
}

/** The outcome of the user's `run()`. */
export interface ProgramResult {
  /** What `run()` returned: the app's outputs. */
  outputs: Record<string, unknown>;
  /**
   * Every function the run built (not when builds were skipped), with what it asked for: `sst dev` keeps them to
   * build the same functions again for local runs (`rebuild`).
   */
  builds: BuildRecord[];
}

/** One build of a program run: the request as the builder received it, and the artifact. */
export interface BuildRecord {
  /** The request, inputs resolved: pass it to `rebuild` to build the function again. */
  job: import("./build/owner.js").BuildJob;
  artifact: import("./build/types.js").Artifact;
}

/** The value the `transform` waterfall passes along: the args and options of the resource about to be created. */
export interface TransformValue {
  props: Record<string, any>;
  opts: pulumi.ResourceOptions;
}

/** Who is being created, for `transform` taps. */
export interface TransformContext {
  /** The Pulumi type token, e.g. `aws:s3/bucketV2:BucketV2`. */
  type: string;
  /** The logical name. */
  name: string;
  /** The nearest SST component this resource belongs to, if any. */
  component?: Component;
  /** The resource being created (its outputs are not resolved yet). */
  resource: pulumi.Resource;
}

/** Who a link payload belongs to and who receives it, for `link` taps. */
export interface LinkContext {
  /** The link name (the component's name). */
  name: string;
  /** The link type, `sst.aws.Bucket` style. */
  type: string;
  /** The linked component or resource. */
  resource: object;
  /** Who receives the link; undefined when core records the app's links for the state (`sst shell`, types). */
  receiver?: LinkReceiver;
}

/** Input to a runtime builder. Plugins extend it with their own fields. */
export interface BuildInput {
  /** The function's name (the component that requested the build), for messages. */
  name: string;
  runtime: string;
  /** The handler, as given by the user (`src/api.handler`). */
  handler: string;
  /** Project root. */
  root: string;
  /** Directory to write the build into. */
  out: string;
  /** Whether this is a dev (live) build. */
  dev: boolean;
  /** Runtime-specific options, straight from the component args. */
  properties: Record<string, unknown>;
  /** The links this function receives, already resolved. */
  links: Record<string, Record<string, unknown>>;
}

/** One build error, located in the user's code when the builder knows where (esbuild's `location`). */
export interface BuildMessage {
  message: string;
  /** The file, absolute or relative to the project root. */
  file?: string;
  /** 1-based. */
  line?: number;
  /** 1-based. */
  column?: number;
}

/** What a builder returns. */
export interface BuildResult {
  /** The handler to give to the platform, relative to `out`. */
  handler: string;
  /** The artifact directory: `input.out` or a directory inside it. */
  out: string;
  /**
   * Files the build read (absolute, or relative to the project root). Their contents are part of the cache key:
   * when none changed, the next run reuses the artifact without calling the builder. Also watched in dev.
   */
  inputs?: string[];
  /** Errors that failed the build; a non-empty list fails it. */
  errors?: (string | BuildMessage)[];
}

/**
 * Extra options of a `build` tap: `hooks.build.for("nodejs").tapPromise({ name: "aws", version: "1.2.0" }, fn)`.
 * `version` is part of every artifact's cache key: bump it when the builder's output changes.
 */
export interface BuildTapOptions {
  version?: string;
  /**
   * How many of this builder's builds the owner runs at once, instead of the run's build concurrency
   * (`SST_BUILD_CONCURRENCY`). For a builder that bounds its own work, e.g. one that gathers the builds requested
   * together into one esbuild call (itself parallel), and so must be handed many at once. Applies when every tap
   * of the runtime sets it (the smallest wins).
   */
  concurrency?: number;
}

export type EngineOperation = "deploy" | "diff" | "remove" | "refresh";

export interface DeployEvent {
  operation: EngineOperation;
  app: ResolvedApp;
}

export interface DeployResult {
  ok: boolean;
  outputs: Record<string, unknown>;
  /** Resource errors, by component name. */
  errors: { name: string; message: string }[];
}

export interface DevContext {
  app: ResolvedApp;
}

export interface InvocationEvent {
  /** The function's link name. */
  name: string;
  requestId: string;
  phase: "start" | "end" | "error";
  payload?: unknown;
}

function createHooks() {
  return Object.freeze({
    /**
     * After `app()` ran and the defaults were applied, before validation is final.
     * AsyncSeriesWaterfall: each tap receives the app and returns it (changed or not); the last value is
     * validated again, so a plugin cannot produce an invalid app.
     */
    config: new AsyncSeriesWaterfallHook<[ResolvedApp, ConfigContext]>(["app", "context"]),
    /**
     * Once per command that runs the program against a stage (`deploy`, `diff`, `remove`, `refresh`, `dev`),
     * after the home's own `bootstrap` and before the stage's lock: plugins that need something set up
     * outside the app's state (the live plugin's AppSync endpoint) do it here. AsyncSeries: each tap stores
     * its result in `context.results[<plugin name>]`; return values are ignored. Not called offline.
     */
    bootstrap: new AsyncSeriesHook<[BootstrapContext]>(["context"]),
    /**
     * Around the user's `run()`. AsyncSeries: `before` taps install globals (`sst.aws`, provider namespaces)
     * on `context.globals`; `after` taps see the outputs. Return values are ignored.
     */
    program: Object.freeze({
      before: new AsyncSeriesHook<[ProgramContext]>(["context"]),
      after: new AsyncSeriesHook<[ProgramContext, ProgramResult]>(["context", "result"]),
    }),
    /**
     * Once for each SST component, after it is fully constructed: its most-derived constructor has returned,
     * so a tap reads the subclass's fields and `nodes` (its children exist). The hook fires in a microtask
     * queued by the base constructor, in construction order (a parent before the children it created), and
     * always before `run()`'s next `await` resumes and before links resolve; code that runs synchronously
     * right after `new` sees the component before the taps did. Sync: taps may observe or decorate the
     * component; return values are ignored. A tap that throws stops the program: its error is thrown by the
     * next component constructor or when `run()` settles. Components of a `run()` that throws are not
     * announced. To change what a component creates, use `transform`.
     */
    component: new SyncHook<[Component]>(["component"]),
    /**
     * For every resource the program creates (component children and top-level resources alike), before it is
     * registered. SyncWaterfall (Pulumi transformations are synchronous): each tap receives `{props, opts}` and
     * returns them (changed or not). User `transform` args were already merged when the child was created,
     * so every tap sees them. Core's one tap runs at stage 100, after plugin taps (default stage 0): it fills
     * physical names and applies the removal policy.
     */
    transform: new SyncWaterfallHook<[TransformValue, TransformContext]>(["value", "context"]),
    /**
     * For each link of each receiver (and once per top-level link without a receiver, for the state).
     * SyncWaterfall over a copy of `{properties, include}`: plugins change what a link gives, per receiver if
     * they like (`context.receiver`), and return the payload; core owns the `environment` include.
     */
    link: new SyncWaterfallHook<[LinkPayload, LinkContext]>(["payload", "context"]),
    /**
     * Once per receiver (a component given `link: [...]`), with all its links after the `link` hook.
     * SyncWaterfall over the links: a plugin turns the includes it owns into effects on the receiver (one IAM
     * policy for every `aws.permission`, Worker bindings for `cloudflare.binding`), creating resources under
     * `receiver.component` with `receiver.provider(pkg)`, and returns the links (dropping what it consumed).
     */
    receive: new SyncWaterfallHook<[ResolvedLink[], LinkReceiver]>(["links", "receiver"]),
    /**
     * Keyed by runtime (`nodejs`, `python`, `go`, `rust`, `worker`, ...). AsyncSeriesBail: the first tap that
     * returns a result wins; returning `undefined` passes to the next builder. Called by the kernel's build owner
     * (`requestBuild`), never by components, with bounded concurrency and a cache in front.
     */
    build: new HookMap(() => new AsyncSeriesBailHook<[BuildInput], BuildResult | undefined, BuildTapOptions>(["input"])),
    /**
     * Around each engine operation. AsyncSeries: `before` may throw to stop the operation; `after` receives the
     * result (where users attach "run a migration after deploy"). Return values are ignored.
     */
    deploy: Object.freeze({
      before: new AsyncSeriesHook<[DeployEvent]>(["event"]),
      after: new AsyncSeriesHook<[DeployEvent, DeployResult]>(["event", "result"]),
    }),
    /**
     * `sst dev`: `start` and `stop` are AsyncSeries around the dev session; `invocation` is Sync, called for each
     * function invocation event. Return values are ignored.
     */
    dev: Object.freeze({
      start: new AsyncSeriesHook<[DevContext]>(["context"]),
      stop: new AsyncSeriesHook<[DevContext]>(["context"]),
      invocation: new SyncHook<[InvocationEvent]>(["event"]),
    }),
  });
}

export type KernelHooks = ReturnType<typeof createHooks>;

/** @internal Used by the kernel only. */
export { createHooks as _createHooks };
