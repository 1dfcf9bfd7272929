/** How many builds run at once, and the queue that keeps to it. */
import { availableParallelism } from "node:os";
import { SSTError } from "../errors.js";

export const CONCURRENCY_ENV = "SST_BUILD_CONCURRENCY";

/**
 * The build concurrency: `given` (from `BuildOptions`), else `SST_BUILD_CONCURRENCY`, else the CPU count. Anything
 * but a whole number of 1 or more is a user error naming where it came from.
 */
export function buildConcurrency(given: number | undefined, env: NodeJS.ProcessEnv = process.env): number {
  if (given !== undefined) return check(given, "The build option `concurrency`", String(given));
  const raw = env[CONCURRENCY_ENV];
  if (raw === undefined || raw.trim() === "") return availableParallelism();
  return check(/^\s*\d+\s*$/.test(raw) ? Number(raw) : NaN, CONCURRENCY_ENV, JSON.stringify(raw));
}

function check(value: number, where: string, shown: string): number {
  if (Number.isSafeInteger(value) && value >= 1) return value;
  throw new SSTError({
    code: "E_BUILD_CONCURRENCY",
    message: `${where} must be a whole number of 1 or more, got ${shown}.`,
    hint: `Set ${CONCURRENCY_ENV} to how many functions may build at once (e.g. 4), or unset it to use the CPU count (${availableParallelism()}).`,
  });
}

/** Runs tasks with at most `max` in flight, the rest waiting in order. */
export function limiter(max: number): <T>(task: () => Promise<T>) => Promise<T> {
  let running = 0;
  const waiting: (() => void)[] = [];
  const next = () => {
    if (running >= max) return;
    const start = waiting.shift();
    if (!start) return;
    running++;
    start();
  };
  return (task) =>
    new Promise((resolve, reject) => {
      waiting.push(() => {
        Promise.resolve()
          .then(task)
          .then(resolve, reject)
          .finally(() => {
            running--;
            next();
          });
      });
      next();
    });
}
