/**
 * Turns Pulumi's wire form of properties into plain JSON for the synth graph, with every secret replaced by
 * `"[secret]"`: offline output, snapshots and logs never carry secret values.
 */
export const SECRET = "[secret]";
export const UNKNOWN = "[unknown]";

// Pulumi's wire signatures (runtime/rpc.ts): these values are part of its public protocol.
const SIG = "4dabf18193072939515e22adb298388d";
const SECRET_SIG = "1b47061264138c4ac30d75fd1eb44270";
const OUTPUT_SIG = "d0e6a833031e9bbcd3f4e8bde6ca49a4";
const ASSET_SIG = "c44067f5952c0a294b673a41bacd8c17";
const ARCHIVE_SIG = "0def7320c3a5731c473e5ecbe6d01bc7";
const RESOURCE_SIG = "5cf8f73096256a8f31e491e813e4eb8e";
const UNKNOWN_VALUE = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";

/**
 * True for Pulumi's secret envelope, `{"4dabf…": "1b47…", ...}`: on the wire, and in a checkpoint where it
 * holds `ciphertext` (as stored) or `plaintext` (a `--show-secrets` export).
 */
export function isSecretEnvelope(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object" && (value as Record<string, unknown>)[SIG] === SECRET_SIG;
}

export function redact(value: unknown): unknown {
  if (value === UNKNOWN_VALUE) return UNKNOWN;
  if (Array.isArray(value)) return value.map(redact);
  if (value === null || typeof value !== "object") return value;
  if (isSecretEnvelope(value)) return SECRET;
  const obj = value as Record<string, unknown>;
  switch (obj[SIG]) {
    case OUTPUT_SIG:
      if (obj.secret) return SECRET;
      return "value" in obj ? redact(obj.value) : UNKNOWN;
    case ASSET_SIG:
      return { asset: obj.path ?? obj.uri ?? (obj.text !== undefined ? "<text>" : null) };
    case ARCHIVE_SIG:
      return { archive: obj.path ?? obj.uri ?? (obj.assets ? "<assets>" : null) };
    case RESOURCE_SIG:
      return { resource: obj.urn };
  }
  return Object.fromEntries(Object.entries(obj).map(([k, v]) => [k, redact(v)]));
}
