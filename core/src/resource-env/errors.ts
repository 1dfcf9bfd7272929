/**
 * The one error type of the encoder. `code` is stable (callers and tests branch on it); the
 * message names the bad input and lists every problem at once so a config is fixed in one pass.
 */
export type ResourceEnvErrorCode =
  | "E_LINK_INPUT" // the app, a link name or a link value cannot be encoded
  | "E_LINK_DECRYPT" // key or bytes do not authenticate
  | "E_LINK_JSON"; // the decrypted plaintext is not a JSON object

export class ResourceEnvError extends Error {
  override readonly name = "ResourceEnvError";

  constructor(
    readonly code: ResourceEnvErrorCode,
    message: string,
    readonly problems: readonly string[] = [],
    options?: { cause?: unknown },
  ) {
    super(problems.length ? `${message}\n${problems.map((p) => `  - ${p}`).join("\n")}` : message, options);
  }
}
