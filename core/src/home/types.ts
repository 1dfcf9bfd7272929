/**
 * A home stores an app's state: the engine checkpoint, the secrets blob, the passphrase, the lock and the
 * update records, per app and stage. Core implements `local`; the aws and cloudflare plugins register theirs.
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

export interface Home {
  /** `local`, `aws`, `cloudflare`. */
  readonly name: string;
  /** Where the state lives, for humans (`~/.config/sst/state`, `s3://sst-state-…`). */
  describe(): string;

  /** The engine checkpoint (Pulumi's stack JSON), or undefined before the first deploy. */
  getState(ref: StageRef): Promise<Buffer | undefined>;
  putState(ref: StageRef, data: Buffer): Promise<void>;
  removeState(ref: StageRef): Promise<void>;

  /** The encrypted secrets blob of a stage (`stage: "_fallback"` holds the fallback secrets). */
  getSecrets(ref: StageRef): Promise<Buffer | undefined>;
  putSecrets(ref: StageRef, blob: Buffer): Promise<void>;

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
