/**
 * `SnsTopicLambdaSubscriber` (../docs 57-snstopiclambdasubscriber.md): a function subscribed to an SNS topic,
 * with the Lambda permission that lets the topic invoke it. Returned by `SnsTopic.subscribe`.
 */
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { Component } from "@sst/core";
import type { Function } from "./function.js";
import { functionBuilder, type FunctionBuilder, type FunctionDefinition } from "./helpers/function-builder.js";
import { functionOf } from "./helpers/subscriber.js";
import type { SnsTopicSubscriberArgs } from "./sns-topic.js";

export interface SnsTopicLambdaSubscriberArgs extends SnsTopicSubscriberArgs {
  /** The topic to subscribe to. */
  topic: pulumi.Input<{ /** The ARN of the topic. */ arn: pulumi.Input<string> }>;
  /** The subscriber: a handler, `FunctionArgs`, or the ARN of an existing function. */
  subscriber: FunctionDefinition;
}

export class SnsTopicLambdaSubscriber extends Component {
  static readonly __pulumiType = "sst:aws:SnsTopicLambdaSubscriber";
  readonly #fn: FunctionBuilder;
  readonly #permission: aws.lambda.Permission;
  readonly #subscription: aws.sns.TopicSubscription;

  constructor(name: string, args: SnsTopicLambdaSubscriberArgs, opts: pulumi.ComponentResourceOptions = {}) {
    super(SnsTopicLambdaSubscriber.__pulumiType, name, args, opts);
    const topicArn = pulumi.output(args.topic).apply((t) => t.arn);
    this.#fn = functionBuilder(`${name}Function`, args.subscriber, { description: `Subscribed to ${name}` }, undefined, { parent: this });
    this.#permission = this.create("permission", aws.lambda.Permission, "Permission", {
      action: "lambda:InvokeFunction",
      function: this.#fn.arn,
      principal: "sns.amazonaws.com",
      sourceArn: topicArn,
    });
    this.#subscription = this.create(
      "subscription",
      aws.sns.TopicSubscription,
      "Subscription",
      {
        topic: topicArn,
        protocol: "lambda",
        endpoint: this.#fn.arn,
        filterPolicy: filterPolicy(args.filter),
      },
      { dependsOn: [this.#permission] },
    );
  }

  /** The underlying resources this component creates. */
  override get nodes(): { function?: Function; permission: aws.lambda.Permission; subscription: aws.sns.TopicSubscription } {
    const fn = this.#fn;
    return {
      /** The subscriber function; undefined when it was given by ARN. */
      get function() {
        return functionOf(fn);
      },
      permission: this.#permission,
      subscription: this.#subscription,
    };
  }
}

/** An SNS filter policy (JSON) from the `filter` arg; undefined without one. */
export function filterPolicy(filter: pulumi.Input<Record<string, any>> | undefined): pulumi.Output<string> | undefined {
  return filter === undefined ? undefined : pulumi.output(filter).apply((f) => JSON.stringify(f));
}
