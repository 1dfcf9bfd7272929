/** The offline synth's result: every resource the program registered, in registration order. */
import type { ResolvedLink } from "../link/types.js";

export interface SynthResource {
  urn: string;
  /** Pulumi type token. */
  type: string;
  /** Logical name. */
  name: string;
  /** The parent's URN (the stack for top-level resources). */
  parent?: string;
  /** Resolved inputs, secrets replaced by `"[secret]"`. */
  inputs: Record<string, unknown>;
  /** URNs this resource depends on (`dependsOn` and inputs from other resources). */
  dependencies: string[];
  /** `false` for components. */
  custom: boolean;
  /** Outputs a component registered (`registerOutputs`), secrets redacted. */
  outputs?: Record<string, unknown>;
  protect: boolean;
  retainOnDelete: boolean;
  ignoreChanges: string[];
  /** The `version` option: for a provider, the version of the provider plugin the engine runs. */
  version?: string;
  /** The URN of the provider resource given explicitly (or by a default provider), if any. */
  provider?: string;
  /** Set when the resource was read (`Resource.get`) rather than created. */
  id?: string;
  read?: boolean;
}

/** A top-level link as the state records it (its LinkRef): properties resolved, without `type`, secrets redacted. */
export type SynthLink = ResolvedLink<unknown>;

export interface SynthResult {
  app: { name: string; stage: string };
  resources: SynthResource[];
  /** What `run()` returned, resolved, secrets redacted. */
  outputs: Record<string, unknown>;
  links: SynthLink[];
  /** Directories of code that receives links. */
  receivers: string[];
}
