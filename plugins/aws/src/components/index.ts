/**
 * The components `@sst/aws` adds, declared once: the kernel registers the tree (`sst.aws.*`) and
 * `SSTNamespace` is typed from it. One line per component; keep it sorted.
 */
import { Bucket } from "./bucket.js";
import { BucketNotification } from "./bucket-notification.js";
import { dns } from "./dns.js";
import { Dynamo } from "./dynamo.js";
import { DynamoLambdaSubscriber } from "./dynamo-lambda-subscriber.js";
import { Function } from "./function.js";
import { iamEdit } from "./iam-edit.js";
import { Queue } from "./queue.js";
import { QueueLambdaSubscriber } from "./queue-lambda-subscriber.js";
import { SnsTopic } from "./sns-topic.js";
import { SnsTopicLambdaSubscriber } from "./sns-topic-lambda-subscriber.js";
import { SnsTopicQueueSubscriber } from "./sns-topic-queue-subscriber.js";
import { permission } from "./helpers/permission.js";

export const components = {
  aws: {
    Bucket,
    BucketNotification,
    dns,
    Dynamo,
    DynamoLambdaSubscriber,
    Function,
    iamEdit,
    permission,
    Queue,
    QueueLambdaSubscriber,
    SnsTopic,
    SnsTopicLambdaSubscriber,
    SnsTopicQueueSubscriber,
  },
};

export type AwsComponents = typeof components;

export { Function, builderOf, policyDocument, type FunctionArgs, type FunctionRuntime, type FunctionUrlArgs, type FunctionUrlCors, type FunctionUrlRouter } from "./function.js";
export { FunctionEnvironmentUpdate, type FunctionEnvironmentUpdateInputs } from "./function-environment-update.js";
export { functionBuilder, type FunctionBuilder, type FunctionDefinition } from "./helpers/function-builder.js";
export { permission, isPermission, type PermissionStatement, type PermissionInclude } from "./helpers/permission.js";
export { dns, txtValue, type AwsDns, type DnsArgs } from "./dns.js";
export { iamEdit, type IamPolicyDocument, type IamStatement } from "./iam-edit.js";
export {
  normalizeDomain,
  createCertificate,
  type DomainArgs,
  type DomainInput,
  type NormalizedDomain,
  type CertifiedDomain,
  type CertificateOptions,
} from "./helpers/domain.js";
export { Queue, type QueueArgs } from "./queue.js";
export { QueueLambdaSubscriber, type QueueSubscriberArgs, type QueueLambdaSubscriberArgs } from "./queue-lambda-subscriber.js";
export { SnsTopic, type SnsTopicArgs, type SnsTopicSubscriberArgs } from "./sns-topic.js";
export { SnsTopicLambdaSubscriber, type SnsTopicLambdaSubscriberArgs } from "./sns-topic-lambda-subscriber.js";
export { SnsTopicQueueSubscriber, type SnsTopicQueueSubscriberArgs } from "./sns-topic-queue-subscriber.js";
export { Bucket, type BucketArgs, type BucketCors, type BucketNotificationsArgs } from "./bucket.js";
export { BucketNotification, S3_EVENTS, type BucketNotificationArgs, type BucketNotificationConfig, type S3Event } from "./bucket-notification.js";
export type { BucketPolicyStatement } from "./helpers/bucket-policy.js";
export { Dynamo, type DynamoArgs, type DynamoSubscriberArgs } from "./dynamo.js";
export { DynamoLambdaSubscriber, type DynamoLambdaSubscriberArgs } from "./dynamo-lambda-subscriber.js";
