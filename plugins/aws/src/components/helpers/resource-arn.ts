/**
 * The ARNs storage components take from users, checked by service: queue and topic ARNs (for static
 * `subscribe`) and DynamoDB stream ARNs. Builds on `splitArn` (arn.ts).
 */
import { SSTError } from "@sst/core";
import { splitArn, type ArnParts } from "./arn.js";

const EXAMPLES: Record<string, string> = {
  sqs: "arn:aws:sqs:us-east-1:123456789012:my-queue",
  sns: "arn:aws:sns:us-east-1:123456789012:my-topic",
  dynamodb: "arn:aws:dynamodb:us-east-1:123456789012:table/MyTable/stream/2024-02-25T23:17:55.264",
};

function invalid(arn: string, service: string, where: string): SSTError {
  return new SSTError({
    code: "E_AWS_ARN_INVALID",
    message: `${where}: "${arn}" is not the ARN of ${service === "dynamodb" ? "a DynamoDB stream" : `an ${service} resource`}.`,
    hint: `Pass an ARN like "${EXAMPLES[service] ?? `arn:aws:${service}:us-east-1:123456789012:name`}".`,
  });
}

/** The parts of `arn`, which must be an ARN of `service` with a resource part. */
export function parseArn(arn: string, service: string, where: string): ArnParts {
  const parts = splitArn(String(arn));
  if (!parts || parts.service !== service || !parts.resource) throw invalid(arn, service, where);
  return parts;
}

/** The table name in a DynamoDB stream ARN (`table/<name>/stream/<label>`). */
export function tableNameFromStreamArn(arn: string, where: string): string {
  const match = /^table\/([^/]+)\/stream\/.+$/.exec(parseArn(arn, "dynamodb", where).resource);
  if (!match) throw invalid(arn, "dynamodb", where);
  return match[1]!;
}
