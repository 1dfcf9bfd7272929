/**
 * A short exclusive lock for a local read-check-write (the local home's compare-and-swap of a blob): a lock
 * file that appears whole (`createWhole`), naming the process that holds it.
 *
 * Waiters retry with jittered backoff for at most `waitMs`. A lock whose holder is gone is broken: at once
 * when the holder ran on this host and its pid is dead, after `staleMs` when that cannot be checked (another
 * host, an unreadable body). The sections it guards take milliseconds, so a live holder is never broken.
 */
import { randomBytes } from "node:crypto";
import { link, readFile, rename, rm, stat, writeFile } from "node:fs/promises";
import { hostname } from "node:os";
import { setTimeout as sleep } from "node:timers/promises";
import { SSTError } from "../errors.js";

interface Holder {
  pid: number;
  host: string;
  token: string;
}

export interface FileLockOptions {
  /** How long to wait for a lock others hold before failing. Default 60 s. */
  waitMs?: number;
  /** Age after which a lock whose holder cannot be checked counts as abandoned. Default 30 s. */
  staleMs?: number;
}

/** Whether a process with this pid exists on this host (one we may not signal still exists). */
export function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

function parseHolder(data: Buffer): Holder | undefined {
  try {
    const holder = JSON.parse(data.toString("utf8")) as Partial<Holder>;
    return typeof holder.pid === "number" && typeof holder.host === "string" ? (holder as Holder) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Creates the file at `path` holding `data`, only if there is none (else throws EEXIST): written aside and
 * hard-linked into place, so a reader never sees it empty or half written.
 */
export async function createWhole(path: string, data: Buffer | string): Promise<void> {
  const temp = `${path}.${process.pid}.${randomBytes(4).toString("hex")}.new`;
  await writeFile(temp, data, { mode: 0o600 });
  try {
    await link(temp, path);
  } finally {
    await rm(temp, { force: true });
  }
}

/** Runs `fn` holding the lock file at `path`; released however `fn` ends. */
export async function withFileLock<T>(path: string, fn: () => Promise<T>, options: FileLockOptions = {}): Promise<T> {
  const token = randomBytes(8).toString("hex");
  const body = Buffer.from(JSON.stringify({ pid: process.pid, host: hostname(), token } satisfies Holder));
  await acquire(path, body, token, options);
  try {
    return await fn();
  } finally {
    // Release only our own lock (one broken as abandoned may have been taken by someone else since).
    const held = await readFile(path).catch(() => undefined);
    if (held?.equals(body)) await rm(path, { force: true });
  }
}

async function acquire(path: string, body: Buffer, token: string, options: FileLockOptions): Promise<void> {
  const waitMs = options.waitMs ?? 60_000;
  const staleMs = options.staleMs ?? 30_000;
  const deadline = Date.now() + waitMs;
  for (let attempt = 0; ; attempt++) {
    try {
      await createWhole(path, body);
      return;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    }
    if (await breakIfAbandoned(path, token, staleMs)) continue;
    if (Date.now() > deadline) throw busy(path);
    await sleep(Math.min(5 + 2 ** Math.min(attempt, 7), 200) * (0.5 + Math.random()));
  }
}

/** Moves an abandoned lock aside; true when it did. Only one of several breakers wins the rename. */
async function breakIfAbandoned(path: string, token: string, staleMs: number): Promise<boolean> {
  let seen: Buffer;
  let age: number;
  try {
    seen = await readFile(path);
    age = Date.now() - (await stat(path)).mtimeMs;
  } catch {
    return false; // released meanwhile: the next attempt takes it
  }
  const holder = parseHolder(seen);
  const checkable = holder !== undefined && holder.host === hostname();
  const abandoned = checkable ? !processAlive(holder.pid) : age > staleMs;
  if (!abandoned) return false;
  const grave = `${path}.${token}.stale`;
  try {
    await rename(path, grave);
  } catch {
    return false;
  }
  const moved = await readFile(grave).catch(() => undefined);
  // Between our read and the rename another process may have broken it and taken a fresh one: put it back.
  if (!moved?.equals(seen)) await link(grave, path).catch(() => undefined);
  await rm(grave, { force: true });
  return true;
}

function busy(path: string): SSTError {
  return new SSTError({
    code: "E_HOME_BUSY",
    message: `Timed out waiting for the lock file ${path}: another command has held it too long.`,
    hint: "If no other sst command is running, remove that file and run the command again.",
  });
}
