/**
 * `sst.cloudflare.Queue`: a Cloudflare Queue. Linked to a Worker it is a producer binding: `Resource.MyQueue`
 * is a `Queue` (`send`, `sendBatch`). `subscribe` adds the consumer Worker.
 *
 * @example
 * const queue = new sst.cloudflare.Queue("MyQueue");
 * queue.subscribe("consumer.ts", { batch: { size: 10, window: "5 seconds" } });
 * new sst.cloudflare.Worker("Producer", { handler: "producer.ts", link: [queue] });
 */
import * as cloudflare from "@pulumi/cloudflare";
import type * as pulumi from "@pulumi/pulumi";
import { Component, SSTError, type ComponentArgs, type LinkPayload, type Transform } from "@sst/core";
import { binding } from "./binding.js";
import { accountId } from "./helpers/account.js";
import { physical } from "./helpers/naming.js";
import { referenceArgs, referenceOf, withState } from "./helpers/reference.js";
import { Worker, type WorkerArgs } from "./worker.js";

export interface QueueArgs extends ComponentArgs {
  /** Change how the queue is created. */
  transform?: {
    /** The queue. */
    queue?: Transform<cloudflare.QueueArgs>;
    /** The consumer `subscribe` creates. */
    consumer?: Transform<cloudflare.QueueConsumerArgs>;
  };
}

export interface QueueSubscriberArgs {
  /** How messages are batched for the consumer. */
  batch?: {
    /** Messages per batch, 1 to 100. @default `10` */
    size?: number;
    /** How long to wait to fill a batch. @default `"5 seconds"` */
    window?: `${number} second` | `${number} seconds`;
  };
  /** Delivery attempts before a message is dropped (or sent to `deadLetterQueue`). @default `3` */
  maxRetries?: number;
  /** The name of a queue that receives messages that failed every retry. */
  deadLetterQueue?: pulumi.Input<string>;
}

export class Queue extends Component {
  static readonly __pulumiType = "sst:cloudflare:Queue";
  readonly #queue: cloudflare.Queue;
  readonly #account: string;
  #subscriber?: { worker: Worker; consumer: cloudflare.QueueConsumer };

  constructor(name: string, args: QueueArgs = {}, opts: pulumi.ComponentResourceOptions = {}) {
    super(Queue.__pulumiType, name, args, opts);
    this.#account = accountId(`sst.cloudflare.Queue "${name}"`);
    const ref = referenceOf(args);
    this.#queue = ref
      ? this.reference("queue", withState(cloudflare.Queue, ref.state), "Queue", ref.id)
      : this.#createQueue(name);
  }

  #createQueue(name: string): cloudflare.Queue {
    const { args, opts } = physical("cloudflare:index/queue:Queue", `${name}Queue`);
    return this.create("queue", cloudflare.Queue, "Queue", { accountId: this.#account, ...args } as cloudflare.QueueArgs, opts);
  }

  /** The queue's ID. */
  get id(): pulumi.Output<string> {
    return this.#queue.id;
  }

  /** The generated name of the queue. */
  get name(): pulumi.Output<string> {
    return this.#queue.queueName;
  }

  /** The underlying resources this component creates; `worker` and `consumer` once subscribed. */
  override get nodes(): { queue: cloudflare.Queue; worker?: Worker; consumer?: cloudflare.QueueConsumer } {
    return { queue: this.#queue, ...this.#subscriber };
  }

  /**
   * Sets the Worker that consumes the queue: a handler file (its default export's `queue(batch, env)` is
   * called) or full Worker args. A queue has one consumer Worker.
   * @example queue.subscribe("consumer.ts")
   * @example queue.subscribe({ handler: "consumer.ts", link: [bucket] }, { batch: { size: 50 } })
   */
  subscribe(subscriber: pulumi.Input<string> | WorkerArgs, args: QueueSubscriberArgs = {}): Worker {
    if (this.#subscriber) {
      throw new SSTError({
        code: "E_CLOUDFLARE_QUEUE_CONSUMER",
        message: `sst.cloudflare.Queue "${this.componentName}" already has a subscriber: a Cloudflare queue has one consumer Worker.`,
        hint: "Handle every message kind in one consumer.",
      });
    }
    const name = this.componentName;
    const workerArgs: WorkerArgs = isWorkerArgs(subscriber) ? subscriber : { handler: subscriber };
    const worker = new Worker(`${name}Subscriber`, workerArgs, { parent: this });
    const consumer = this.create("consumer", cloudflare.QueueConsumer, "Consumer", {
      accountId: this.#account,
      queueId: this.#queue.id,
      scriptName: worker.scriptName,
      type: "worker",
      deadLetterQueue: args.deadLetterQueue,
      settings: {
        batchSize: args.batch?.size ?? 10,
        maxWaitTimeMs: seconds(args.batch?.window ?? "5 seconds") * 1000,
        maxRetries: args.maxRetries ?? 3,
      },
    });
    this.#subscriber = { worker, consumer };
    return worker;
  }

  protected override outputs() {
    return { id: this.id, name: this.name };
  }

  getSSTLink(): LinkPayload {
    return { properties: {}, include: [binding({ type: "queueBindings", properties: { queue: this.name } })] };
  }

  /**
   * References an existing queue of the account by ID.
   * @example const queue = sst.cloudflare.Queue.get("MyQueue", "023e105f4ecef8ad9ca31a8372d0c353");
   */
  static get(name: string, queueId: pulumi.Input<string>, opts?: pulumi.ComponentResourceOptions): Queue {
    return new Queue(name, referenceArgs(queueId, { accountId: accountId(`sst.cloudflare.Queue.get("${name}")`) }), opts);
  }
}

function isWorkerArgs(value: unknown): value is WorkerArgs {
  return typeof value === "object" && value !== null && "handler" in value;
}

function seconds(window: string): number {
  const match = /^(\d+(?:\.\d+)?) seconds?$/.exec(window);
  if (!match) {
    throw new SSTError({
      code: "E_CLOUDFLARE_QUEUE_WINDOW",
      message: `sst.cloudflare.Queue: batch.window "${window}" is not a duration in seconds.`,
      hint: 'Write it like "5 seconds".',
    });
  }
  return Number(match[1]);
}
