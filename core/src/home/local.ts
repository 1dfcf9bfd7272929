/**
 * The `local` home: files under `<config dir>/state/<kind>/<app>/<stage>.json` (SST's layout). Writes go to
 * a temp file then rename, so a crash never leaves half a file; the lock is an exclusive create, so two
 * commands cannot both take it. The secrets blob's version is the SHA-256 of its bytes (each seal draws a
 * fresh nonce, so every write changes it); its compare-and-swap holds `<blob>.lock` (`file-lock.ts`) for
 * the check and the rename.
 */
import { createHash, randomBytes } from "node:crypto";
import { mkdir, readFile, readdir, rename, rm, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { corrupt, LockedError, UNKNOWN_HOLDER } from "./errors.js";
import { createWhole, withFileLock } from "./file-lock.js";
import { configDir } from "./paths.js";
import type { Home, LockInfo, StageRef, UpdateRecord, VersionedBlob } from "./types.js";

type Kind = "app" | "secret" | "lock" | "passphrase" | "linksecret";

async function readIfExists(path: string): Promise<Buffer | undefined> {
  try {
    return await readFile(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw error;
  }
}

async function writeAtomic(path: string, data: Buffer | string, mode = 0o600): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const temp = `${path}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`;
  await writeFile(temp, data, { mode });
  await rename(temp, path);
}

/**
 * Exclusive create: of two first deploys racing, one writes and the other gets `EEXIST` (and reads the
 * winner's). The file appears whole (`createWhole`), so the loser never reads it empty.
 */
async function createOnce(path: string, content: string): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  await createWhole(path, content);
}

const versionOf = (blob: Buffer) => createHash("sha256").update(blob).digest("hex");

function parseJson<T>(data: Buffer, what: string, path: string): T {
  try {
    return JSON.parse(data.toString("utf8")) as T;
  } catch (cause) {
    throw corrupt(what, path, cause);
  }
}

export class LocalHome implements Home {
  readonly name = "local";
  readonly root: string;

  constructor(options: { dir?: string } = {}) {
    this.root = options.dir ?? join(configDir(), "state");
  }

  describe(): string {
    return this.root;
  }

  path(kind: Kind, ref: StageRef): string {
    return join(this.root, kind, ref.app, `${ref.stage}.json`);
  }

  getState(ref: StageRef) {
    return readIfExists(this.path("app", ref));
  }

  putState(ref: StageRef, data: Buffer) {
    return writeAtomic(this.path("app", ref), data);
  }

  async removeState(ref: StageRef) {
    await rm(this.path("app", ref), { force: true });
  }

  async getSecrets(ref: StageRef): Promise<VersionedBlob | undefined> {
    const blob = await readIfExists(this.path("secret", ref));
    return blob && { blob, version: versionOf(blob) };
  }

  async putSecrets(ref: StageRef, blob: Buffer, expected: string | undefined): Promise<boolean> {
    const path = this.path("secret", ref);
    await mkdir(dirname(path), { recursive: true });
    return withFileLock(`${path}.lock`, async () => {
      const current = await readIfExists(path);
      if ((current && versionOf(current)) !== expected) return false;
      await writeAtomic(path, blob);
      return true;
    });
  }

  async getPassphrase(ref: StageRef) {
    const data = await readIfExists(this.path("passphrase", ref));
    return data?.toString("utf8").trim() || undefined;
  }

  createPassphrase(ref: StageRef, passphrase: string) {
    return createOnce(this.path("passphrase", ref), passphrase);
  }

  async getLinkSecret(ref: StageRef) {
    const data = await readIfExists(this.path("linksecret", ref));
    return data?.toString("utf8").trim() || undefined;
  }

  createLinkSecret(ref: StageRef, secret: string) {
    return createOnce(this.path("linksecret", ref), secret);
  }

  async lock(ref: StageRef, info: LockInfo) {
    try {
      await createOnce(this.path("lock", ref), JSON.stringify(info));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      throw new LockedError(ref, (await this.readLock(ref)) ?? UNKNOWN_HOLDER);
    }
  }

  async unlock(ref: StageRef) {
    const held = await this.readLock(ref).catch(() => undefined);
    await rm(this.path("lock", ref), { force: true });
    return held;
  }

  async readLock(ref: StageRef): Promise<LockInfo | undefined> {
    const path = this.path("lock", ref);
    const data = await readIfExists(path);
    // An empty lock file (left by an older sst whose writer died before writing it) still holds the lock.
    if (!data) return undefined;
    if (data.length === 0) return UNKNOWN_HOLDER;
    return parseJson<LockInfo>(data, "lock", path);
  }

  async putUpdate(ref: StageRef, record: UpdateRecord) {
    await writeAtomic(join(this.root, "update", ref.app, ref.stage, `${record.id}.json`), JSON.stringify(record));
  }

  async listUpdates(ref: StageRef): Promise<UpdateRecord[]> {
    const dir = join(this.root, "update", ref.app, ref.stage);
    const names = await readdir(dir).catch(() => [] as string[]);
    const records: UpdateRecord[] = [];
    for (const name of names.filter((n) => n.endsWith(".json")).sort()) {
      const data = await readIfExists(join(dir, name));
      if (data) records.push(parseJson<UpdateRecord>(data, "update record", join(dir, name)));
    }
    return records;
  }

  async listStages(app: string): Promise<string[]> {
    const names = await readdir(join(this.root, "app", app)).catch(() => [] as string[]);
    return names.filter((n) => n.endsWith(".json")).map((n) => n.slice(0, -".json".length)).sort();
  }
}
