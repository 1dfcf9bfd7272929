/**
 * The CloudWatch log group of an API's access logs, `/aws/vendedlogs/apis/<app>-<stage>-<Name>` (the
 * `vendedlogs` prefix keeps API Gateway's log delivery under the resource-policy size limit), and the JSON
 * format each request is logged in.
 */
import * as aws from "@pulumi/aws";
import type * as pulumi from "@pulumi/pulumi";
import { prefixName, useProgram } from "@sst/core";
import { applyNow } from "./apply-now.js";
import type { ChildFactory } from "./child-factory.js";
import { retentionInDays, type LogRetention } from "./log-retention.js";

/**
 * Creates the access-log group under transform key `key`.
 * @param accessLog The component's `accessLog` arg; `retention` defaults to `defaultRetention`.
 */
export function createAccessLogGroup(
  factory: ChildFactory,
  key: string,
  accessLog: pulumi.Input<{ retention?: pulumi.Input<LogRetention> }> | undefined,
  defaultRetention: LogRetention,
): aws.cloudwatch.LogGroup {
  const app = useProgram(`${factory.name} access log`).app;
  return factory.create(key, aws.cloudwatch.LogGroup, "AccessLog", {
    name: `/aws/vendedlogs/apis/${prefixName(app, 64, factory.name)}`,
    retentionInDays: applyNow(accessLog, (a) => retentionInDays(a?.retention ?? defaultRetention, `${factory.name}: accessLog.retention`)),
  });
}

/**
 * An access-log format: a JSON object whose values API Gateway fills in per request. Strings are quoted;
 * the `numbers` are left bare so each logged line parses with them as numbers.
 */
function jsonFormat(strings: Record<string, string>, numbers: Record<string, string>): string {
  const entries = [
    ...Object.entries(strings).map(([k, v]) => `"${k}":"${v}"`),
    ...Object.entries(numbers).map(([k, v]) => `"${k}":${v}`),
  ];
  return `{${entries.join(",")}}`;
}

/** What an HTTP API logs per request. */
export const HTTP_ACCESS_LOG_FORMAT = jsonFormat(
  {
    requestTime: "$context.requestTime",
    requestId: "$context.requestId",
    httpMethod: "$context.httpMethod",
    path: "$context.path",
    routeKey: "$context.routeKey",
    integrationRequestId: "$context.integration.requestId",
    integrationStatus: "$context.integration.status",
    integrationLatency: "$context.integration.latency",
    integrationServiceStatus: "$context.integration.integrationStatus",
    ip: "$context.identity.sourceIp",
    userAgent: "$context.identity.userAgent",
  },
  { status: "$context.status", responseLatency: "$context.responseLatency" },
);

/** What a WebSocket API logs per message or connection event. */
export const WEBSOCKET_ACCESS_LOG_FORMAT = jsonFormat(
  {
    requestTime: "$context.requestTime",
    requestId: "$context.requestId",
    eventType: "$context.eventType",
    routeKey: "$context.routeKey",
    integrationRequestId: "$context.awsEndpointRequestId",
    integrationStatus: "$context.integrationStatus",
    integrationLatency: "$context.integrationLatency",
    integrationServiceStatus: "$context.integration.integrationStatus",
    ip: "$context.identity.sourceIp",
    userAgent: "$context.identity.userAgent",
    connectedAt: "$context.connectedAt",
    connectionId: "$context.connectionId",
  },
  { status: "$context.status" },
);
