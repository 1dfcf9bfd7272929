/**
 * `sst.aws.Queue` (../docs 20-queue.md): an SQS queue, standard or FIFO, with an optional dead-letter queue
 * and one Lambda subscriber.
 */
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { Component, SSTError, type ComponentArgs, type LinkPayload, type Transform } from "@sst/core";
import { parseArn } from "./helpers/resource-arn.js";
import { toSecondsInRange } from "./helpers/duration-range.js";
import { applyNow } from "./helpers/apply-now.js";
import { outputOf } from "./helpers/output-of.js";
import { permission } from "./helpers/permission.js";
import { handlerOf, sourcePrefixOf, subscriberSuffix } from "./helpers/subscriber.js";
import type { FunctionDefinition } from "./helpers/function-builder.js";
import { QueueLambdaSubscriber, type QueueSubscriberArgs } from "./queue-lambda-subscriber.js";

export type { QueueSubscriberArgs } from "./queue-lambda-subscriber.js";

export interface QueueArgs extends ComponentArgs {
  /**
   * Make it a FIFO (first-in-first-out) queue: messages are processed exactly once, in the order sent.
   * Its generated name ends with `.fifo` (when `fifo` is a plain value; for an Output, set `transform.queue`'s
   * `name`). Changing a standard queue to FIFO (or back) replaces the queue.
   * @default `false`
   * @example `fifo: true` or `fifo: { contentBasedDeduplication: true }`
   */
  fifo?: pulumi.Input<
    | boolean
    | {
        /**
         * Deduplicate messages by a hash of their body, instead of a deduplication ID sent with each.
         * @default `false`
         */
        contentBasedDeduplication?: pulumi.Input<boolean>;
      }
  >;
  /**
   * How long a received message stays invisible to other consumers; from 0 seconds to 12 hours.
   * @default `"30 seconds"`
   * @example `visibilityTimeout: "1 hour"`
   */
  visibilityTimeout?: pulumi.Input<`${number} ${"second" | "seconds" | "minute" | "minutes" | "hour" | "hours"}`>;
  /**
   * Delay the delivery of every message; from 0 seconds to 15 minutes.
   * @default `"0 seconds"`
   * @example `delay: "10 seconds"`
   */
  delay?: pulumi.Input<`${number} ${"second" | "seconds" | "minute" | "minutes"}`>;
  /**
   * A dead-letter queue: where a message goes once it was received `retry` times without being deleted.
   * The ARN of the queue, or `{ queue, retry }`.
   * @example
   * const dlq = new sst.aws.Queue("MyDLQ");
   * new sst.aws.Queue("MyQueue", { dlq: dlq.arn });
   * new sst.aws.Queue("MyQueue", { dlq: { queue: dlq.arn, retry: 5 } });
   */
  dlq?: pulumi.Input<
    | string
    | {
        /** The ARN of the dead-letter queue. */
        queue: pulumi.Input<string>;
        /**
         * How many times a message is received before it moves to the dead-letter queue.
         * @default `3`
         */
        retry?: pulumi.Input<number>;
      }
  >;
  /** Change how the queue's resources are created. */
  transform?: {
    /** The SQS queue (`aws.sqs.Queue`). */
    queue?: Transform<aws.sqs.QueueArgs>;
  };
}

const REF = Symbol("sst.aws.Queue.ref");

export class Queue extends Component {
  static readonly __pulumiType = "sst:aws:Queue";
  readonly #queue: aws.sqs.Queue;
  #subscribed = false;

  constructor(name: string, args: QueueArgs = {}, opts: pulumi.ComponentResourceOptions = {}) {
    super(Queue.__pulumiType, name, args, opts);
    const ref = (args as { [REF]?: pulumi.Input<string> })[REF];
    if (ref !== undefined) {
      this.#queue = this.reference("queue", aws.sqs.Queue, "Queue", ref);
      return;
    }
    const where = `Queue "${name}"`;
    // Plain when `fifo` is: the naming rule reads `fifoQueue` to end the name with `.fifo`.
    const fifo = args.fifo ?? false;
    this.#queue = this.create("queue", aws.sqs.Queue, "Queue", {
      fifoQueue: pulumi.Output.isInstance(fifo) || fifo instanceof Promise ? pulumi.output(fifo).apply((f) => f !== false) : fifo !== false,
      contentBasedDeduplication: applyNow(fifo, (f) => (typeof f === "object" ? (f.contentBasedDeduplication ?? false) : false)),
      visibilityTimeoutSeconds: applyNow(args.visibilityTimeout ?? "30 seconds", (d) =>
        toSecondsInRange(d, `${where}: visibilityTimeout`, 0, 43200, "0 seconds to 12 hours"),
      ),
      delaySeconds: applyNow(args.delay ?? "0 seconds", (d) => toSecondsInRange(d, `${where}: delay`, 0, 900, "0 seconds to 15 minutes")),
      redrivePolicy:
        args.dlq === undefined
          ? undefined
          : pulumi.output(args.dlq).apply((dlq) =>
              JSON.stringify(
                typeof dlq === "string"
                  ? { deadLetterTargetArn: dlq, maxReceiveCount: 3 }
                  : { deadLetterTargetArn: dlq.queue, maxReceiveCount: dlq.retry ?? 3 },
              ),
            ),
    });
  }

  /**
   * Reference a queue created elsewhere (another stage, another app) by its URL, without managing it.
   * @example
   * const queue = $app.stage === "frank"
   *   ? sst.aws.Queue.get("MyQueue", "https://sqs.us-east-1.amazonaws.com/123456789012/MyQueue")
   *   : new sst.aws.Queue("MyQueue");
   */
  static get(name: string, queueUrl: pulumi.Input<string>, opts: pulumi.ComponentResourceOptions = {}): Queue {
    return new Queue(name, { [REF]: queueUrl } as QueueArgs, opts);
  }

  /** The ARN of the SQS queue. */
  get arn(): pulumi.Output<string> {
    return this.#queue.arn;
  }

  /** The URL of the SQS queue. */
  get url(): pulumi.Output<string> {
    return this.#queue.url;
  }

  /** The underlying resources this component creates. */
  override get nodes(): { queue: aws.sqs.Queue } {
    return { queue: this.#queue };
  }

  /**
   * Subscribe a function to this queue: an event source mapping polls the queue and invokes it. A queue
   * takes one subscriber.
   * @param subscriber A handler, `FunctionArgs`, or the ARN of an existing function.
   * @example
   * queue.subscribe("src/subscriber.handler");
   * queue.subscribe("src/subscriber.handler", { batch: { size: 5 }, filters: [{ body: { RequestCode: ["BBBB"] } }] });
   */
  subscribe(subscriber: FunctionDefinition, args: QueueSubscriberArgs = {}, opts: pulumi.ComponentResourceOptions = {}): pulumi.Output<QueueLambdaSubscriber> {
    const name = this.componentName;
    if (this.#subscribed) {
      throw new SSTError({
        code: "E_QUEUE_SUBSCRIBED",
        message: `Queue "${name}": subscribe was called twice; an SQS queue takes one subscriber.`,
        hint: "Handle every message kind in one subscriber, or fan out with an sst.aws.SnsTopic and one queue per subscriber.",
      });
    }
    this.#subscribed = true;
    return outputOf(Queue.#subscribe(name, this.arn, subscriber, args, { parent: this, ...opts }));
  }

  /**
   * Subscribe a function to a queue that was not created in this app.
   * @example sst.aws.Queue.subscribe("arn:aws:sqs:us-east-1:123456789012:MyQueue", "src/subscriber.handler");
   */
  static subscribe(
    queueArn: pulumi.Input<string>,
    subscriber: FunctionDefinition,
    args: QueueSubscriberArgs = {},
    opts: pulumi.ComponentResourceOptions = {},
  ): pulumi.Output<QueueLambdaSubscriber> {
    const prefix = sourcePrefixOf(queueArn, "Queue", (arn) => parseArn(arn, "sqs", "Queue.subscribe: queueArn").resource);
    return outputOf(Queue.#subscribe(prefix, queueArn, subscriber, args, opts));
  }

  static #subscribe(
    prefix: string,
    queueArn: pulumi.Input<string>,
    subscriber: FunctionDefinition,
    args: QueueSubscriberArgs,
    opts: pulumi.ComponentResourceOptions,
  ): QueueLambdaSubscriber {
    const suffix = subscriberSuffix([queueArn, args.filters, handlerOf(subscriber)]);
    return new QueueLambdaSubscriber(`${prefix}Subscriber${suffix}`, { ...args, queue: { arn: queueArn }, subscriber }, opts);
  }

  protected override outputs() {
    return { arn: this.arn, url: this.url };
  }

  /** Links give `url` and `sqs:*` on the queue. */
  getSSTLink(): LinkPayload {
    return {
      properties: { url: this.url },
      include: [permission({ actions: ["sqs:*"], resources: [this.arn] })],
    };
  }
}
