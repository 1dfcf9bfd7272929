/**
 * `QueueLambdaSubscriber` (../docs 41-queuelambdasubscriber.md): a function subscribed to an SQS queue
 * through a Lambda event source mapping. Returned by `Queue.subscribe`; not meant to be created directly.
 */
import * as pulumi from "@pulumi/pulumi";
import { SSTError } from "@sst/core";
import { applyNow } from "./helpers/apply-now.js";
import { toSecondsInRange } from "./helpers/duration-range.js";
import type { FunctionDefinition } from "./helpers/function-builder.js";
import { MappingSubscriber, type MappingSubscriberArgs } from "./helpers/mapping-subscriber.js";

export interface QueueSubscriberArgs extends MappingSubscriberArgs {
  /**
   * How messages are batched for the subscriber function.
   * @default `{ size: 10, window: "0 seconds", partialResponses: false }`
   */
  batch?: pulumi.Input<{
    /**
     * The most messages in one invocation, from 1 to 10000. Above 10, `window` must be at least `"1 second"`.
     * @default `10`
     */
    size?: pulumi.Input<number>;
    /**
     * How long to gather messages before invoking, even when the batch is not full; 0 seconds to 5 minutes.
     * (The docs' combined default says "20 seconds"; the field default, and SST, use `"0 seconds"`.)
     * @default `"0 seconds"`
     */
    window?: pulumi.Input<`${number} ${"second" | "seconds" | "minute" | "minutes"}`>;
    /**
     * Report failed messages one by one (`ReportBatchItemFailures`): the handler returns
     * `{ batchItemFailures: [{ itemIdentifier: "id2" }] }` and only those messages become visible again.
     * @default `false`
     */
    partialResponses?: pulumi.Input<boolean>;
  }>;
}

export interface QueueLambdaSubscriberArgs extends QueueSubscriberArgs {
  /** The queue to subscribe to. */
  queue: pulumi.Input<{ /** The ARN of the queue. */ arn: pulumi.Input<string> }>;
  /** The subscriber: a handler, `FunctionArgs`, or the ARN of an existing function. */
  subscriber: FunctionDefinition;
}

/** What a function needs to consume an SQS queue (SST's list). */
export const SQS_CONSUMER_ACTIONS = ["sqs:ChangeMessageVisibility", "sqs:DeleteMessage", "sqs:GetQueueAttributes", "sqs:GetQueueUrl", "sqs:ReceiveMessage"];

export class QueueLambdaSubscriber extends MappingSubscriber {
  static readonly __pulumiType = "sst:aws:QueueLambdaSubscriber";

  constructor(name: string, args: QueueLambdaSubscriberArgs, opts: pulumi.ComponentResourceOptions = {}) {
    const where = `Queue subscriber "${name}"`;
    const batch = applyNow(args.batch ?? {}, (b) => resolveBatch(b, where));
    super(
      QueueLambdaSubscriber.__pulumiType,
      name,
      args,
      {
        arn: pulumi.output(args.queue).apply((q) => q.arn),
        actions: SQS_CONSUMER_ACTIONS,
        mapping: {
          batchSize: batch.size,
          maximumBatchingWindowInSeconds: batch.window,
          functionResponseTypes: batch.partialResponses.apply((p) => (p ? ["ReportBatchItemFailures"] : [])),
        },
        where,
      },
      opts,
    );
  }
}

/** The batch settings with their defaults, checked. */
function resolveBatch(b: { size?: number; window?: string; partialResponses?: boolean }, where: string) {
  const size = b.size ?? 10;
  const window = b.window === undefined ? 0 : toSecondsInRange(b.window, `${where}: batch.window`, 0, 300, "0 seconds to 5 minutes");
  if (!Number.isInteger(size) || size < 1 || size > 10000) {
    throw new SSTError({ code: "E_QUEUE_BATCH", message: `${where}: batch.size ${size} is out of range.`, hint: "Use a whole number from 1 to 10000." });
  }
  if (size > 10 && window < 1) {
    throw new SSTError({
      code: "E_QUEUE_BATCH",
      message: `${where}: batch.size ${size} needs a batch.window of at least "1 second".`,
      hint: `Set batch.window, e.g. { size: ${size}, window: "5 seconds" }.`,
    });
  }
  return { size, window, partialResponses: b.partialResponses ?? false };
}
