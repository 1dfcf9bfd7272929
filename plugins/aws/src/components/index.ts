/**
 * The components `@sst/aws` adds, declared once: the kernel registers the tree (`sst.aws.*`) and
 * `SSTNamespace` is typed from it. One line per component; keep it sorted.
 */
import { ApiGatewayWebSocketRoute } from "./apigateway-websocket-route.js";
import { ApiGatewayWebSocket } from "./apigateway-websocket.js";
import { ApiGatewayV2Authorizer } from "./apigatewayv2-authorizer.js";
import { ApiGatewayV2LambdaRoute } from "./apigatewayv2-lambda-route.js";
import { ApiGatewayV2PrivateRoute } from "./apigatewayv2-private-route.js";
import { ApiGatewayV2UrlRoute } from "./apigatewayv2-url-route.js";
import { ApiGatewayV2 } from "./apigatewayv2.js";
import { BucketNotification } from "./bucket-notification.js";
import { Bucket } from "./bucket.js";
import { Bus } from "./bus.js";
import { Cron } from "./cron.js";
import { dns } from "./dns.js";
import { DynamoLambdaSubscriber } from "./dynamo-lambda-subscriber.js";
import { Dynamo } from "./dynamo.js";
import { Email } from "./email.js";
import { Function } from "./function.js";
import { FunctionEnvironmentUpdate } from "./function-environment-update.js";
import { permission } from "./helpers/permission.js";
import { iamEdit } from "./iam-edit.js";
import { QueueLambdaSubscriber } from "./queue-lambda-subscriber.js";
import { Queue } from "./queue.js";
import { Realtime } from "./realtime.js";
import { RealtimeLambdaSubscriber } from "./realtime-lambda-subscriber.js";
import { SnsTopicLambdaSubscriber } from "./sns-topic-lambda-subscriber.js";
import { SnsTopicQueueSubscriber } from "./sns-topic-queue-subscriber.js";
import { SnsTopic } from "./sns-topic.js";

export const components = {
  aws: {
    ApiGatewayV2,
    ApiGatewayV2Authorizer,
    ApiGatewayV2LambdaRoute,
    ApiGatewayV2PrivateRoute,
    ApiGatewayV2UrlRoute,
    ApiGatewayWebSocket,
    ApiGatewayWebSocketRoute,
    Bucket,
    BucketNotification,
    Bus,
    Cron,
    dns,
    Dynamo,
    DynamoLambdaSubscriber,
    Email,
    Function,
    FunctionEnvironmentUpdate,
    iamEdit,
    permission,
    Queue,
    QueueLambdaSubscriber,
    Realtime,
    RealtimeLambdaSubscriber,
    SnsTopic,
    SnsTopicLambdaSubscriber,
    SnsTopicQueueSubscriber,
  },
};

export type AwsComponents = typeof components;

export { ApiGatewayWebSocket, type ApiGatewayWebSocketArgs, type ApiGatewayWebSocketAuthorizerArgs } from "./apigateway-websocket.js";
export { ApiGatewayWebSocketRoute, type ApiGatewayWebSocketRouteArgs } from "./apigateway-websocket-route.js";
export { ApiGatewayV2, type ApiGatewayV2Args, type ApiGatewayV2AuthorizerArgs, type ApiGatewayV2CorsArgs, type ApiGatewayV2RouteArgs } from "./apigatewayv2.js";
export { ApiGatewayV2Authorizer } from "./apigatewayv2-authorizer.js";
export { ApiGatewayV2LambdaRoute } from "./apigatewayv2-lambda-route.js";
export { ApiGatewayV2PrivateRoute } from "./apigatewayv2-private-route.js";
export { ApiGatewayV2UrlRoute } from "./apigatewayv2-url-route.js";
export { Bus, type BusArgs, type BusPattern, type BusSubscriberArgs } from "./bus.js";
export { BusLambdaSubscriber, type BusLambdaSubscriberArgs } from "./bus-lambda-subscriber.js";
export { BusQueueSubscriber, type BusQueueSubscriberArgs } from "./bus-queue-subscriber.js";
export { Cron, type CronArgs, type CronSchedule, type CronTask } from "./cron.js";
export { Email, type EmailArgs, type EmailEvent, type EmailEventType } from "./email.js";
export { Function, builderOf, policyDocument, type FunctionArgs, type FunctionRuntime, type FunctionUrlArgs, type FunctionUrlCors, type FunctionUrlRouter } from "./function.js";
export { FunctionEnvironmentUpdate, type FunctionEnvironmentUpdateInputs } from "./function-environment-update.js";
export { Realtime, type RealtimeArgs, type RealtimeSubscriberArgs } from "./realtime.js";
export { RealtimeLambdaSubscriber, type RealtimeLambdaSubscriberArgs } from "./realtime-lambda-subscriber.js";
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
