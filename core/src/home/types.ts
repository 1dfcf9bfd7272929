/**
 * A home stores an app's state: the engine checkpoint, the secrets blob, the passphrase, the lock and the
 * update records, per app and stage. Core implements `local`; the aws and cloudflare plugins register theirs.
 *
 * Nothing is lost when commands run at once; every write is one of:
 * - under the stage lock: `putState`, `removeState`, `putUpdate` (a record is written by the run that holds
 *   the lock, or by `sst unlock` after it released it);
 * - create-once: `createPassphrase` and `createLinkSecret` refuse to overwrite (an `EEXIST` error), and what
 *   they create is readable whole at once, so a creator that lost the race reads the winner's;
 * - compare-and-swap: the secrets blob (`getSecrets` gives a version, `putSecrets` writes only at that
 *   version). Secrets do not need the stage lock, so `sst secret set` works while a deploy runs; the deploy
 *   uses the values it read when it started.
 */

export interface StageRef {
  app: string;
  stage: string;
}

/** What the lock holds: who took it and when. */
export interface LockInfo {
  /** RFC 3339. */
  created: string;
  updateID: string;
  /** The command that holds it (`deploy`, `remove`, ...). */
  command: string;
  pid?: number;
  host?: string;
}

/** One run of an engine command. */
export interface UpdateRecord {
  id: string;
  command: string;
  /** The CLI version that ran it. */
  version: string;
  timeStarted: string;
  timeCompleted?: string;
  errors: { urn?: string; message: string }[];
}

/** A stored blob and its version: an opaque token that changes on every write (a hash, an ETag). */
export interface VersionedBlob {
  blob: Buffer;
  version: string;
}

export interface Home {
  /** `local`, `aws`, `cloudflare`. */
  readonly name: string;
  /** Where the state lives, for humans (`~/.config/sst/state`, `s3://sst-state-…`). */
  describe(): string;

  /** The engine checkpoint (Pulumi's stack JSON), or undefined before the first deploy. */
  getState(ref: StageRef): Promise<Buffer | undefined>;
  putState(ref: StageRef, data: Buffer): Promise<void>;
  removeState(ref: StageRef): Promise<void>;

  /**
   * The encrypted secrets blob of a stage (`stage: "_fallback"` holds the fallback secrets) and its version,
   * or undefined when it has none. Change it with `updateSecrets`, which retries `putSecrets` on conflict.
   */
  getSecrets(ref: StageRef): Promise<VersionedBlob | undefined>;
  /**
   * Writes the secrets blob **only if** it is still at version `expected` (`undefined`: only if there is no
   * blob): a compare-and-swap. Returns false, writing nothing, when another writer got there first; the
   * caller reads again and retries. Of N concurrent calls with the same `expected`, at most one returns true.
   * The local home takes a short lock file around check-and-rename; an object store uses a conditional
   * PUT: S3 `If-Match: <ETag>` (or `If-None-Match: *` to create), where 412 Precondition Failed (and 409
   * ConditionalRequestConflict) mean false, and R2 the same headers.
   */
  putSecrets(ref: StageRef, blob: Buffer, expected: string | undefined): Promise<boolean>;

  /** The stage's passphrase (base64 of 32 bytes). */
  getPassphrase(ref: StageRef): Promise<string | undefined>;
  /** Stores a new passphrase; must refuse to overwrite one that exists (it would orphan the state). */
  createPassphrase(ref: StageRef, passphrase: string): Promise<void>;

  /**
   * The stage's link secret (base64 of 32 bytes): the keys of its functions' link files are derived from it
   * (spec/link-format.md §2.2), so it must outlive every deploy, like the passphrase.
   */
  getLinkSecret(ref: StageRef): Promise<string | undefined>;
  /** Stores a new link secret; must refuse to overwrite one that exists (an `EEXIST` error), like `createPassphrase`. */
  createLinkSecret(ref: StageRef, secret: string): Promise<void>;

  /**
   * Takes the stage's lock **atomically**: of N concurrent callers exactly one succeeds; the others get a
   * `LockedError` carrying the holder's info.
   */
  lock(ref: StageRef, info: LockInfo): Promise<void>;
  /** Releases the lock; returns what it held (undefined if there was none). */
  unlock(ref: StageRef): Promise<LockInfo | undefined>;
  readLock(ref: StageRef): Promise<LockInfo | undefined>;

  putUpdate(ref: StageRef, record: UpdateRecord): Promise<void>;
  /** Newest first. */
  listUpdates(ref: StageRef): Promise<UpdateRecord[]>;

  /** Stages of an app that have state. */
  listStages(app: string): Promise<string[]>;

  /**
   * Optional: sets up what the app's resources need beside the state (the AWS home's asset bucket), once per
   * command, before the lock is taken. What it returns, components read with `useBootstrap(<home name>)`;
   * keep it JSON-like and free of secrets.
   */
  bootstrap?(): Promise<unknown>;
}

/** The stage name under which fallback secrets are stored. */
export const FALLBACK_STAGE = "_fallback";
