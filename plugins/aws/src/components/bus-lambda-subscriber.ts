/**
 * `BusLambdaSubscriber`: what `sst.aws.Bus.subscribe` creates — an EventBridge rule on the bus, a target
 * invoking the function, and the permission that lets EventBridge invoke it. Not meant to be created directly.
 */
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import type { Function } from "./function.js";
import { BusSubscriber, type BusSubscriberComponentArgs } from "./helpers/bus-subscriber.js";
import { outputOf } from "./helpers/output-of.js";
import { invokePermission } from "./helpers/invoke-permission.js";
import { functionBuilder, type FunctionBuilder, type FunctionDefinition } from "./helpers/function-builder.js";

export interface BusLambdaSubscriberArgs extends BusSubscriberComponentArgs {
  /** The subscriber function: a handler, the full function props, or the ARN of an existing function. */
  subscriber: FunctionDefinition;
}

export class BusLambdaSubscriber extends BusSubscriber {
  static readonly __pulumiType = "sst:aws:BusLambdaSubscriber";
  readonly #fn: FunctionBuilder;
  readonly #permission: aws.lambda.Permission;
  readonly #target: aws.cloudwatch.EventTarget;

  constructor(name: string, args: BusLambdaSubscriberArgs, opts: pulumi.ComponentResourceOptions = {}) {
    super(BusLambdaSubscriber.__pulumiType, name, args, opts);
    this.#fn = functionBuilder(`${name}Function`, args.subscriber, { description: pulumi.interpolate`Subscribed to ${this.bus.name}` }, undefined, {
      parent: this,
    });
    this.#permission = this.create("permission", aws.lambda.Permission, "Permission", invokePermission(this.#fn.arn, "events.amazonaws.com", this.rule.arn));
    this.#target = this.createTarget(this.#fn.arn);
  }

  /** The underlying resources this component creates. */
  override get nodes() {
    const fn = this.#fn;
    return {
      /** The Lambda permission. */
      permission: this.#permission,
      /** The EventBus rule. */
      rule: this.rule,
      /** The EventBus target. */
      target: this.#target,
      /** The Lambda function that'll be notified (throws when the subscriber was given by its ARN). */
      get function(): pulumi.Output<Function> {
        return outputOf(fn.getFunction());
      },
    };
  }
}
