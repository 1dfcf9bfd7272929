/** The Lambda permission that lets an AWS service (EventBridge, IoT, ...) invoke a function for one source. */
import type * as aws from "@pulumi/aws";
import type * as pulumi from "@pulumi/pulumi";

/**
 * @param functionArn The function to invoke.
 * @param principal The service, e.g. `events.amazonaws.com`.
 * @param sourceArn The one resource of that service allowed to invoke it (a rule, an authorizer).
 */
export function invokePermission(functionArn: pulumi.Input<string>, principal: string, sourceArn: pulumi.Input<string>): aws.lambda.PermissionArgs {
  return { action: "lambda:InvokeFunction", function: functionArn, principal, sourceArn };
}
