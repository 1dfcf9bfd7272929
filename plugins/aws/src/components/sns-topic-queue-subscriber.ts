/**
 * `SnsTopicQueueSubscriber` (../docs 55-snstopicqueuesubscriber.md): an SQS queue subscribed to an SNS topic,
 * with the queue policy that lets SNS send to it. Returned by `SnsTopic.subscribeQueue`.
 */
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { Component } from "@sst/core";
import { queueArnOf, queuePolicyArgs, type QueueInput } from "./helpers/queue-policy.js";
import { parseArn } from "./helpers/resource-arn.js";
import type { Queue } from "./queue.js";
import { filterPolicy } from "./sns-topic-lambda-subscriber.js";
import type { SnsTopicSubscriberArgs } from "./sns-topic.js";

export interface SnsTopicQueueSubscriberArgs extends SnsTopicSubscriberArgs {
  /** The topic to subscribe to. */
  topic: pulumi.Input<{ /** The ARN of the topic. */ arn: pulumi.Input<string> }>;
  /** The queue: a `Queue`, or the ARN of a queue. */
  queue: pulumi.Input<string> | Queue;
}

export class SnsTopicQueueSubscriber extends Component {
  static readonly __pulumiType = "sst:aws:SnsTopicQueueSubscriber";
  readonly #policy: aws.sqs.QueuePolicy;
  readonly #subscription: aws.sns.TopicSubscription;

  constructor(name: string, args: SnsTopicQueueSubscriberArgs, opts: pulumi.ComponentResourceOptions = {}) {
    super(SnsTopicQueueSubscriber.__pulumiType, name, args, opts);
    if (typeof args.queue === "string") parseArn(args.queue, "sqs", `SnsTopicQueueSubscriber "${name}": queue`);
    const queueArn = queueArnOf(args.queue as QueueInput);
    // Kept on delete: other subscriptions of the queue rely on the same (one) queue policy.
    this.#policy = this.create("policy", aws.sqs.QueuePolicy, "Policy", queuePolicyArgs(queueArn, `SnsTopicQueueSubscriber "${name}"`), {
      retainOnDelete: true,
    });
    this.#subscription = this.create(
      "subscription",
      aws.sns.TopicSubscription,
      "Subscription",
      {
        topic: pulumi.output(args.topic).apply((t) => t.arn),
        protocol: "sqs",
        endpoint: queueArn,
        filterPolicy: filterPolicy(args.filter),
      },
      { dependsOn: [this.#policy] },
    );
  }

  /** The underlying resources this component creates. */
  override get nodes(): { policy: aws.sqs.QueuePolicy; subscription: aws.sns.TopicSubscription } {
    return { policy: this.#policy, subscription: this.#subscription };
  }
}
