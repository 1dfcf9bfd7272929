/**
 * `sst state remove <name>`: drops a resource, and everything parented under it, from the state (the cloud
 * resources are left alone), then repairs what referenced them. Pure: takes a checkpoint, returns a new one.
 */
import { SSTError } from "@sst/core";
import { resourcesOf, type Checkpoint, type CheckpointResource } from "../engine/checkpoint.js";
import { closeNames } from "../util/close-names.js";
import { nameOfUrn, providerUrn, STACK_TYPE } from "./refs.js";
import { repairCheckpoint } from "./repair.js";

export interface Removal {
  checkpoint: Checkpoint;
  /** The removed resources, the named one first. */
  removed: CheckpointResource[];
  /** What the repair after the removal changed (references to removed resources dropped). */
  changes: string[];
}

/** `target` is a logical name (the URN's last segment) or a whole URN. */
export function removeFromCheckpoint(cp: Checkpoint, target: string): Removal {
  const resources = resourcesOf(cp);
  const matches = resources.filter((r) => r.urn === target || nameOfUrn(r.urn) === target);
  const urns = [...new Set(matches.map((r) => r.urn))];
  if (urns.length === 0) throw unknownName(target, resources);
  if (urns.length > 1) {
    throw new SSTError({
      code: "E_STATE_NAME_AMBIGUOUS",
      message: `"${target}" names ${urns.length} resources in the state; pass the URN of the one to remove.`,
      hint: urns.join("\n"),
    });
  }
  const root = urns[0]!;
  if (matches.some((r) => r.type === STACK_TYPE)) {
    throw new SSTError({
      code: "E_STATE_REMOVE_STACK",
      message: `"${target}" is the stack itself, which holds every resource of the stage.`,
      hint: "To remove the whole stage, run `sst remove`.",
    });
  }
  const gone = new Set([root]);
  // Children are listed after their parent in a healthy state, but a damaged one may not be: repeat until stable.
  for (let grew = true; grew; ) {
    grew = false;
    for (const r of resources) {
      if (r.parent && gone.has(r.parent) && !gone.has(r.urn)) {
        gone.add(r.urn);
        grew = true;
      }
    }
  }
  const users = resources.filter((r) => !gone.has(r.urn) && typeof r.provider === "string" && gone.has(providerUrn(r.provider)));
  if (users.length) {
    throw new SSTError({
      code: "E_STATE_PROVIDER_IN_USE",
      message: `"${target}" is the provider of ${users.map((r) => nameOfUrn(r.urn)).join(", ")}; remove those first.`,
    });
  }
  const removed = resources.filter((r) => gone.has(r.urn)).sort((a, b) => Number(b.urn === root) - Number(a.urn === root));
  const latest = { ...cp.checkpoint.latest, resources: resources.filter((r) => !gone.has(r.urn)) };
  const repaired = repairCheckpoint({ ...cp, checkpoint: { ...cp.checkpoint, latest } });
  return { checkpoint: repaired.checkpoint, removed, changes: repaired.changes };
}

function unknownName(target: string, resources: CheckpointResource[]): SSTError {
  const names = resources.filter((r) => r.type !== STACK_TYPE).map((r) => nameOfUrn(r.urn));
  const close = closeNames(target, names);
  return new SSTError({
    code: "E_STATE_NAME_UNKNOWN",
    message: `No resource named "${target}" in the state${close.length ? `; close names: ${close.join(", ")}` : ""}.`,
    hint: "Run `sst state list` to see the names.",
  });
}
