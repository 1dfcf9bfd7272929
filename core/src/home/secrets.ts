/**
 * The secrets blob: a JSON map `{Name: value}` sealed with AES-256-GCM under the stage's passphrase
 * (base64 of 32 bytes), a random 12-byte nonce per write. Layout: nonce ‖ ciphertext ‖ 16-byte tag
 * (the layout SST uses, so a stage's secrets stay readable by either tool).
 */
import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";
import { setTimeout as sleep } from "node:timers/promises";
import { SSTError } from "../errors.js";
import { FALLBACK_STAGE, type Home, type StageRef, type VersionedBlob } from "./types.js";

const NONCE = 12;
const TAG = 16;

function keyOf(passphrase: string, what = "The stage's passphrase"): Buffer {
  const key = Buffer.from(passphrase, "base64");
  if (key.length !== 32) {
    throw new SSTError({ code: "E_PASSPHRASE_INVALID", message: `${what} is not base64 of 32 bytes.` });
  }
  return key;
}

export function sealSecrets(passphrase: string, secrets: Record<string, string>): Buffer {
  const nonce = randomBytes(NONCE);
  const cipher = createCipheriv("aes-256-gcm", keyOf(passphrase), nonce);
  const body = Buffer.concat([cipher.update(JSON.stringify(secrets), "utf8"), cipher.final()]);
  return Buffer.concat([nonce, body, cipher.getAuthTag()]);
}

export function openSecrets(passphrase: string, blob: Buffer, where = "secrets"): Record<string, string> {
  const fail = (cause?: unknown) =>
    new SSTError(
      {
        code: "E_SECRETS_CORRUPT",
        message: `The ${where} could not be decrypted: the blob is corrupt or was written with another passphrase.`,
        hint: "Restore it from a backup, or remove it and set the secrets again.",
      },
      { cause },
    );
  const key = keyOf(passphrase);
  if (blob.length < NONCE + TAG) throw fail();
  let plain: string;
  try {
    const decipher = createDecipheriv("aes-256-gcm", key, blob.subarray(0, NONCE));
    decipher.setAuthTag(blob.subarray(blob.length - TAG));
    plain = Buffer.concat([decipher.update(blob.subarray(NONCE, blob.length - TAG)), decipher.final()]).toString("utf8");
  } catch (cause) {
    throw fail(cause);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(plain);
  } catch (cause) {
    throw fail(cause);
  }
  if (!parsed || typeof parsed !== "object" || Array.isArray(parsed) || Object.values(parsed).some((v) => typeof v !== "string")) {
    throw fail();
  }
  return parsed as Record<string, string>;
}

/** A new passphrase: `SST_PASSPHRASE` when set (for sharing a stage across machines), else 32 random bytes. */
export function newPassphrase(env: NodeJS.ProcessEnv = process.env): string {
  // Checked before the home stores it: a bad one would be written, then fail every command on the stage.
  if (env.SST_PASSPHRASE) keyOf(env.SST_PASSPHRASE, "SST_PASSPHRASE");
  return env.SST_PASSPHRASE || randomBytes(32).toString("base64");
}

/** A new link secret for a stage: 32 random bytes, base64 (spec/link-format.md §2.2). */
export function newLinkSecret(): string {
  return randomBytes(32).toString("base64");
}

/** How the secrets of a stage are named in messages. */
export function secretsLabel(ref: StageRef): string {
  return ref.stage === FALLBACK_STAGE ? "fallback secrets" : `secrets of stage "${ref.stage}"`;
}

const opened = (passphrase: string, ref: StageRef, stored: VersionedBlob | undefined) =>
  stored ? openSecrets(passphrase, stored.blob, secretsLabel(ref)) : {};

/** The secrets of one stage (`{ stage: FALLBACK_STAGE }` for the fallback set), opened with its passphrase. */
export async function readSecrets(home: Home, ref: StageRef, passphrase: string): Promise<Record<string, string>> {
  return opened(passphrase, ref, await home.getSecrets(ref));
}

const ATTEMPTS = 200;

/**
 * Changes a stage's secrets without losing a concurrent change: reads the blob and its version, lets
 * `change` edit the opened map (it may throw to abort, writing nothing), and writes it back only if no one
 * wrote in between (`Home.putSecrets`); when someone did, starts over from their blob. Returns what
 * `change` returned.
 */
export async function updateSecrets<T>(
  home: Home,
  ref: StageRef,
  passphrase: string,
  change: (secrets: Record<string, string>) => T,
): Promise<T> {
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    const stored = await home.getSecrets(ref);
    const secrets = opened(passphrase, ref, stored);
    const result = change(secrets);
    if (await home.putSecrets(ref, sealSecrets(passphrase, secrets), stored?.version)) return result;
    // Lost the race: back off a little (jittered, so the losers do not collide again in step).
    await sleep(Math.min(2 ** Math.min(attempt, 6), 50) * Math.random());
  }
  throw new SSTError({
    code: "E_SECRETS_CONFLICT",
    message: `The ${secretsLabel(ref)} kept changing under this command (${ATTEMPTS} attempts); nothing was written.`,
    hint: "Other commands are writing them in a loop: run the command again when they are done.",
  });
}
