/** The process a worker runs for each runtime: our Node.js and Python runtimes, or the artifact's `bootstrap`. */
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { LocalArtifact } from "./pool.js";

// The package root, from `src/workers/` (tests) or `dist/workers/` (the published package) alike.
const root = fileURLToPath(new URL("../../", import.meta.url));

/** The Node.js runtime, as compiled into `dist/` (a worker runs plain JavaScript). */
export const NODE_RUNTIME = join(root, "dist", "workers", "node-runtime.js");
/** The Python runtime, shipped in the package's `runtimes/`. */
export const PYTHON_RUNTIME = join(root, "runtimes", "python_runtime.py");

export function workerCommand(runtime: string, artifact: LocalArtifact): { command: string; args: string[] } {
  if (runtime.startsWith("nodejs")) return { command: process.execPath, args: ["--enable-source-maps", NODE_RUNTIME] };
  if (runtime.startsWith("python")) return { command: process.env.SST_PYTHON ?? "python3", args: ["-u", PYTHON_RUNTIME] };
  // go, rust and provided.*: the artifact is a Lambda custom runtime.
  return { command: join(artifact.dir, artifact.handler === "bootstrap" ? "bootstrap" : artifact.handler), args: [] };
}
