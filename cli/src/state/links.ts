/**
 * The app's links as the last deploy left them: the outputs of each `sst:sst:LinkRef` in the state
 * (`{target, properties, include}`). Secret values inside are the engine's secret envelopes: sealed
 * (`ciphertext`) in the stored state, open (`plaintext`) in a `--show-secrets` export.
 */
import { LINK_REF_TYPE, SSTError, isSecretEnvelope as isEnvelope, readLinkRef, type ResolvedLink } from "@sst/core";
import type { CheckpointResource } from "../engine/checkpoint.js";

/** A link read from the state: values may still hold engine secret envelopes (`reveal` opens them). */
export type StateLink = ResolvedLink<unknown>;

export function linksInState(resources: CheckpointResource[]): StateLink[] {
  return resources.flatMap((r) => (r.type === LINK_REF_TYPE ? (readLinkRef(checkedOutputs(r)) ?? []) : []));
}

/** A LinkRef's outputs, when its properties are an object (or absent): anything else is a damaged state. */
function checkedOutputs(r: CheckpointResource): CheckpointResource["outputs"] {
  const properties = r.outputs?.properties;
  if (typeof r.outputs?.target === "string" && properties !== undefined && (typeof properties !== "object" || properties === null || Array.isArray(properties))) {
    throw new SSTError({
      code: "E_STATE_CORRUPT",
      message: `The state's link "${r.outputs.target}" (${r.urn}) has properties that are not an object.`,
      hint: "Deploy again to rewrite it, or restore the state from a backup.",
    });
  }
  return r.outputs;
}

/** True when a sealed secret is anywhere inside: reading it needs the engine. */
export function hasSealedSecrets(value: unknown): boolean {
  if (isEnvelope(value)) return "ciphertext" in value;
  if (value === null || typeof value !== "object") return false;
  return Object.values(value).some(hasSealedSecrets);
}

/** The value with every open secret envelope replaced by its value. A sealed one is an error. */
export function reveal(value: unknown): unknown {
  if (isEnvelope(value)) {
    if (typeof value.plaintext !== "string") {
      throw new SSTError({ code: "E_STATE_SECRET_SEALED", message: "A secret in the state could not be decrypted by the engine." });
    }
    return reveal(JSON.parse(value.plaintext));
  }
  if (Array.isArray(value)) return value.map(reveal);
  if (value === null || typeof value !== "object") return value;
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, reveal(v)]));
}
