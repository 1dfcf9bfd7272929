/** `sst.aws.Email`'s `events`: SES event types and the event destination each event becomes. */
import type * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { SSTError } from "@sst/core";

/** The SES event types, as `events[].types` names them. */
export const EMAIL_EVENT_TYPES = [
  "send",
  "reject",
  "bounce",
  "complaint",
  "delivery",
  "delivery-delay",
  "rendering-failure",
  "subscription",
  "open",
  "click",
] as const;

export type EmailEventType = (typeof EMAIL_EVENT_TYPES)[number];

/** One event notification of an Email component. */
export interface EmailEvent {
  /** The name of the event (the SES event destination's name). */
  name: pulumi.Input<string>;
  /** The types of events to send. */
  types: pulumi.Input<pulumi.Input<EmailEventType>[]>;
  /** The ARN of the SNS topic to send events to. */
  topic?: pulumi.Input<string>;
  /** The ARN of the EventBridge bus to send events to. */
  bus?: pulumi.Input<string>;
}

/** `delivery-delay` → `DELIVERY_DELAY`: SES's name of an event type. */
function sesEventType(email: string, type: string): string {
  if (!(EMAIL_EVENT_TYPES as readonly string[]).includes(type)) {
    throw new SSTError({
      code: "E_EMAIL_EVENT_TYPE",
      message: `Email "${email}": "${type}" is not an event type.`,
      hint: `Use some of: ${EMAIL_EVENT_TYPES.join(", ")}.`,
    });
  }
  return type.toUpperCase().replace(/-/g, "_");
}

/** The `eventDestination` of an event, checked: exactly one of `topic` and `bus`, known types. */
export function eventDestination(email: string, event: EmailEvent): aws.types.input.sesv2.ConfigurationSetEventDestinationEventDestination {
  const label = typeof event.name === "string" ? `"${event.name}"` : "an event";
  if ((event.topic === undefined) === (event.bus === undefined)) {
    throw new SSTError({
      code: "E_EMAIL_EVENT_TARGET",
      message: `Email "${email}": ${label} must send to exactly one of "topic" and "bus".`,
      hint: `For example: { name: "OnBounce", types: ["bounce"], topic: topic.arn }.`,
    });
  }
  return {
    enabled: true,
    matchingEventTypes: pulumi.output(event.types).apply((types) => types.map((t) => sesEventType(email, t))),
    ...(event.topic !== undefined ? { snsDestination: { topicArn: event.topic } } : {}),
    ...(event.bus !== undefined ? { eventBridgeDestination: { eventBusArn: event.bus } } : {}),
  };
}
