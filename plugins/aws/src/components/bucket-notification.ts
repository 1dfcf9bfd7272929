/**
 * `BucketNotification` (../docs 42-bucketnotification.md): the one S3 notification configuration of a
 * bucket, delivering its events to functions, queues and topics, with the permission each target needs
 * (a Lambda permission, a queue policy, a topic policy). Returned by `Bucket.notify`.
 */
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { Component, isComponent, SSTError, type ComponentArgs, type Transform } from "@sst/core";
import type { Function } from "./function.js";
import { functionBuilder, type FunctionBuilder, type FunctionDefinition } from "./helpers/function-builder.js";
import { queueArnOf, queuePolicyArgs, type QueueInput } from "./helpers/queue-policy.js";
import { parseArn } from "./helpers/resource-arn.js";
import { functionOf, subscriberName } from "./helpers/subscriber.js";
import type { Queue } from "./queue.js";
import type { SnsTopic } from "./sns-topic.js";

/** Every S3 event type a notification can name. */
export const S3_EVENTS = [
  "s3:ObjectCreated:*",
  "s3:ObjectCreated:Put",
  "s3:ObjectCreated:Post",
  "s3:ObjectCreated:Copy",
  "s3:ObjectCreated:CompleteMultipartUpload",
  "s3:ObjectRemoved:*",
  "s3:ObjectRemoved:Delete",
  "s3:ObjectRemoved:DeleteMarkerCreated",
  "s3:ObjectRestore:*",
  "s3:ObjectRestore:Post",
  "s3:ObjectRestore:Completed",
  "s3:ObjectRestore:Delete",
  "s3:ReducedRedundancyLostObject",
  "s3:Replication:*",
  "s3:Replication:OperationFailedReplication",
  "s3:Replication:OperationMissedThreshold",
  "s3:Replication:OperationReplicatedAfterThreshold",
  "s3:Replication:OperationNotTracked",
  "s3:LifecycleExpiration:*",
  "s3:LifecycleExpiration:Delete",
  "s3:LifecycleExpiration:DeleteMarkerCreated",
  "s3:LifecycleTransition",
  "s3:IntelligentTiering",
  "s3:ObjectTagging:*",
  "s3:ObjectTagging:Put",
  "s3:ObjectTagging:Delete",
  "s3:ObjectAcl:Put",
] as const;

export type S3Event = (typeof S3_EVENTS)[number];

/** The default events: every event family once (their `*` forms and the events that have none). */
const ALL_EVENTS: S3Event[] = S3_EVENTS.filter((e) => e.endsWith("*") || !S3_EVENTS.some((o) => o.endsWith("*") && e.startsWith(o.slice(0, -1))));

export interface BucketNotificationConfig {
  /** The subscriber's name, unique in the bucket (it names the resources created for it). */
  name: string;
  /**
   * The function notified: a handler, `FunctionArgs`, or the ARN of an existing function.
   * @example `function: { handler: "src/subscriber.handler", timeout: "60 seconds", link: [bucket] }`
   */
  function?: FunctionDefinition;
  /** The queue notified: a `Queue` or the ARN of a queue. */
  queue?: pulumi.Input<string> | Queue;
  /** The topic notified: an `SnsTopic` or the ARN of a topic. */
  topic?: pulumi.Input<string> | SnsTopic;
  /**
   * The events that notify.
   * @default All S3 events
   * @example `events: ["s3:ObjectCreated:*", "s3:ObjectRemoved:*"]`
   */
  events?: pulumi.Input<pulumi.Input<S3Event>[]>;
  /** Only objects whose key starts with this, e.g. `"images/"`. */
  filterPrefix?: pulumi.Input<string>;
  /** Only objects whose key ends with this, e.g. `".jpg"`. */
  filterSuffix?: pulumi.Input<string>;
}

export interface BucketNotificationArgs extends ComponentArgs {
  /** The bucket. */
  bucket: pulumi.Input<{ /** The bucket's name. */ name: pulumi.Input<string>; /** The bucket's ARN. */ arn: pulumi.Input<string> }>;
  /**
   * The subscribers notified of events in the bucket. A plain list (its entries may hold Outputs): each
   * entry names the resources created for it, so the list is needed while `run()` runs.
   */
  notifications: BucketNotificationConfig[];
  /** Change how the notification's resources are created. */
  transform?: {
    /** The S3 bucket notification (`aws.s3.BucketNotification`). */
    notification?: Transform<aws.s3.BucketNotificationArgs>;
  };
}

interface Target {
  id: string;
  events: pulumi.Input<pulumi.Input<string>[]>;
  filterPrefix?: pulumi.Input<string>;
  filterSuffix?: pulumi.Input<string>;
}

export class BucketNotification extends Component {
  static readonly __pulumiType = "sst:aws:BucketNotification";
  readonly #notification: aws.s3.BucketNotification;
  readonly #functions: FunctionBuilder[] = [];

  constructor(name: string, args: BucketNotificationArgs, opts: pulumi.ComponentResourceOptions = {}) {
    super(BucketNotification.__pulumiType, name, args, opts);
    const where = `Bucket notification "${name}"`;
    if (!Array.isArray(args.notifications) || args.notifications.length === 0) {
      throw new SSTError({ code: "E_BUCKET_NOTIFY", message: `${where}: notifications must be a non-empty list.`, hint: 'notify({ notifications: [{ name: "MySubscriber", function: "src/subscriber.handler" }] })' });
    }
    const lambdaFunctions: pulumi.Input<aws.types.input.s3.BucketNotificationLambdaFunction>[] = [];
    const queues: pulumi.Input<aws.types.input.s3.BucketNotificationQueue>[] = [];
    const topics: pulumi.Input<aws.types.input.s3.BucketNotificationTopic>[] = [];
    const grants: pulumi.Resource[] = [];
    const seen = new Set<string>();
    const bucket = pulumi.output(args.bucket);

    for (const n of args.notifications) {
      const id = subscriberName(n.name, `${where}: notifications[].name`);
      if (seen.has(id)) {
        throw new SSTError({ code: "E_BUCKET_NOTIFY", message: `${where}: two notifications are named "${n.name}".`, hint: "Give each notification its own name." });
      }
      seen.add(id);
      const targets = (["function", "queue", "topic"] as const).filter((k) => n[k] !== undefined);
      if (targets.length !== 1) {
        throw new SSTError({
          code: "E_BUCKET_NOTIFY",
          message: `${where}: notification "${n.name}" sets ${targets.length ? targets.join(" and ") : "none of function, queue and topic"}.`,
          hint: "Set exactly one of function, queue or topic per notification.",
        });
      }
      const target: Target = { id: n.name, events: n.events ?? ALL_EVENTS, filterPrefix: n.filterPrefix, filterSuffix: n.filterSuffix };
      if (n.function !== undefined) {
        const fn = functionBuilder(`${name}${id}Function`, n.function, { description: `Notified by ${name}` }, undefined, { parent: this });
        this.#functions.push(fn);
        grants.push(
          this.create("permission", aws.lambda.Permission, `${id}Permission`, {
            action: "lambda:InvokeFunction",
            function: fn.arn,
            principal: "s3.amazonaws.com",
            sourceArn: bucket.arn,
          }),
        );
        lambdaFunctions.push({ ...target, lambdaFunctionArn: fn.arn });
      } else if (n.queue !== undefined) {
        if (typeof n.queue === "string") parseArn(n.queue, "sqs", `${where}: notification "${n.name}" queue`);
        const queueArn = queueArnOf(n.queue as QueueInput);
        // Kept on delete: other subscriptions of the queue rely on the same (one) queue policy.
        grants.push(
          this.create("queuePolicy", aws.sqs.QueuePolicy, `${id}Policy`, queuePolicyArgs(queueArn, `${where}: notification "${n.name}" queue`), {
            retainOnDelete: true,
          }),
        );
        queues.push({ ...target, queueArn });
      } else {
        if (typeof n.topic === "string") parseArn(n.topic, "sns", `${where}: notification "${n.name}" topic`);
        const topicArn = isComponent(n.topic) ? (n.topic as SnsTopic).arn : pulumi.output(n.topic as pulumi.Input<string>);
        // Kept on delete, like queue policies: every bucket notifying the topic writes the same (one) policy.
        const policy = topicArn.apply((arn) =>
          JSON.stringify({
            Version: "2012-10-17",
            Statement: [{ Effect: "Allow", Principal: { Service: "s3.amazonaws.com" }, Action: "sns:Publish", Resource: arn }],
          }),
        );
        grants.push(this.create("topicPolicy", aws.sns.TopicPolicy, `${id}Policy`, { arn: topicArn, policy }, { retainOnDelete: true }));
        topics.push({ ...target, topicArn });
      }
    }

    this.#notification = this.create(
      "notification",
      aws.s3.BucketNotification,
      "Notification",
      { bucket: bucket.name, lambdaFunctions, queues, topics },
      // S3 checks that it may deliver to each target when the configuration is saved.
      { dependsOn: grants },
    );
  }

  /** The underlying resources this component creates. */
  override get nodes(): { notification: aws.s3.BucketNotification; functions: Function[] } {
    return {
      notification: this.#notification,
      /** The functions created for the notifications (those given by ARN are not included). */
      functions: this.#functions.map(functionOf).filter((f): f is Function => f !== undefined),
    };
  }
}
