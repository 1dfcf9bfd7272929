/**
 * `RealtimeLambdaSubscriber` (../docs 38-realtimelambdasubscriber.md): what `sst.aws.Realtime.subscribe`
 * creates — an IoT topic rule selecting the filter's messages, the function it invokes, and the permission
 * that lets IoT invoke it. Not meant to be created directly.
 */
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { Component, type ComponentArgs } from "@sst/core";
import type { Function, FunctionArgs } from "./function.js";
import { outputOf } from "./helpers/output-of.js";
import { invokePermission } from "./helpers/invoke-permission.js";
import { functionBuilder, type FunctionBuilder } from "./helpers/function-builder.js";
import type { RealtimeSubscriberArgs } from "./realtime.js";

export interface RealtimeLambdaSubscriberArgs extends RealtimeSubscriberArgs, ComponentArgs {
  /** The IoT WebSocket server to use. */
  iot: pulumi.Input<{
    /** The name of the Realtime component. */
    name: pulumi.Input<string>;
  }>;
  /** The subscriber function: a handler, the full function props, or the ARN of an existing function. */
  subscriber: pulumi.Input<string | FunctionArgs>;
  transform?: RealtimeSubscriberArgs["transform"];
}

export class RealtimeLambdaSubscriber extends Component {
  static readonly __pulumiType = "sst:aws:RealtimeLambdaSubscriber";
  readonly #fn: FunctionBuilder;
  readonly #rule: aws.iot.TopicRule;
  readonly #permission: aws.lambda.Permission;

  constructor(name: string, args: RealtimeLambdaSubscriberArgs, opts: pulumi.ComponentResourceOptions = {}) {
    super(RealtimeLambdaSubscriber.__pulumiType, name, args, opts);
    const description = pulumi.interpolate`Subscribed to ${pulumi.output(args.iot).name} on ${args.filter}`;
    this.#fn = functionBuilder(`${name}Handler`, args.subscriber, { description }, undefined, { parent: this });
    this.#rule = this.create("topicRule", aws.iot.TopicRule, "Rule", {
      enabled: true,
      sqlVersion: "2016-03-23",
      sql: pulumi.interpolate`SELECT * FROM '${args.filter}'`,
      lambdas: [{ functionArn: this.#fn.arn }],
    });
    this.#permission = this.create("permission", aws.lambda.Permission, "Permission", invokePermission(this.#fn.arn, "iot.amazonaws.com", this.#rule.arn));
  }

  /** The underlying resources this component creates. */
  override get nodes() {
    const fn = this.#fn;
    return {
      /** The Lambda permission. */
      permission: this.#permission,
      /** The IoT Topic rule. */
      rule: this.#rule,
      /** The Lambda function that'll be notified (throws when the subscriber was given by its ARN). */
      get function(): pulumi.Output<Function> {
        return outputOf(fn.getFunction());
      },
    };
  }
}
