/**
 * `sst.aws.Dynamo`: a DynamoDB table (on demand, point-in-time recovery on) with global and local indexes,
 * TTL, an optional stream and stream subscribers. Not in ../docs; built to SST v3's component.
 */
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { Component, SSTError, type ComponentArgs, type LinkPayload, type Transform } from "@sst/core";
import { DynamoLambdaSubscriber, type DynamoSubscriberArgs } from "./dynamo-lambda-subscriber.js";
import { tableNameFromStreamArn } from "./helpers/resource-arn.js";
import { checkTableShape, streamViewType, tableShapeArgs, type FieldType, type Projection, type StreamView, type TableShape } from "./helpers/dynamo-table.js";
import type { FunctionDefinition } from "./helpers/function-builder.js";
import { applyNow } from "./helpers/apply-now.js";
import { outputOf } from "./helpers/output-of.js";
import { permission } from "./helpers/permission.js";
import { handlerOf, sourcePrefixOf, subscriberName, subscriberSuffix } from "./helpers/subscriber.js";

export type { DynamoSubscriberArgs } from "./dynamo-lambda-subscriber.js";

export interface DynamoArgs extends ComponentArgs {
  /**
   * The fields that keys use, with their types. Declare only key fields: other attributes need none.
   * @example `fields: { userId: "string", noteId: "string", createdAt: "number" }`
   */
  fields: pulumi.Input<Record<string, FieldType>>;
  /**
   * The table's primary key.
   * @example `primaryIndex: { hashKey: "userId", rangeKey: "noteId" }`
   */
  primaryIndex: pulumi.Input<{ /** The partition key field. */ hashKey: pulumi.Input<string>; /** The sort key field. */ rangeKey?: pulumi.Input<string> }>;
  /**
   * Global secondary indexes by name (up to 20).
   * @example `globalIndexes: { CreatedAtIndex: { hashKey: "userId", rangeKey: "createdAt" } }`
   */
  globalIndexes?: pulumi.Input<
    Record<
      string,
      pulumi.Input<{
        hashKey: pulumi.Input<string>;
        rangeKey?: pulumi.Input<string>;
        /**
         * The fields copied into the index: `"all"`, `"keys-only"`, or a list of fields besides the keys.
         * @default `"all"`
         */
        projection?: pulumi.Input<Projection>;
      }>
    >
  >;
  /**
   * Local secondary indexes by name (up to 5): same hash key as the table, another range key.
   * @example `localIndexes: { CreatedAtIndex: { rangeKey: "createdAt" } }`
   */
  localIndexes?: pulumi.Input<Record<string, pulumi.Input<{ rangeKey: pulumi.Input<string>; /** @default `"all"` */ projection?: pulumi.Input<Projection> }>>>;
  /**
   * Enable the table's stream, and what each record holds: `keys-only`, `new-image`, `old-image` or
   * `new-and-old-images`. Needed to `subscribe`.
   * @default Disabled
   */
  stream?: pulumi.Input<StreamView>;
  /**
   * The number field holding each item's expiry time (epoch seconds); expired items are deleted.
   * @example `ttl: "expireAt"`
   */
  ttl?: pulumi.Input<string>;
  /**
   * Refuse to delete the table (`deletionProtectionEnabled`).
   * @default `false`
   */
  deletionProtection?: pulumi.Input<boolean>;
  /** Change how the table's resources are created. */
  transform?: {
    /** The DynamoDB table (`aws.dynamodb.Table`). */
    table?: Transform<aws.dynamodb.TableArgs>;
  };
}

const REF = Symbol("sst.aws.Dynamo.ref");

export class Dynamo extends Component {
  static readonly __pulumiType = "sst:aws:Dynamo";
  readonly #table: aws.dynamodb.Table;
  /** Whether `subscribe` may be called: the stream is on (always true for a referenced table). */
  readonly #streamEnabled: boolean;

  constructor(name: string, args: DynamoArgs, opts: pulumi.ComponentResourceOptions = {}) {
    super(Dynamo.__pulumiType, name, args, opts);
    const ref = (args as { [REF]?: pulumi.Input<string> })[REF];
    if (ref !== undefined) {
      this.#table = this.reference("table", aws.dynamodb.Table, "Table", ref);
      this.#streamEnabled = true;
      return;
    }
    const where = `Dynamo "${name}"`;
    const shapeInput = { fields: args.fields, primaryIndex: args.primaryIndex, globalIndexes: args.globalIndexes, localIndexes: args.localIndexes };
    const shape = applyNow(shapeInput, (s) => shapeArgs(s as TableShape, where));
    const stream = args.stream === undefined ? undefined : applyNow(args.stream, (s) => streamViewType(s, where));
    this.#streamEnabled = args.stream !== undefined;
    this.#table = this.create("table", aws.dynamodb.Table, "Table", {
      billingMode: "PAY_PER_REQUEST",
      attributes: shape.attributes,
      hashKey: shape.hashKey,
      rangeKey: shape.rangeKey,
      globalSecondaryIndexes: shape.globalSecondaryIndexes,
      localSecondaryIndexes: shape.localSecondaryIndexes,
      streamEnabled: stream !== undefined,
      streamViewType: stream,
      pointInTimeRecovery: { enabled: true },
      ttl: args.ttl === undefined ? undefined : { attributeName: args.ttl, enabled: true },
      deletionProtectionEnabled: args.deletionProtection ?? false,
    });
  }

  /**
   * Reference a table created elsewhere (another stage, another app) by its name, without managing it.
   * @example sst.aws.Dynamo.get("MyTable", "app-dev-mytable-abcdefgh")
   */
  static get(name: string, tableName: pulumi.Input<string>, opts: pulumi.ComponentResourceOptions = {}): Dynamo {
    return new Dynamo(name, { [REF]: tableName } as unknown as DynamoArgs, opts);
  }

  /** The ARN of the DynamoDB table. */
  get arn(): pulumi.Output<string> {
    return this.#table.arn;
  }

  /** The name of the DynamoDB table. */
  get name(): pulumi.Output<string> {
    return this.#table.name;
  }

  /** The underlying resources this component creates. */
  override get nodes(): { table: aws.dynamodb.Table } {
    return { table: this.#table };
  }

  /**
   * Subscribe a function to the table's stream (enable `stream` first). Either `subscribe(subscriber, args?)`
   * or, as newer SST versions name subscribers, `subscribe(name, subscriber, args?)`.
   * @example
   * table.subscribe("src/subscriber.handler", { filters: [{ dynamodb: { Keys: { CustomerName: { S: ["AnyCompany Industries"] } } } }] });
   * table.subscribe("MySubscriber", "src/subscriber.handler");
   */
  subscribe(subscriber: FunctionDefinition, args?: DynamoSubscriberArgs): pulumi.Output<DynamoLambdaSubscriber>;
  subscribe(name: string, subscriber: FunctionDefinition, args?: DynamoSubscriberArgs): pulumi.Output<DynamoLambdaSubscriber>;
  subscribe(first: FunctionDefinition, second?: FunctionDefinition | DynamoSubscriberArgs, third?: DynamoSubscriberArgs): pulumi.Output<DynamoLambdaSubscriber> {
    const name = this.componentName;
    if (!this.#streamEnabled) {
      throw new SSTError({
        code: "E_DYNAMO_STREAM",
        message: `Dynamo "${name}": subscribe needs the table's stream, which is not enabled.`,
        hint: 'Set stream, e.g. stream: "new-and-old-images".',
      });
    }
    const named = third !== undefined || typeof second === "string" || (second !== undefined && (pulumi.Output.isInstance(second) || "handler" in second));
    const subscriber = (named ? second : first) as FunctionDefinition;
    const args = ((named ? third : second) ?? {}) as DynamoSubscriberArgs;
    const id = named
      ? `${name}Subscriber${subscriberName(first as string, `Dynamo "${name}": subscribe`)}`
      : `${name}Subscriber${subscriberSuffix([name, args.filters, handlerOf(subscriber)])}`;
    const streamArn = this.#table.streamArn;
    return outputOf(new DynamoLambdaSubscriber(id, { ...args, dynamo: { streamArn }, subscriber }, { parent: this }));
  }

  /**
   * Subscribe a function to the stream of a table that was not created in this app.
   * @example sst.aws.Dynamo.subscribe("arn:aws:dynamodb:us-east-1:123456789012:table/MyTable/stream/2024-02-25T23:17:55.264", "src/subscriber.handler");
   */
  static subscribe(streamArn: pulumi.Input<string>, subscriber: FunctionDefinition, args: DynamoSubscriberArgs = {}): pulumi.Output<DynamoLambdaSubscriber> {
    const table = sourcePrefixOf(streamArn, "Table", (arn) => tableNameFromStreamArn(arn, "Dynamo.subscribe: streamArn"));
    const suffix = subscriberSuffix([streamArn, args.filters, handlerOf(subscriber)]);
    return outputOf(new DynamoLambdaSubscriber(`${table}Subscriber${suffix}`, { ...args, dynamo: { streamArn }, subscriber }));
  }

  protected override outputs() {
    return { arn: this.arn, name: this.name };
  }

  /** Links give `name` and `dynamodb:*` on the table and what is under it (indexes, streams). */
  getSSTLink(): LinkPayload {
    return {
      properties: { name: this.name },
      include: [permission({ actions: ["dynamodb:*"], resources: [this.arn, pulumi.interpolate`${this.arn}/*`] })],
    };
  }
}

function shapeArgs(shape: TableShape, where: string) {
  checkTableShape(shape, where);
  return tableShapeArgs(shape);
}
