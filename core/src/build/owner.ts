/**
 * The build owner: one per program run. Builds every function the program requests through
 * `hooks.build.for(runtime)`, at most `concurrency` at once, reusing unchanged artifacts from the cache, and
 * reports every failure of the run together when the program ends. It keeps no build output in memory: builders
 * write to disk, and the owner holds only paths and hashes.
 */
import { stat, mkdir, writeFile } from "node:fs/promises";
import { dirname, isAbsolute, join, normalize, relative, resolve } from "node:path";
import { SSTError, isSSTError, type Problem } from "../errors.js";
import type { Kernel } from "../kernel.js";
import { cachePaths, clear, reusable, storedPath, writeManifest, type CachePaths } from "./cache.js";
import { buildConcurrency, limiter } from "./concurrency.js";
import { BuildFailure, buildProblems, noBuilder } from "./errors.js";
import { hashBytes, hashFile, hashTree, hashValue, listFiles } from "./hash.js";
import type { Artifact, BuildEvent, BuildOptions } from "./types.js";

type BuildHook = NonNullable<ReturnType<Kernel["hooks"]["build"]["get"]>>;

/** A request with its inputs resolved. */
export interface BuildJob {
  name: string;
  runtime: string;
  plugin?: string;
  handler: string;
  properties: Record<string, unknown>;
  links: Record<string, Record<string, unknown>>;
  /** `null`: a value that was neither text nor bytes. */
  files: Record<string, Uint8Array | null>;
}

/** A claimed build: where its artifact goes, and its place in the order errors are reported in. */
export interface BuildSlot {
  paths: CachePaths;
  order: number;
}

export interface BuildOwnerOptions {
  kernel: Kernel;
  root: string;
  dev: boolean;
  build?: BuildOptions;
}

/** Thrown inside one build: the problems to report for it. */
class Problems extends Error {
  constructor(readonly problems: Problem[]) {
    super(problems.map((p) => p.message).join("\n"));
  }
}

export class BuildOwner {
  readonly skip: boolean;
  readonly #kernel: Kernel;
  readonly #root: string;
  readonly #dev: boolean;
  readonly #onEvent?: (event: BuildEvent) => void;
  readonly #limit: <T>(task: () => Promise<T>) => Promise<T>;
  /** The limiters of builders that set their own concurrency (`BuildTapOptions.concurrency`), by runtime. */
  readonly #ownLimits = new Map<string, <T>(task: () => Promise<T>) => Promise<T>>();
  /** Claimed names, by lower-cased file name (artifact directories must differ on case-insensitive disks too). */
  readonly #names = new Map<string, string>();
  readonly #pending = new Set<Promise<unknown>>();
  readonly #failures: { order: number; problems: Problem[] }[] = [];
  /** Input file hashes of this run, by path, size and mtime: functions sharing files hash them once. */
  readonly #hashes = new Map<string, Promise<string>>();
  #done = 0;
  #total = 0;
  #abandoned = false;
  /** What this run built, in completion order (`ProgramResult.builds`). */
  readonly records: { job: BuildJob; artifact: Artifact }[] = [];

  constructor(options: BuildOwnerOptions) {
    this.skip = options.build?.skip ?? false;
    this.#kernel = options.kernel;
    this.#root = options.root;
    this.#dev = options.dev;
    this.#onEvent = options.build?.onEvent;
    this.#limit = limiter(this.skip ? 1 : buildConcurrency(options.build?.concurrency));
  }

  /** Reserves `name` for one build; a second build under the same name is a user error. */
  claim(name: string): BuildSlot {
    if (typeof name !== "string" || name.length === 0) {
      throw new SSTError({ code: "E_BUILD_NAME", message: "A build was requested without a name.", hint: "Pass the function's name to requestBuild." });
    }
    const file = name.replace(/[^A-Za-z0-9_-]/g, "_") + (this.#dev ? ".dev" : "");
    const taken = this.#names.get(file.toLowerCase());
    if (taken !== undefined) {
      throw new SSTError({
        code: "E_BUILD_DUPLICATE",
        message: `Two functions request a build under the name "${name}"${taken === name ? "" : ` (the other is "${taken}")`}.`,
        hint: "Give each function its own name.",
      });
    }
    this.#names.set(file.toLowerCase(), name);
    return { paths: cachePaths(this.#root, file), order: this.#names.size };
  }

  /** Keeps `settle` waiting for `promise` (a request whose inputs are not resolved yet). Never rejects. */
  track(promise: Promise<unknown>): void {
    const tracked = promise.then(
      () => undefined,
      () => undefined,
    );
    this.#pending.add(tracked);
    void tracked.then(() => this.#pending.delete(tracked));
  }

  /** Builds one function (or reuses its cached artifact); rejects with a `BuildFailure` once its problems are recorded. */
  async build(job: BuildJob, slot: BuildSlot): Promise<Artifact> {
    if (this.skip) return { dir: slot.paths.dir, handler: job.handler, hash: "", skipped: true };
    if (this.#abandoned) throw new BuildFailure(job.name);
    this.#total++;
    return this.#limitFor(job.runtime)(async () => {
      if (this.#abandoned) throw new BuildFailure(job.name);
      this.#emit({ type: "start", name: job.name, runtime: job.runtime, done: this.#done, total: this.#total });
      let status: "built" | "cached" | "failed" = "failed";
      try {
        const { artifact, cached } = await this.#buildOne(job, slot.paths);
        status = cached ? "cached" : "built";
        this.records.push({ job, artifact });
        return artifact;
      } catch (error) {
        this.#failures.push({ order: slot.order, problems: this.#problemsOf(job, error) });
        throw new BuildFailure(job.name);
      } finally {
        this.#done++;
        this.#emit({ type: "end", name: job.name, runtime: job.runtime, status, done: this.#done, total: this.#total });
      }
    });
  }

  /**
   * Waits for every requested build, including requests made while waiting; then throws one `SSTError` with the
   * problems of every failed build, in request order.
   */
  async settle(): Promise<void> {
    await this.#drain();
    if (this.#failures.length === 0) return;
    const problems = this.#failures.sort((a, b) => a.order - b.order).flatMap((f) => f.problems);
    this.#failures.length = 0;
    throw new SSTError(problems);
  }

  /** The program failed: start no more builds, let the running ones finish, report nothing. */
  async abandon(): Promise<void> {
    this.#abandoned = true;
    await this.#drain();
    this.#failures.length = 0;
  }

  /**
   * The run's limiter, or the builder's own when every tap of the runtime sets `concurrency` (the smallest wins):
   * a builder that gathers builds into one tool run bounds its work itself, and needs to see them together.
   */
  #limitFor(runtime: string): <T>(task: () => Promise<T>) => Promise<T> {
    const taps = this.#kernel.hooks.build.get(runtime)?.taps ?? [];
    const own = taps.map((t) => (t as { concurrency?: number }).concurrency);
    if (taps.length === 0 || !own.every((c): c is number => Number.isSafeInteger(c) && c! >= 1)) return this.#limit;
    let limit = this.#ownLimits.get(runtime);
    if (!limit) this.#ownLimits.set(runtime, (limit = limiter(Math.min(...own))));
    return limit;
  }

  async #drain(): Promise<void> {
    while (this.#pending.size) await Promise.all([...this.#pending]);
  }

  async #buildOne(job: BuildJob, paths: CachePaths): Promise<{ artifact: Artifact; cached: boolean }> {
    const hook = this.#kernel.hooks.build.get(job.runtime);
    if (!hook?.isUsed()) throw new Problems([noBuilder(job.name, job.runtime, job.plugin)]);
    const files = Object.entries(job.files).sort(([a], [b]) => (a < b ? -1 : 1)).map(([path, data]) => [path, checkFile(job, path, data)] as const);
    const key = hashValue({
      builders: hook.taps.map((t) => [t.name, (t as { version?: string }).version ?? null]),
      runtime: job.runtime,
      handler: job.handler,
      dev: this.#dev,
      properties: job.properties,
      links: job.links,
      files: files.map(([path, data]) => [path, hashBytes(data)]),
    });
    const hit = await reusable(this.#root, paths, key, this.#hashInput);
    if (hit) return { artifact: { dir: join(paths.dir, hit.out), handler: hit.handler, hash: hit.hash, skipped: false }, cached: true };

    await clear(paths);
    await mkdir(paths.dir, { recursive: true });
    try {
      return { artifact: await this.#runBuilder(job, paths, hook, files, key), cached: false };
    } catch (error) {
      await clear(paths); // a failed build leaves nothing behind
      throw error;
    }
  }

  async #runBuilder(job: BuildJob, paths: CachePaths, hook: BuildHook, files: readonly (readonly [string, Uint8Array])[], key: string): Promise<Artifact> {
    const { name, runtime, handler, properties, links } = job;
    const result = await hook.promise({ name, runtime, handler, properties, links, root: this.#root, out: paths.dir, dev: this.#dev });
    if (!result) {
      const names = hook.taps.map((t) => t.name).join(", ");
      throw new Problems(buildProblems(name, runtime, [`none of the "${runtime}" builders (${names}) built it.`], this.#root));
    }
    if (result.errors?.length) throw new Problems(buildProblems(name, runtime, result.errors, this.#root));
    const out = resolve(paths.dir, result.out);
    const within = relative(paths.dir, out);
    if (within.startsWith("..") || isAbsolute(within)) {
      throw new Problems(buildProblems(name, runtime, [`the builder put the artifact in ${out}, outside its output directory ${paths.dir}.`], this.#root));
    }
    for (const [path, data] of files) {
      await mkdir(dirname(join(out, path)), { recursive: true });
      await writeFile(join(out, path), data);
    }
    const stamps = await listFiles(out);
    const hash = await hashTree(out, stamps);
    const inputs: Record<string, string> = {};
    for (const file of [...new Set(result.inputs ?? [])].sort()) inputs[storedPath(this.#root, file)] = await this.#hashInput(resolve(this.#root, file));
    await writeManifest(paths, { key, out: within.split("\\").join("/"), handler: result.handler, hash, inputs, files: stamps });
    return { dir: out, handler: result.handler, hash, skipped: false };
  }

  /** An input's hash; `absent` for a file that does not exist (a virtual input), so it matches until one appears. */
  #hashInput = async (file: string): Promise<string> => {
    const info = await stat(file).catch((error: NodeJS.ErrnoException) => {
      if (error.code === "ENOENT" || error.code === "ENOTDIR") return undefined;
      throw error;
    });
    if (!info) return "absent";
    const memo = `${file}\0${info.size}\0${info.mtimeMs}`;
    let hash = this.#hashes.get(memo);
    if (!hash) this.#hashes.set(memo, (hash = hashFile(file)));
    return hash;
  };

  #problemsOf(job: BuildJob, error: unknown): Problem[] {
    if (error instanceof Problems) return error.problems;
    if (isSSTError(error)) return error.problems.map((p) => ({ ...p, message: `Function "${job.name}" (${job.runtime}): ${p.message}` }));
    return buildProblems(job.name, job.runtime, [error instanceof Error ? error.message : String(error)], this.#root);
  }

  #emit(event: BuildEvent): void {
    try {
      this.#onEvent?.(event);
    } catch {
      // A status line that fails must not fail the build.
    }
  }
}

/** An added file must be bytes and land inside the artifact. */
function checkFile(job: BuildJob, path: string, data: Uint8Array | null): Uint8Array {
  const clean = normalize(path);
  const inside = path.length > 0 && !isAbsolute(path) && clean !== ".." && !clean.startsWith("../") && !clean.startsWith("..\\");
  if (inside && data !== null) return data;
  throw new Problems([
    inside
      ? {
          code: "E_BUILD_FILE_VALUE",
          message: `Function "${job.name}" (${job.runtime}): the added file ${JSON.stringify(path)} is neither text nor bytes.`,
          hint: "Pass a string or a Buffer (a Buffer that went through pulumi.output() or pulumi.secret() is copied into a plain object: return it from an apply instead).",
        }
      : {
          code: "E_BUILD_FILE_PATH",
          message: `Function "${job.name}" (${job.runtime}): the added file ${JSON.stringify(path)} is not a path inside the artifact.`,
          hint: "Name added files by a relative path inside the artifact, like resource.enc.",
        },
  ]);
}
