/**
 * The encoder's error: an `SSTError` (the one user-error family, so the CLI renders it as a user error:
 * message, hint, exit 1, no stack). `code` is stable (callers and tests branch on it); the message names
 * the bad input and lists every problem at once so a config is fixed in one pass.
 */
import { SSTError } from "../errors.js";

export type ResourceEnvErrorCode =
  | "E_LINK_INPUT" // the app, a link name or a link value cannot be encoded
  | "E_LINK_DECRYPT" // key or bytes do not authenticate
  | "E_LINK_JSON"; // the decrypted plaintext is not a JSON object

const HINTS: Record<ResourceEnvErrorCode, string> = {
  E_LINK_INPUT:
    "Link names are component names; link properties must be JSON values (strings without lone UTF-16 surrogates). Rename the component or change the property.",
  E_LINK_DECRYPT: "The key (SST_KEY) and the link file (resource.enc) must come from the same build.",
  E_LINK_JSON: "The link file was not written by SST's encoder: rebuild the artifact.",
};

export class ResourceEnvError extends SSTError {
  declare readonly code: ResourceEnvErrorCode;
  /** Every problem found, one line each, in input order (also listed in `message`). */
  readonly details: readonly string[];

  constructor(code: ResourceEnvErrorCode, message: string, details: readonly string[] = [], options?: { cause?: unknown }) {
    super({ code, message: details.length ? `${message}\n${details.map((p) => `  - ${p}`).join("\n")}` : message, hint: HINTS[code] }, options);
    this.details = details;
  }
}
