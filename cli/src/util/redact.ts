/**
 * Redaction for files that leave the machine (`sst diagnostic`): every known secret value becomes `[secret]`,
 * and so does anything that looks like a secret variable assignment, known value or not.
 */
export const REDACTED = "[secret]";

// `SST_SECRET_X=v`, `"SST_SECRET_X": "v"`, `\"PULUMI_CONFIG_PASSPHRASE\":\"v\"`, `SST_PASSPHRASE: v`.
const ASSIGNMENT = /((?:SST_SECRET_[A-Za-z0-9_]+|PULUMI_CONFIG_PASSPHRASE|SST_PASSPHRASE)\\?["']?\s*[:=]\s*\\?["']?)([^"'\s,}\\]+)/g;

/** Secret-looking values of an environment: `SST_SECRET_*`, the passphrase variables. */
export function envSecrets(env: NodeJS.ProcessEnv = process.env): string[] {
  return Object.entries(env)
    .filter(([k]) => k.startsWith("SST_SECRET_") || k === "PULUMI_CONFIG_PASSPHRASE" || k === "SST_PASSPHRASE")
    .map(([, v]) => v ?? "");
}

export function redact(text: string, values: Iterable<string>): string {
  // Longest first, so a value that contains another is replaced whole.
  const known = [...new Set(values)].filter((v) => v.length > 0).sort((a, b) => b.length - a.length);
  let out = text;
  for (const value of known) {
    out = out.split(value).join(REDACTED);
    // The same value as it appears inside a JSON string.
    const escaped = JSON.stringify(value).slice(1, -1);
    if (escaped !== value) out = out.split(escaped).join(REDACTED);
  }
  return out.replace(ASSIGNMENT, (_all, prefix: string) => prefix + REDACTED);
}
