/**
 * The SDK's one error type. `kind` is the portable error kind from spec/link-format.md §3.2, the
 * same strings the Python, Go and Rust SDKs map to, so the shared vectors can check all four.
 * Messages name the variable or file at fault but never echo a value: values may be secrets.
 */
export type ResourceErrorKind = "not_found" | "env" | "io" | "base64" | "decryption" | "json";

export class ResourceError extends Error {
  override readonly name = "ResourceError";

  constructor(
    readonly kind: ResourceErrorKind,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}
