/** Shared by the plugin's synth tests: the app options, catching the one user-error class, IAM documents. */
import type { SynthResource } from "@sst/core/testing";
import { aws } from "@sst/aws";

export { sstError } from "../../../core/test/_helpers.js";

/** An app with the aws plugin and its default provider. */
export const awsApp = { plugins: [aws()], providers: { aws: {} } };

/** The parsed IAM document of a policy resource's `policy` input. */
export function policyOf(resource: SynthResource): { Version: string; Statement: Record<string, unknown>[] } {
  return JSON.parse(resource.inputs.policy as string);
}
