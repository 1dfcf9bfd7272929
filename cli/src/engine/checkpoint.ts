/**
 * The engine's checkpoint (Pulumi's stack JSON) as the home stores it: parsed and checked when pulled, and
 * cleaned of pending operations a killed run left behind.
 */
import { SSTError } from "@sst/core";

export interface Checkpoint {
  version: number;
  checkpoint: {
    stack?: string;
    latest?: {
      resources?: CheckpointResource[];
      pending_operations?: { resource: { urn: string; type: string }; type: string }[];
      [key: string]: unknown;
    };
    [key: string]: unknown;
  };
}

export interface CheckpointResource {
  urn: string;
  type: string;
  custom?: boolean;
  id?: string;
  parent?: string;
  dependencies?: string[];
  propertyDependencies?: Record<string, string[]>;
  inputs?: Record<string, unknown>;
  outputs?: Record<string, unknown>;
  protect?: boolean;
  [key: string]: unknown;
}

export function parseCheckpoint(data: Buffer | string, where: string): Checkpoint {
  let parsed: unknown;
  try {
    parsed = JSON.parse(data.toString());
  } catch (cause) {
    throw corruptState(where, cause);
  }
  const cp = parsed as Partial<Checkpoint>;
  if (!cp || typeof cp !== "object" || typeof cp.version !== "number" || !cp.checkpoint || typeof cp.checkpoint !== "object") {
    throw corruptState(where);
  }
  const resources = cp.checkpoint.latest?.resources;
  if (resources !== undefined && (!Array.isArray(resources) || resources.some((r) => !r || typeof r.urn !== "string"))) {
    throw corruptState(where);
  }
  return cp as Checkpoint;
}

function corruptState(where: string, cause?: unknown): SSTError {
  return new SSTError(
    {
      code: "E_STATE_CORRUPT",
      message: `The state at ${where} is not a valid engine checkpoint.`,
      hint: "Restore it from a backup, or `sst state repair` if it is only partly damaged. Nothing was changed.",
    },
    { cause },
  );
}

/**
 * Drops operations that were in flight when a run was killed. Their resources are re-created or re-read on
 * the next run; left in place, they stop every later deploy.
 */
export function clearPending(cp: Checkpoint): { checkpoint: Checkpoint; cleared: string[] } {
  const pending = cp.checkpoint.latest?.pending_operations ?? [];
  if (pending.length === 0) return { checkpoint: cp, cleared: [] };
  const latest = { ...cp.checkpoint.latest, pending_operations: [] };
  return {
    checkpoint: { ...cp, checkpoint: { ...cp.checkpoint, latest } },
    cleared: pending.map((p) => `${p.type} ${p.resource.urn}`),
  };
}

export function resourcesOf(cp: Checkpoint | undefined): CheckpointResource[] {
  return cp?.checkpoint.latest?.resources ?? [];
}
