/** Shared by the plugin's synth tests: the app options, catching the one user-error class, IAM documents. */
import { expect } from "vitest";
import { SSTError } from "@sst/core";
import type { SynthResource } from "@sst/core/testing";
import { aws } from "@sst/aws";

/** An app with the aws plugin and its default provider. */
export const awsApp = { plugins: [aws()], providers: { aws: {} } };

/** Runs `fn` and returns the SSTError it threw; fails the test when it threw nothing or something else. */
export async function sstError(fn: () => unknown): Promise<SSTError> {
  let thrown: unknown;
  try {
    await fn();
  } catch (error) {
    thrown = error;
  }
  if (thrown === undefined) throw new Error("expected an SSTError, nothing was thrown");
  expect(thrown).toBeInstanceOf(SSTError);
  return thrown as SSTError;
}

/** The parsed IAM document of a policy resource's `policy` input. */
export function policyOf(resource: SynthResource): { Version: string; Statement: Record<string, unknown>[] } {
  return JSON.parse(resource.inputs.policy as string);
}
