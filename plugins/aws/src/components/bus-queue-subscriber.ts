/**
 * `BusQueueSubscriber`: what `sst.aws.Bus.subscribeQueue` creates — an EventBridge rule on the bus, a target
 * sending to the queue, and the queue policy that lets EventBridge send to it. Not meant to be created directly.
 */
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { BusSubscriber, type BusSubscriberComponentArgs } from "./helpers/bus-subscriber.js";
import { queueArnOf, queuePolicyArgs, type QueueInput } from "./helpers/queue-policy.js";

export interface BusQueueSubscriberArgs extends BusSubscriberComponentArgs {
  /** The queue: an `sst.aws.Queue` (anything with an `arn`), or the ARN of an existing SQS queue. */
  queue: QueueInput;
}

export class BusQueueSubscriber extends BusSubscriber {
  static readonly __pulumiType = "sst:aws:BusQueueSubscriber";
  readonly #policy: aws.sqs.QueuePolicy;
  readonly #target: aws.cloudwatch.EventTarget;

  constructor(name: string, args: BusQueueSubscriberArgs, opts: pulumi.ComponentResourceOptions = {}) {
    super(BusQueueSubscriber.__pulumiType, name, args, opts);
    const queueArn = queueArnOf(args.queue);
    this.#policy = this.create("policy", aws.sqs.QueuePolicy, "Policy", queuePolicyArgs(queueArn, `BusQueueSubscriber "${name}"`), {
      retainOnDelete: true,
    });
    this.#target = this.createTarget(queueArn);
  }

  /** The underlying resources this component creates. */
  override get nodes() {
    return {
      /** The SQS Queue policy. */
      policy: this.#policy,
      /** The EventBus rule. */
      rule: this.rule,
      /** The EventBus target. */
      target: this.#target,
    };
  }
}
