/**
 * A copy of examples/app-hello (a Greeting with a dynamic resource, the ApiKey secret and the Settings
 * linkable) inside the repo, so its imports resolve, with its own empty local home. For the suites that
 * need the real engine (see ./engine.ts for how the engine is found, and the loud skip without one).
 */
import { readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { sandbox, type Sandbox } from "./engine.js";

const here = dirname(new URL(import.meta.url).pathname);
const example = join(here, "..", "..", "examples", "app-hello");

export const APP = "app-hello";

export function helloSandbox(): Sandbox {
  return sandbox(example, ["sst.config.ts", "package.json"]);
}

export const stateFile = (box: Sandbox, stage: string) => join(box.home, "state", "app", APP, `${stage}.json`);
export const lockFile = (box: Sandbox, stage: string) => join(box.home, "state", "lock", APP, `${stage}.json`);

export interface StoredResource {
  urn: string;
  type: string;
  parent?: string;
  dependencies?: string[];
  [key: string]: unknown;
}

export interface Stored {
  version: number;
  checkpoint: { latest: { resources: StoredResource[]; [key: string]: unknown }; [key: string]: unknown };
}

export const readState = (box: Sandbox, stage: string): Stored => JSON.parse(readFileSync(stateFile(box, stage), "utf8"));
export const writeState = (box: Sandbox, stage: string, state: Stored) => writeFileSync(stateFile(box, stage), JSON.stringify(state));
export const names = (state: Stored) => state.checkpoint.latest.resources.map((r) => r.urn.split("::").at(-1));
