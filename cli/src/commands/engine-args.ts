/** Flags shared by the engine commands (deploy, diff, remove, refresh). */
import { globalArgs } from "../args.js";

export const targetArg = {
  target: { type: "string", description: "Only these components and what depends on them (comma separated)", valueHint: "Name,..." },
} as const;

export const engineArgs = { ...globalArgs, ...targetArg } as const;
