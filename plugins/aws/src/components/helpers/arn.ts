/**
 * Reading the parts of AWS ARNs that components take from users (`arn:<partition>:<service>:<region>:<account>:<resource>`).
 */
import { SSTError } from "@sst/core";

/** The parts of an ARN. */
export interface ArnParts {
  partition: string;
  service: string;
  region: string;
  account: string;
  /** Everything after the account: `event-bus/my-bus`, `my-queue`, `function:my-fn`. */
  resource: string;
}

/** Splits an ARN; `undefined` when the string is not one. */
export function splitArn(arn: string): ArnParts | undefined {
  const parts = arn.split(":");
  if (parts.length < 6 || parts[0] !== "arn") return undefined;
  const [, partition, service, region, account, ...rest] = parts;
  return { partition: partition!, service: service!, region: region!, account: account!, resource: rest.join(":") };
}

function invalid(what: string, arn: string, example: string, where: string): SSTError {
  return new SSTError({
    code: "E_AWS_ARN_INVALID",
    message: `${where}: "${arn}" is not the ARN of ${what}.`,
    hint: `Pass an ARN like "${example}".`,
  });
}

/** The bus name of an EventBridge event bus ARN (`arn:aws:events:us-east-1:123456789012:event-bus/my-bus`). */
export function eventBusName(arn: string, where: string): string {
  const parts = splitArn(arn);
  const name = parts?.service === "events" && parts.resource.startsWith("event-bus/") ? parts.resource.slice("event-bus/".length) : "";
  if (!name) throw invalid("an EventBridge event bus", arn, "arn:aws:events:us-east-1:123456789012:event-bus/my-bus", where);
  return name;
}

/** The URL of an SQS queue from its ARN (`arn:aws:sqs:us-east-1:123456789012:my-queue`). */
export function queueUrl(arn: string, where: string): string {
  const parts = splitArn(arn);
  if (parts?.service !== "sqs" || !parts.resource || parts.resource.includes("/")) {
    throw invalid("an SQS queue", arn, "arn:aws:sqs:us-east-1:123456789012:my-queue", where);
  }
  const domain = parts.partition === "aws-cn" ? "amazonaws.com.cn" : "amazonaws.com";
  return `https://sqs.${parts.region}.${domain}/${parts.account}/${parts.resource}`;
}
