/**
 * What every subscriber of an `sst.aws.Bus` shares: its args and the EventBridge rule that filters the bus's
 * events for it.
 */
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { Component, type ComponentArgs, type Transform } from "@sst/core";

/** An EventBridge event pattern, as `subscribe` takes it. */
export interface BusPattern {
  /**
   * `source` values to match: where the event originated.
   * @example { pattern: { source: ["my.source", "my.source2"] } }
   */
  source?: (string | any)[];
  /**
   * `detail` values to match, by key: the data of the event.
   * @example { pattern: { detail: { price_usd: [{ numeric: [">=", 100] }] } } }
   */
  detail?: Record<string, any>;
  /**
   * `detail-type` values to match: the kind of event.
   * @example { pattern: { detailType: ["orderPlaced"] } }
   */
  detailType?: (string | any)[];
}

export interface BusSubscriberArgs {
  /**
   * Whether the subscriber is enabled. When disabled, the EventBridge rule is still created, but it won't
   * receive events.
   * @default `true`
   * @example { enabled: false }
   */
  enabled?: pulumi.Input<boolean>;
  /**
   * Filter the events that'll be processed by the subscriber: if any property of the pattern doesn't match
   * the event, the event is rejected. Without a pattern the subscriber receives every event of the bus.
   * See [event patterns](https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-event-patterns.html).
   * @example { pattern: { source: ["my.source", "my.source2"] } }
   */
  pattern?: pulumi.Input<BusPattern>;
  /** [Transform](https://sst.dev/docs/components#transform) how this subscription creates its underlying resources. */
  transform?: {
    /** Transform the EventBus rule resource. */
    rule?: Transform<aws.cloudwatch.EventRuleArgs>;
    /** Transform the EventBus target resource. */
    target?: Transform<aws.cloudwatch.EventTargetArgs>;
  };
}

/** The bus a subscriber is attached to. */
export interface BusRef {
  /** The name of the bus. */
  name: pulumi.Input<string>;
  /** The ARN of the bus. */
  arn: pulumi.Input<string>;
}

/** The args every bus subscriber component takes. */
export interface BusSubscriberComponentArgs extends BusSubscriberArgs, ComponentArgs {
  /** The bus to use. */
  bus: pulumi.Input<BusRef>;
  transform?: BusSubscriberArgs["transform"];
}

/** EventBridge's pattern JSON for a `BusPattern`; a pattern matching every event when none is given. */
export function eventPattern(pattern: BusPattern | undefined): string {
  const json = pattern ? { source: pattern.source, "detail-type": pattern.detailType, detail: pattern.detail } : {};
  const set = Object.fromEntries(Object.entries(json).filter(([, v]) => v !== undefined));
  return JSON.stringify(Object.keys(set).length ? set : { source: [{ prefix: "" }] });
}

/** The base of `BusLambdaSubscriber` and `BusQueueSubscriber`: the rule and the target on the bus. */
export abstract class BusSubscriber extends Component {
  protected readonly bus: pulumi.Output<BusRef & { name: string; arn: string }>;
  protected readonly rule: aws.cloudwatch.EventRule;

  constructor(type: string, name: string, args: BusSubscriberComponentArgs, opts: pulumi.ComponentResourceOptions = {}) {
    super(type, name, args, opts);
    this.bus = pulumi.output(args.bus) as pulumi.Output<BusRef & { name: string; arn: string }>;
    this.rule = this.create("rule", aws.cloudwatch.EventRule, "Rule", {
      eventBusName: this.bus.name,
      eventPattern: pulumi.output(args.pattern).apply((p) => eventPattern(p as BusPattern | undefined)),
      state: pulumi.output(args.enabled ?? true).apply((on) => (on ? "ENABLED" : "DISABLED")),
    });
  }

  /** Creates the target that sends the rule's events to `arn`. */
  protected createTarget(arn: pulumi.Input<string>): aws.cloudwatch.EventTarget {
    return this.create("target", aws.cloudwatch.EventTarget, "Target", {
      arn,
      rule: this.rule.name,
      eventBusName: this.bus.name,
    });
  }
}
