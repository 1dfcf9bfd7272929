/**
 * `DynamoLambdaSubscriber`: a function subscribed to a DynamoDB stream through a Lambda event source
 * mapping (reading from the latest record). Returned by `Dynamo.subscribe`; not meant to be created directly.
 */
import * as pulumi from "@pulumi/pulumi";
import type { FunctionDefinition } from "./helpers/function-builder.js";
import { MappingSubscriber, type MappingSubscriberArgs } from "./helpers/mapping-subscriber.js";

/**
 * `Dynamo.subscribe`'s args: `filters` on stream records, and `transform.eventSourceMapping`.
 * @example `filters: [{ dynamodb: { Keys: { CustomerName: { S: ["AnyCompany Industries"] } } } }]`
 */
export type DynamoSubscriberArgs = MappingSubscriberArgs;

export interface DynamoLambdaSubscriberArgs extends DynamoSubscriberArgs {
  /** The table's stream. */
  dynamo: pulumi.Input<{ /** The ARN of the stream. */ streamArn: pulumi.Input<string> }>;
  /** The subscriber: a handler, `FunctionArgs`, or the ARN of an existing function. */
  subscriber: FunctionDefinition;
}

/** What a function needs to read a DynamoDB stream. */
export const STREAM_READER_ACTIONS = ["dynamodb:DescribeStream", "dynamodb:GetRecords", "dynamodb:GetShardIterator", "dynamodb:ListStreams"];

export class DynamoLambdaSubscriber extends MappingSubscriber {
  static readonly __pulumiType = "sst:aws:DynamoLambdaSubscriber";

  constructor(name: string, args: DynamoLambdaSubscriberArgs, opts: pulumi.ComponentResourceOptions = {}) {
    super(
      DynamoLambdaSubscriber.__pulumiType,
      name,
      args,
      {
        arn: pulumi.output(args.dynamo).apply((d) => d.streamArn),
        actions: STREAM_READER_ACTIONS,
        mapping: { startingPosition: "LATEST" },
        where: `Dynamo subscriber "${name}"`,
      },
      opts,
    );
  }
}
