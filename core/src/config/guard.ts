/**
 * Guards around the user's code in `sst.config.ts` (its top level, `app()` and `run()`), so the ways it can
 * end a command badly become one clear error naming the file:
 * - it calls `process.exit()`: sst would stop mid-command with no message (and Pulumi's runtime would
 *   print a report about leaked promises);
 * - it never settles (a promise nothing will ever resolve): Node would exit silently with code 13 once
 *   nothing is left to run.
 */
import { AsyncLocalStorage } from "node:async_hooks";
import { readFileSync } from "node:fs";
import { basename, dirname } from "node:path";
import { SSTError, isSSTError } from "../errors.js";

/** Throws `E_CONFIG_EMPTY` for a config file that holds nothing but whitespace. */
export function assertConfigNotEmpty(configPath: string): void {
  if (readFileSync(configPath, "utf8").trim() !== "") return;
  throw new SSTError({
    code: "E_CONFIG_EMPTY",
    message: `${basename(configPath)} is empty (${configPath}).`,
    hint: "Write `export default $config({ app(input) { ... }, async run() { ... } })` in it, or delete it and run `sst init`.",
  });
}

/** `file:line:column` of the first frame of `stack` in the user's config (source-mapped), else the file name. */
export function locateInConfig(stack: string | undefined, configPath: string): string {
  const escaped = configPath.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const match = new RegExp(`${escaped}:(\\d+):(\\d+)`).exec(stack ?? "");
  return match ? `${basename(configPath)}:${match[1]}:${match[2]}` : basename(configPath);
}

/**
 * Wraps an error thrown by the user's code as a user error pointing at their file and line (from the source
 * map), so the CLI can print `sst.config.ts:12:5: message` without a stack trace.
 */
export function userCodeError(error: unknown, configPath: string, code = "E_CONFIG_RUNTIME"): unknown {
  if (isSSTError(error)) return error;
  if (!(error instanceof Error)) return new SSTError({ code, message: `${basename(configPath)} threw ${String(error)}` });
  const location = locateInConfig(error.stack, configPath);
  return new SSTError({ code, message: `${location}: ${error.message}` }, { cause: error, location });
}

/**
 * The config imports a package that is not installed: Node's message names the compiled file in
 * `.sst/platform`, which the user never wrote. Names the package and how to install it instead.
 */
export function missingPackageError(error: unknown, configPath: string): SSTError | undefined {
  if ((error as NodeJS.ErrnoException)?.code !== "ERR_MODULE_NOT_FOUND") return undefined;
  const name = /Cannot find package '([^']+)'/.exec((error as Error).message)?.[1];
  if (!name) return undefined;
  return new SSTError(
    {
      code: "E_CONFIG_PACKAGE_MISSING",
      message: `${basename(configPath)} imports "${name}", which is not installed in ${dirname(configPath)}.`,
      hint: `Install it: npm install ${name}   (for a provider or plugin: sst add <name>)`,
    },
    { cause: error },
  );
}

/**
 * An error that surfaced outside a guarded call (thrown in an Output's `apply` after `run()` returned) is the
 * user's when its stack passes through the config: then it is reported like `userCodeError`, else as is.
 */
export function strayUserError(error: unknown, configPath: string): unknown {
  if (isSSTError(error) || !(error instanceof Error) || !error.stack?.includes(configPath)) return error;
  return userCodeError(error, configPath, "E_RUN_FAILED");
}

interface Running {
  configPath: string;
  what: string;
  /** Fails the guarded call with `error`. */
  fail(error: SSTError): void;
  /** The guarded call has settled: a later exit (from a timer it left) is not its business any more. */
  done: boolean;
}

/** Which part of which config the running code belongs to: the `process.exit` guard reads it. */
const running = new AsyncLocalStorage<Running>();
let guards = 0;
let exit: typeof process.exit = process.exit;

function guardedExit(code?: number | string | null): never {
  const context = running.getStore();
  if (!context || context.done) return exit.call(process, code);
  const location = locateInConfig(new Error().stack, context.configPath);
  const error = new SSTError(
    {
      code: "E_CONFIG_EXIT",
      message: `${location}: ${context.what} called process.exit(${code ?? ""}); sst stops only when a command is done.`,
      hint: "Throw an Error instead: sst reports its message and exits with code 1.",
    },
    { location },
  );
  context.fail(error);
  // Thrown to stop the user's code where it is; called from a callback (a timer), nothing catches it.
  throw error;
}

/**
 * Runs `fn` (a part of the user's config, `what` names it: "app()", "run()") and settles with it, except:
 * a `process.exit(code)` from it fails it with `E_CONFIG_EXIT` naming the file and line of the call, and
 * when the event loop runs dry while `fn` is still pending, nothing can settle it any more: it fails with
 * `E_CONFIG_UNSETTLED`. Guards may overlap (synths in one process); each knows its own code.
 */
export async function guardUserCode<T>(configPath: string, what: string, fn: () => T | Promise<T>): Promise<T> {
  const file = basename(configPath);
  let fail!: (error: SSTError) => void;
  const failed = new Promise<never>((_, reject) => (fail = reject));
  const exitErrors = new WeakSet<object>();
  const onDrain = () =>
    fail(
      new SSTError({
        code: "E_CONFIG_UNSETTLED",
        message: `${file}: ${what} never finished: it awaits a promise that nothing resolves.`,
        hint: `Make sure every promise ${what} awaits settles (a missing resolve() or callback).`,
      }),
    );
  // The exit error thrown in a callback is already reported through `failed`: it must not crash sst.
  const onUncaught = (error: unknown) => {
    if (!exitErrors.has(error as object)) throw error;
  };
  const context: Running = {
    configPath,
    what,
    done: false,
    fail: (error) => {
      exitErrors.add(error);
      if (!process.listeners("uncaughtException").includes(onUncaught)) process.on("uncaughtException", onUncaught);
      fail(error);
    },
  };
  if (guards++ === 0) {
    exit = process.exit;
    process.exit = guardedExit as typeof process.exit;
  }
  process.once("beforeExit", onDrain);
  try {
    return await Promise.race([running.run(context, () => Promise.resolve().then(fn)), failed]);
  } finally {
    context.done = true;
    process.off("beforeExit", onDrain);
    process.off("uncaughtException", onUncaught);
    if (--guards === 0) process.exit = exit;
  }
}
