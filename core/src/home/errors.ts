/** Errors a home raises that the CLI explains. */
import { SSTError } from "../errors.js";
import type { LockInfo, StageRef } from "./types.js";

/** The holder of a lock that exists but says nothing of itself (its writer died first, or it is unreadable). */
export const UNKNOWN_HOLDER: Readonly<LockInfo> = Object.freeze({ created: "unknown", updateID: "", command: "unknown" });

export class LockedError extends SSTError {
  readonly holder: LockInfo;
  constructor(ref: StageRef, holder: LockInfo) {
    super({
      code: "E_LOCKED",
      message: `Concurrent update detected: stage "${ref.stage}" of "${ref.app}" is locked by \`sst ${holder.command}\` (started ${holder.created}).`,
      hint: `If no other command is running, run: sst unlock --stage ${ref.stage}`,
    });
    this.holder = holder;
  }
}

export function corrupt(what: string, path: string, cause?: unknown): SSTError {
  return new SSTError(
    {
      code: "E_STATE_CORRUPT",
      message: `The ${what} at ${path} is corrupt and could not be read.`,
      hint: "Restore it from a backup, or remove it if you are sure it is not needed.",
    },
    { cause },
  );
}
