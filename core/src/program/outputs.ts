/**
 * What `run()` returns becomes the stack's outputs: printed after a deploy, written to `.sst/outputs.json`
 * and kept in state, all as JSON. So it must be an object (or nothing), and every value in it must be
 * something JSON can carry; a resource stands for its URN.
 */
import * as pulumi from "@pulumi/pulumi";
import { SSTError } from "../errors.js";
import { JSON_HINT, findUnserialisable, isPlainObject } from "../link/serialisable.js";

function describe(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  if (pulumi.Output.isInstance(value)) return "a Pulumi Output";
  if (pulumi.Resource.isInstance(value)) return "a resource";
  if (typeof value === "object") return `a ${(value as object).constructor?.name ?? "object"}`;
  return `a ${typeof value}`;
}

function outputsError(message: string, hint: string): SSTError {
  return new SSTError({ code: "E_RUN_OUTPUTS", message: `run() in sst.config.ts ${message}`, hint });
}

/** Checks what `run()` returned (before Outputs in it resolve) and returns it as the outputs object. */
export function programOutputs(returned: unknown): Record<string, unknown> {
  if (returned === undefined) return {};
  if (typeof returned !== "object" || returned === null || !isPlainObject(returned)) {
    throw outputsError(
      `returned ${describe(returned)}; it must return an object of outputs, or nothing.`,
      "Return named values, e.g. return { url: api.url, bucket: bucket.name }.",
    );
  }
  assertOutputsSerialisable(returned);
  // An Output's value is known only later: check it then (the engine stores it without looking).
  return Object.fromEntries(
    Object.entries(returned as Record<string, unknown>).map(([key, value]) => [
      key,
      pulumi.Output.isInstance(value) ? value.apply((resolved) => (assertOutputsSerialisable({ [key]: resolved }), resolved)) : value,
    ]),
  );
}

/** Throws `E_RUN_OUTPUTS` naming the output's path when a value (resolved or not) cannot be JSON. */
export function assertOutputsSerialisable(outputs: unknown): void {
  const found = findUnserialisable(outputs, "outputs", { resources: true });
  if (found) throw outputsError(`returned ${found.path}: ${found.what}; outputs are stored and printed as JSON.`, `In outputs, ${JSON_HINT}; a resource stands for its URN.`);
}
