/**
 * Gathers the esbuild builds requested together into one esbuild call per set of identical options. esbuild then
 * parses each shared file once for all the functions of the call instead of once per function, and spreads the
 * work over every core: 300 functions build about as fast as one esbuild call over their 300 entry points, while
 * memory stays bounded by the batch size (one call over 300 entry points holds every bundle at once).
 */
import { build, type BuildOptions, type Message, type Metafile } from "esbuild";
import { dirname, join, relative, resolve, sep } from "node:path";

/** One function's bundle: `file` bundled to `<outdir>/<name><ext>`. */
export interface EsbuildJob {
  /** Absolute path of the handler's source file. */
  file: string;
  /** The function's package directory. */
  outdir: string;
  /** Path of the bundle inside `outdir`, without extension (`src/api`). */
  name: string;
}

export type EsbuildOutcome =
  /** The files the function's bundle was made from (absolute paths). */
  | { ok: true; inputs: string[] }
  /** esbuild's errors for this function, or what else was thrown. */
  | { ok: false; errors: Message[] | undefined; thrown: unknown };

export interface BatchOptions {
  /** Most functions in one esbuild call. @default 50 */
  maxBatch?: number;
  /** esbuild calls running at once (each is itself parallel). @default 1 */
  parallel?: number;
  /** How long the first builds wait for others to join them (ms). @default 10 */
  windowMs?: number;
}

interface Waiting {
  options: BuildOptions;
  job: EsbuildJob;
  done: (outcome: EsbuildOutcome) => void;
}

export class EsbuildBatcher {
  readonly maxBatch: number;
  readonly #parallel: number;
  readonly #windowMs: number;
  /** Waiting builds, by their esbuild options (as JSON). */
  readonly #waiting = new Map<string, Waiting[]>();
  #running = 0;
  #timer: NodeJS.Timeout | undefined;

  constructor(options: BatchOptions = {}) {
    this.maxBatch = options.maxBatch ?? 50;
    this.#parallel = options.parallel ?? 1;
    this.#windowMs = options.windowMs ?? 10;
  }

  /** Bundles one function, in a call of its own or with others sharing its options. Never rejects. */
  build(options: BuildOptions, job: EsbuildJob): Promise<EsbuildOutcome> {
    if (!batchable(options)) return buildAlone(options, job);
    return new Promise((done) => {
      const key = optionsKey(options);
      const list = this.#waiting.get(key) ?? [];
      list.push({ options, job, done });
      this.#waiting.set(key, list);
      this.#schedule(false);
    });
  }

  /** Starts calls while there is room: at once for a full batch (or `now`), else after the window. */
  #schedule(now: boolean): void {
    while (this.#running < this.#parallel && this.#waiting.size) {
      const [key, list] = [...this.#waiting].sort((a, b) => b[1].length - a[1].length)[0]!;
      if (!now && list.length < this.maxBatch) {
        this.#timer ??= setTimeout(() => {
          this.#timer = undefined;
          this.#schedule(true);
        }, this.#windowMs);
        return;
      }
      const batch = list.splice(0, this.maxBatch);
      if (list.length === 0) this.#waiting.delete(key);
      this.#running++;
      void this.#run(batch).finally(() => {
        this.#running--;
        this.#schedule(true); // those that arrived meanwhile have waited long enough
      });
    }
  }

  async #run(batch: Waiting[]): Promise<void> {
    if (batch.length === 1) return batch[0]!.done(await buildAlone(batch[0]!.options, batch[0]!.job));
    const options = batch[0]!.options;
    const base = commonDir(batch.map((w) => w.job.outdir));
    try {
      const result = await build({
        ...options,
        entryPoints: batch.map((w) => ({ in: w.job.file, out: join(relative(base, w.job.outdir), w.job.name) })),
        outdir: base,
      });
      for (const w of batch) w.done({ ok: true, inputs: importClosure(result.metafile!, w.job.file, options.absWorkingDir!) });
    } catch {
      // One function's error fails the whole call: build each on its own, so each gets its own errors.
      for (const w of batch) w.done(await buildAlone(w.options, w.job));
    }
  }
}

/** Plugins by identity: two option sets are the same only with the same plugin objects (JSON drops their code). */
const pluginIds = new WeakMap<object, number>();
let nextPluginId = 0;

/** The options as JSON, with each plugin named by its identity. */
function optionsKey(options: BuildOptions): string {
  const plugins = (options.plugins ?? []).map((p) => {
    if (!pluginIds.has(p)) pluginIds.set(p, nextPluginId++);
    return pluginIds.get(p);
  });
  return JSON.stringify({ ...options, plugins });
}

/**
 * Whether functions with these options can share a call: not when esbuild writes files beside the bundles that
 * belong to each package (chunks of `splitting`, assets of the `file` and `copy` loaders), as they would land in
 * the shared output directory instead.
 */
function batchable(options: BuildOptions): boolean {
  return !options.splitting && !Object.values(options.loader ?? {}).some((l) => l === "file" || l === "copy");
}

async function buildAlone(options: BuildOptions, job: EsbuildJob): Promise<EsbuildOutcome> {
  try {
    const result = await build({ ...options, entryPoints: [{ in: job.file, out: job.name }], outdir: job.outdir });
    return { ok: true, inputs: importClosure(result.metafile!, job.file, options.absWorkingDir!) };
  } catch (error) {
    const errors = (error as { errors?: Message[] }).errors;
    return { ok: false, errors: Array.isArray(errors) && errors.length ? errors : undefined, thrown: error };
  }
}

/** The deepest directory containing every one of `dirs`. */
export function commonDir(dirs: string[]): string {
  let base = resolve(dirs[0]!);
  while (!dirs.every((d) => resolve(d) === base || resolve(d).startsWith(base.endsWith(sep) ? base : base + sep))) base = dirname(base);
  return base;
}

/**
 * The files one entry point's bundle was made from: the entry and everything it imports, transitively, from
 * esbuild's metafile (whose paths are relative to `root`), without plugin namespaces (`ns:path`, not files).
 */
export function importClosure(metafile: Metafile, entry: string, root: string): string[] {
  const start = relative(root, entry).split(sep).join("/");
  const seen = new Set([start]);
  const stack = [start];
  while (stack.length) {
    for (const imported of metafile.inputs[stack.pop()!]?.imports ?? []) {
      if (imported.external || seen.has(imported.path) || !(imported.path in metafile.inputs)) continue;
      seen.add(imported.path);
      stack.push(imported.path);
    }
  }
  return [...seen].filter((path) => !/^[a-z][\w-]+:/i.test(path)).map((path) => resolve(root, path));
}
