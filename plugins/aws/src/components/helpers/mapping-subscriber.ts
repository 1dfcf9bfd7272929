/**
 * What the subscribers fed by a Lambda event source mapping share (SQS queues, DynamoDB streams): a
 * function built by `functionBuilder` with the permissions that let it read the source, and the mapping with
 * the subscription's filter patterns.
 */
import * as aws from "@pulumi/aws";
import type * as pulumi from "@pulumi/pulumi";
import { Component, type ComponentArgs, type Transform } from "@sst/core";
import type { Function } from "../function.js";
import { functionBuilder, type FunctionBuilder, type FunctionDefinition } from "./function-builder.js";
import { filterCriteria, functionOf, withPermissions } from "./subscriber.js";

/** The args every mapping subscription takes. */
export interface MappingSubscriberArgs extends ComponentArgs {
  /**
   * Up to 5 Lambda event filter patterns, ORed: only matching records invoke the function.
   * See the [filter rule syntax](https://docs.aws.amazon.com/lambda/latest/dg/invocation-eventfiltering.html#filtering-syntax).
   * @example `filters: [{ body: { RequestCode: ["BBBB"] } }]`
   */
  filters?: pulumi.Input<pulumi.Input<Record<string, any>>[]>;
  /** Change how the subscription's resources are created. */
  transform?: {
    /** The Lambda event source mapping (`aws.lambda.EventSourceMapping`). */
    eventSourceMapping?: Transform<aws.lambda.EventSourceMappingArgs>;
  };
}

/** The source a subclass subscribes its function to. */
export interface MappingSource {
  /** The ARN of the queue or stream. */
  arn: pulumi.Input<string>;
  /** What the function needs to read the source. */
  actions: string[];
  /** More args of the mapping (batching, starting position). */
  mapping: Omit<aws.lambda.EventSourceMappingArgs, "eventSourceArn" | "functionName" | "filterCriteria">;
  /** Names the component and argument in errors, e.g. `Queue subscriber "JobsSubscriberAbc"`. */
  where: string;
}

export abstract class MappingSubscriber extends Component {
  readonly #fn: FunctionBuilder;
  readonly #eventSourceMapping: aws.lambda.EventSourceMapping;

  protected constructor(
    type: string,
    name: string,
    args: MappingSubscriberArgs & { subscriber: FunctionDefinition },
    source: MappingSource,
    opts: pulumi.ComponentResourceOptions,
  ) {
    super(type, name, args, opts);
    const { arn, actions, mapping, where } = source;
    this.#fn = functionBuilder(`${name}Function`, args.subscriber, { description: `Subscribed to ${name}` }, withPermissions([{ actions, resources: [arn] }]), { parent: this });
    this.#eventSourceMapping = this.create("eventSourceMapping", aws.lambda.EventSourceMapping, "EventSourceMapping", {
      ...mapping,
      eventSourceArn: arn,
      functionName: this.#fn.name,
      filterCriteria: filterCriteria(args.filters, where),
    });
  }

  /** The underlying resources this component creates. */
  override get nodes(): { function?: Function; eventSourceMapping: aws.lambda.EventSourceMapping } {
    const fn = this.#fn;
    return {
      /** The subscriber function; undefined when it was given by ARN. */
      get function() {
        return functionOf(fn);
      },
      /** The Lambda event source mapping. */
      eventSourceMapping: this.#eventSourceMapping,
    };
  }
}
