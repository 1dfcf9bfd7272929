/** The encoder's input and output shapes. */

/** The app and stage every SDK exposes as `Resource.App`. */
export interface AppInfo {
  name: string;
  stage: string;
}

/** One link's properties (already including its `type`), keyed by link name. */
export type Links = Record<string, Record<string, unknown>>;

/**
 * Where the links go:
 * - `"file"`: an encrypted `resource.enc` plus `SST_KEY`/`SST_KEY_FILE` (Lambda-style artifacts);
 * - `"env"`: one `SST_RESOURCE_<Name>` var per link (containers, `sst shell`, dev children);
 * - `"env-json"`: one `SST_RESOURCES_JSON` var (platforms that upper-case env names).
 */
export type LinkTarget = "env" | "file" | "env-json";

export interface EncodeInput {
  app: AppInfo;
  links: Links;
  target: LinkTarget;
  /**
   * The stage's link secret: base64 of at least 32 random bytes, created once per stage and kept by the
   * home (`Home.getLinkSecret`). Required for target `"file"`, whose key is derived from it and the
   * plaintext; ignored by the env targets. Never a key itself.
   */
  secret?: string;
}

export interface EncodedFile {
  /** Base64 of the 32-byte key; the same value as `env.SST_KEY`. */
  key: string;
  /** ciphertext || 16-byte GCM tag. */
  bytes: Buffer;
  name: "resource.enc";
}

export interface EncodeResult {
  env: Record<string, string>;
  /** Present only for target `"file"`. */
  file?: EncodedFile;
}
