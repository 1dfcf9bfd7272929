/**
 * The components `@sst/aws` adds, declared once: the kernel registers the tree (`sst.aws.*`) and
 * `SSTNamespace` is typed from it. One line per component; keep it sorted.
 */
import { Bus } from "./bus.js";
import { Cron } from "./cron.js";
import { dns } from "./dns.js";
import { Email } from "./email.js";
import { Function } from "./function.js";
import { iamEdit } from "./iam-edit.js";
import { permission } from "./helpers/permission.js";
import { Realtime } from "./realtime.js";

export const components = {
  aws: {
    Bus,
    Cron,
    dns,
    Email,
    Function,
    iamEdit,
    permission,
    Realtime,
  },
};

export type AwsComponents = typeof components;

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
