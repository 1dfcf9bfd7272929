/**
 * The secrets blob: a JSON map `{Name: value}` sealed with AES-256-GCM under the stage's passphrase
 * (base64 of 32 bytes), a random 12-byte nonce per write. Layout: nonce ‖ ciphertext ‖ 16-byte tag
 * (the layout SST uses, so a stage's secrets stay readable by either tool).
 */
import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";
import { SSTError } from "../errors.js";

const NONCE = 12;
const TAG = 16;

function keyOf(passphrase: string): Buffer {
  const key = Buffer.from(passphrase, "base64");
  if (key.length !== 32) {
    throw new SSTError({ code: "E_PASSPHRASE_INVALID", message: "The stage's passphrase is not base64 of 32 bytes." });
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
  return env.SST_PASSPHRASE || randomBytes(32).toString("base64");
}

/** A new link secret for a stage: 32 random bytes, base64 (spec/link-format.md §2.2). */
export function newLinkSecret(): string {
  return randomBytes(32).toString("base64");
}
