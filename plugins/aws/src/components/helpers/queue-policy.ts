/**
 * The queue policy that lets AWS services (EventBridge, SNS, S3) send to an SQS queue a component subscribes.
 * Every subscriber writes the same document, so several subscriptions of one queue agree on its policy (an
 * SQS queue has one policy); it is kept on delete for the same reason.
 */
import type * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { queueUrl } from "./arn.js";

/** A queue as subscribers take it: an `sst.aws.Queue` (or anything with an `arn`) or a queue ARN. */
export type QueueInput = pulumi.Input<string | { arn: pulumi.Input<string> }>;

/** The ARN of a `QueueInput`. */
export function queueArnOf(queue: QueueInput): pulumi.Output<string> {
  // Not `pulumi.output(queue)`: a Queue component is a resource, not data to unwrap.
  if (typeof queue === "string") return pulumi.output(queue);
  if (pulumi.Output.isInstance(queue)) return queue.apply((q) => (typeof q === "string" ? pulumi.output(q) : pulumi.output(q.arn)));
  return pulumi.output((queue as { arn: pulumi.Input<string> }).arn);
}

/** The services allowed to send to a subscribed queue. */
export const QUEUE_SENDERS = ["events.amazonaws.com", "s3.amazonaws.com", "sns.amazonaws.com"];

/** The args of the `aws.sqs.QueuePolicy` for `queueArn`. `where` names the component in errors. */
export function queuePolicyArgs(queueArn: pulumi.Output<string>, where: string): aws.sqs.QueuePolicyArgs {
  return {
    queueUrl: queueArn.apply((arn) => queueUrl(arn, where)),
    policy: queueArn.apply((arn) =>
      JSON.stringify({
        Version: "2012-10-17",
        Statement: [{ Effect: "Allow", Principal: { Service: QUEUE_SENDERS }, Action: "sqs:SendMessage", Resource: arn }],
      }),
    ),
  };
}
