/**
 * `sst.aws.Bus`: an Amazon EventBridge event bus, with function and queue subscribers filtered by event
 * patterns. Not in ../docs; built to SST v3's Bus (sst.dev/docs/component/aws/bus).
 */
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { Component, logicalName, type ComponentArgs, type LinkPayload, type Transform } from "@sst/core";
import { BusLambdaSubscriber } from "./bus-lambda-subscriber.js";
import { BusQueueSubscriber } from "./bus-queue-subscriber.js";
import { eventBusName } from "./helpers/arn.js";
import { outputOf } from "./helpers/output-of.js";
import type { BusSubscriberArgs } from "./helpers/bus-subscriber.js";
import type { FunctionDefinition } from "./helpers/function-builder.js";
import { permission } from "./helpers/permission.js";
import type { QueueInput } from "./helpers/queue-policy.js";

export type { BusPattern, BusSubscriberArgs } from "./helpers/bus-subscriber.js";

export interface BusArgs extends ComponentArgs {
  /**
   * Log the bus's events to CloudWatch.
   * @example { logging: { level: "error", detail: true } }
   */
  logging?: pulumi.Input<{
    /** Which events to log. */
    level: pulumi.Input<"error" | "info" | "trace">;
    /**
     * Include the event detail in the log.
     * @default `false`
     */
    detail?: pulumi.Input<boolean>;
  }>;
  /** [Transform](https://sst.dev/docs/components#transform) how this component creates its underlying resources. */
  transform?: {
    /** Transform the EventBus resource. */
    bus?: Transform<aws.cloudwatch.EventBusArgs>;
  };
}

/** `Bus.get`'s args: the bus is read, not created. */
interface BusReference {
  ref: true;
  busName: pulumi.Input<string>;
}

/**
 * The `Bus` component lets you add an Amazon EventBridge event bus to your app.
 *
 * Linking it gives `name` and `arn`, and permission to publish to it (`events:PutEvents`: what a publisher
 * needs, where SST grants `events:*`).
 * @example
 * const bus = new sst.aws.Bus("MyBus");
 * bus.subscribe("MySubscriber", "src/subscriber.handler", { pattern: { detailType: ["order.placed"] } });
 * new sst.aws.Function("MyApi", { handler: "src/api.handler", link: [bus] });
 */
export class Bus extends Component {
  static readonly __pulumiType = "sst:aws:Bus";
  readonly #name: string;
  readonly #opts: pulumi.ComponentResourceOptions;
  readonly #bus: aws.cloudwatch.EventBus;

  constructor(name: string, args: BusArgs = {}, opts: pulumi.ComponentResourceOptions = {}) {
    super(Bus.__pulumiType, name, args, opts);
    this.#name = name;
    this.#opts = opts;
    if ((args as BusArgs & Partial<BusReference>).ref) {
      this.#bus = this.reference("bus", aws.cloudwatch.EventBus, "Bus", (args as unknown as BusReference).busName);
      return;
    }
    this.#bus = this.create("bus", aws.cloudwatch.EventBus, "Bus", {
      logConfig: args.logging
        ? pulumi.output(args.logging).apply((l) => ({ level: l.level.toUpperCase(), includeDetail: l.detail ? "FULL" : "NONE" }))
        : undefined,
    });
  }

  /** The ARN of the EventBus. */
  get arn(): pulumi.Output<string> {
    return this.#bus.arn;
  }

  /** The name of the EventBus. */
  get name(): pulumi.Output<string> {
    return this.#bus.name;
  }

  /** The underlying resources this component creates. */
  override get nodes() {
    return {
      /** The Amazon EventBus resource. */
      bus: this.#bus,
    };
  }

  /**
   * Subscribe to this bus with a function.
   * @param name The name of the subscription (the subscriber is named `<Bus>Subscriber<name>`).
   * @param subscriber A handler, the full function props, or the ARN of an existing function.
   * @example
   * bus.subscribe("MySubscription", "src/subscriber.handler", { pattern: { source: ["my.source"] } });
   */
  subscribe(name: string, subscriber: FunctionDefinition, args: BusSubscriberArgs = {}): pulumi.Output<BusLambdaSubscriber> {
    return outputOf(new BusLambdaSubscriber(`${this.#name}Subscriber${name}`, { ...args, bus: { name: this.name, arn: this.arn }, subscriber }, this.#childOpts()));
  }

  /**
   * Subscribe to this bus with an SQS queue.
   * @param name The name of the subscription.
   * @param queue An `sst.aws.Queue`, or the ARN of an existing queue.
   * @example bus.subscribeQueue("MySubscription", queue, { pattern: { detailType: ["order.placed"] } });
   */
  subscribeQueue(name: string, queue: QueueInput, args: BusSubscriberArgs = {}): pulumi.Output<BusQueueSubscriber> {
    return outputOf(new BusQueueSubscriber(`${this.#name}Subscriber${name}`, { ...args, bus: { name: this.name, arn: this.arn }, queue }, this.#childOpts()));
  }

  /**
   * Subscribe to a bus that was not created in your app with a function.
   * @param name The name of the subscription.
   * @param busArn The ARN of the bus, e.g. `arn:aws:events:us-east-1:123456789012:event-bus/my-bus`.
   * @example sst.aws.Bus.subscribe("MySubscription", busArn, "src/subscriber.handler");
   */
  static subscribe(
    name: string,
    busArn: pulumi.Input<string>,
    subscriber: FunctionDefinition,
    args: BusSubscriberArgs = {},
    opts: pulumi.ComponentResourceOptions = {},
  ): pulumi.Output<BusLambdaSubscriber> {
    const bus = externalBus(name, busArn, "subscribe");
    return outputOf(new BusLambdaSubscriber(`${bus.prefix}Subscriber${name}`, { ...args, bus, subscriber }, opts));
  }

  /**
   * Subscribe to a bus that was not created in your app with an SQS queue.
   * @example sst.aws.Bus.subscribeQueue("MySubscription", busArn, queue);
   */
  static subscribeQueue(
    name: string,
    busArn: pulumi.Input<string>,
    queue: QueueInput,
    args: BusSubscriberArgs = {},
    opts: pulumi.ComponentResourceOptions = {},
  ): pulumi.Output<BusQueueSubscriber> {
    const bus = externalBus(name, busArn, "subscribeQueue");
    return outputOf(new BusQueueSubscriber(`${bus.prefix}Subscriber${name}`, { ...args, bus, queue }, opts));
  }

  /**
   * Reference an existing bus by its name, e.g. to share the bus of the `dev` stage with a personal stage.
   * @example
   * const bus = $app.stage === "frank" ? sst.aws.Bus.get("MyBus", "app-dev-MyBus") : new sst.aws.Bus("MyBus");
   */
  static get(name: string, busName: pulumi.Input<string>, opts: pulumi.ComponentResourceOptions = {}): Bus {
    return new Bus(name, { ref: true, busName } as BusArgs, opts);
  }

  #childOpts(): pulumi.ComponentResourceOptions {
    return { provider: this.#opts.provider, providers: this.#opts.providers };
  }

  protected override outputs() {
    return { arn: this.arn, name: this.name };
  }

  getSSTLink(): LinkPayload {
    return {
      properties: { name: this.name, arn: this.arn },
      include: [permission({ actions: ["events:PutEvents"], resources: [this.arn] })],
    };
  }
}

/**
 * The bus of a static subscribe, and the prefix of the subscriber's name: `<BusName>` as SST names it when the
 * ARN is a string; `Bus` when it is an Output (components are created while `run()` runs, never in an apply,
 * so the name cannot wait for the value).
 */
function externalBus(name: string, busArn: pulumi.Input<string>, method: string): { name: pulumi.Input<string>; arn: pulumi.Input<string>; prefix: string } {
  const where = `sst.aws.Bus.${method}("${name}")`;
  if (typeof busArn === "string") {
    const bus = eventBusName(busArn, where);
    return { name: bus, arn: busArn, prefix: logicalName(bus) };
  }
  return { name: pulumi.output(busArn).apply((arn) => eventBusName(arn, where)), arn: busArn, prefix: "Bus" };
}
