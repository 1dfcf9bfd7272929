/**
 * `sst.aws.SnsTopic` (../docs 50-snstopic.md): an SNS topic that fans messages out to functions and queues.
 */
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { Component, type ComponentArgs, type LinkPayload, type Transform } from "@sst/core";
import { parseArn } from "./helpers/resource-arn.js";
import type { FunctionDefinition } from "./helpers/function-builder.js";
import { outputOf } from "./helpers/output-of.js";
import { permission } from "./helpers/permission.js";
import { sourcePrefixOf, subscriberName } from "./helpers/subscriber.js";
import type { Queue } from "./queue.js";
import { SnsTopicLambdaSubscriber } from "./sns-topic-lambda-subscriber.js";
import { SnsTopicQueueSubscriber } from "./sns-topic-queue-subscriber.js";

export interface SnsTopicArgs extends ComponentArgs {
  /**
   * Make it a FIFO (first-in-first-out) topic, with strict message ordering. Its generated name ends with
   * `.fifo` (when `fifo` is a plain value; for an Output, set `transform.topic`'s `name`).
   * Changing a standard topic to FIFO (or back) replaces the topic.
   * @default `false`
   */
  fifo?: pulumi.Input<boolean>;
  /** Change how the topic's resources are created. */
  transform?: {
    /** The SNS topic (`aws.sns.Topic`). */
    topic?: Transform<aws.sns.TopicArgs>;
  };
}

export interface SnsTopicSubscriberArgs extends ComponentArgs {
  /**
   * The subscription's filter policy: a message is delivered only when every property of the filter
   * matches an attribute of the message.
   * @example `filter: { store: ["example_corp"], price_usd: [{ numeric: [">=", 100] }] }`
   */
  filter?: pulumi.Input<Record<string, any>>;
  /** Change how the subscription's resources are created. */
  transform?: {
    /** The SNS topic subscription (`aws.sns.TopicSubscription`). */
    subscription?: Transform<aws.sns.TopicSubscriptionArgs>;
  };
}

const REF = Symbol("sst.aws.SnsTopic.ref");

export class SnsTopic extends Component {
  static readonly __pulumiType = "sst:aws:SnsTopic";
  readonly #topic: aws.sns.Topic;

  constructor(name: string, args: SnsTopicArgs = {}, opts: pulumi.ComponentResourceOptions = {}) {
    super(SnsTopic.__pulumiType, name, args, opts);
    const ref = (args as { [REF]?: pulumi.Input<string> })[REF];
    this.#topic =
      ref !== undefined
        ? this.reference("topic", aws.sns.Topic, "Topic", ref)
        : this.create("topic", aws.sns.Topic, "Topic", { fifoTopic: args.fifo ?? false });
  }

  /**
   * Reference a topic created elsewhere (another stage, another app) by its ARN, without managing it.
   * @example sst.aws.SnsTopic.get("MyTopic", "arn:aws:sns:us-east-1:123456789012:MyTopic")
   */
  static get(name: string, topicArn: pulumi.Input<string>, opts: pulumi.ComponentResourceOptions = {}): SnsTopic {
    return new SnsTopic(name, { [REF]: topicArn } as SnsTopicArgs, opts);
  }

  /** The ARN of the SNS topic. */
  get arn(): pulumi.Output<string> {
    return this.#topic.arn;
  }

  /** The name of the SNS topic. */
  get name(): pulumi.Output<string> {
    return this.#topic.name;
  }

  /** The underlying resources this component creates. */
  override get nodes(): { topic: aws.sns.Topic } {
    return { topic: this.#topic };
  }

  /**
   * Subscribe a function to this topic.
   * @param name The subscriber's name, unique for this topic.
   * @param subscriber A handler, `FunctionArgs`, or the ARN of an existing function.
   * @example topic.subscribe("MySubscriber", "src/subscriber.handler", { filter: { price_usd: [{ numeric: [">=", 100] }] } });
   */
  subscribe(name: string, subscriber: FunctionDefinition, args: SnsTopicSubscriberArgs = {}): pulumi.Output<SnsTopicLambdaSubscriber> {
    const id = `${this.componentName}Subscriber${subscriberName(name, `SnsTopic "${this.componentName}": subscribe`)}`;
    return outputOf(new SnsTopicLambdaSubscriber(id, { ...args, topic: { arn: this.arn }, subscriber }, { parent: this }));
  }

  /**
   * Subscribe a queue to this topic: the queue's policy lets SNS send to it.
   * @param queue A `Queue`, or the ARN of a queue.
   * @example topic.subscribeQueue("MySubscriber", queue);
   */
  subscribeQueue(name: string, queue: pulumi.Input<string> | Queue, args: SnsTopicSubscriberArgs = {}): pulumi.Output<SnsTopicQueueSubscriber> {
    const id = `${this.componentName}Subscriber${subscriberName(name, `SnsTopic "${this.componentName}": subscribeQueue`)}`;
    return outputOf(new SnsTopicQueueSubscriber(id, { ...args, topic: { arn: this.arn }, queue }, { parent: this }));
  }

  /**
   * Subscribe a function to a topic that was not created in this app.
   * @example sst.aws.SnsTopic.subscribe("MySubscriber", "arn:aws:sns:us-east-1:123456789012:MyTopic", "src/subscriber.handler");
   */
  static subscribe(name: string, topicArn: pulumi.Input<string>, subscriber: FunctionDefinition, args: SnsTopicSubscriberArgs = {}): pulumi.Output<SnsTopicLambdaSubscriber> {
    const sub = subscriberName(name, "SnsTopic.subscribe");
    const prefix = sourcePrefixOf(topicArn, "Topic", (arn) => parseArn(arn, "sns", "SnsTopic.subscribe: topicArn").resource);
    return outputOf(new SnsTopicLambdaSubscriber(`${prefix}Subscriber${sub}`, { ...args, topic: { arn: topicArn }, subscriber }));
  }

  /**
   * Subscribe a queue to a topic that was not created in this app.
   * @example sst.aws.SnsTopic.subscribeQueue("MySubscriber", topicArn, queueArn);
   */
  static subscribeQueue(
    name: string,
    topicArn: pulumi.Input<string>,
    queue: pulumi.Input<string> | Queue,
    args: SnsTopicSubscriberArgs = {},
  ): pulumi.Output<SnsTopicQueueSubscriber> {
    const sub = subscriberName(name, "SnsTopic.subscribeQueue");
    const prefix = sourcePrefixOf(topicArn, "Topic", (arn) => parseArn(arn, "sns", "SnsTopic.subscribeQueue: topicArn").resource);
    return outputOf(new SnsTopicQueueSubscriber(`${prefix}Subscriber${sub}`, { ...args, topic: { arn: topicArn }, queue }));
  }

  protected override outputs() {
    return { arn: this.arn, name: this.name };
  }

  /** Links give `arn` and `sns:*` on the topic. */
  getSSTLink(): LinkPayload {
    return {
      properties: { arn: this.arn },
      include: [permission({ actions: ["sns:*"], resources: [this.arn] })],
    };
  }
}
