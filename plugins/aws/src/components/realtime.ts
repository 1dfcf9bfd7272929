/**
 * `sst.aws.Realtime` (../docs 19-realtime.md): topic-based realtime messaging on AWS IoT Core, with a custom
 * authorizer backed by a Lambda function (written with `realtime.authorizer` from `sst/aws/realtime`), and
 * backend subscribers through IoT topic rules.
 */
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { Component, logicalName, prettyHash, type ComponentArgs, type LinkPayload, type Transform } from "@sst/core";
import type { Function, FunctionArgs } from "./function.js";
import { splitArn } from "./helpers/arn.js";
import { invokePermission } from "./helpers/invoke-permission.js";
import { functionBuilder, type FunctionBuilder } from "./helpers/function-builder.js";
import { outputOf } from "./helpers/output-of.js";
import { permission } from "./helpers/permission.js";
import { RealtimeLambdaSubscriber } from "./realtime-lambda-subscriber.js";

export interface RealtimeArgs extends ComponentArgs {
  /**
   * The Lambda function that'll be used to authorize the client on connection.
   * @example { authorizer: "src/authorizer.handler" }
   */
  authorizer: pulumi.Input<string | FunctionArgs>;
  /** [Transform](https://sst.dev/docs/components#transform) how this component creates its underlying resources. */
  transform?: {
    /** Transform the IoT authorizer resource. */
    authorizer?: Transform<aws.iot.AuthorizerArgs>;
  };
}

export interface RealtimeSubscriberArgs {
  /**
   * Filter the topics that'll be processed by the subscriber (an MQTT
   * [topic filter](https://docs.aws.amazon.com/iot/latest/developerguide/topics.html#topicfilters)).
   * @example
   * { filter: `${$app.name}/${$app.stage}/chat/room1` } // a topic
   * { filter: `${$app.name}/${$app.stage}/chat/#` } // every topic under a prefix
   */
  filter: pulumi.Input<string>;
  /** [Transform](https://sst.dev/docs/components#transform) how this subscription creates its underlying resources. */
  transform?: {
    /** Transform the IoT Topic rule resource. */
    topicRule?: Transform<aws.iot.TopicRuleArgs>;
  };
}

/**
 * The `Realtime` component lets you publish and subscribe to messages in realtime, topic-based, over AWS IoT.
 * IoT is shared by every app and stage of an account (one endpoint per region): prefix topics with the app
 * and stage names.
 *
 * Linking it gives `endpoint` and `authorizer`, and permission to publish to the account's topics
 * (`iot:Publish`, what "Publish message from your backend" needs).
 * @example
 * const server = new sst.aws.Realtime("MyServer", { authorizer: "src/authorizer.handler" });
 * server.subscribe("src/subscriber.handler", { filter: `${$app.name}/${$app.stage}/chat/room1` });
 */
export class Realtime extends Component {
  static readonly __pulumiType = "sst:aws:Realtime";
  readonly #name: string;
  readonly #opts: pulumi.ComponentResourceOptions;
  readonly #authHandler: FunctionBuilder;
  readonly #authorizer: aws.iot.Authorizer;
  readonly #endpoint: pulumi.Output<string>;
  /** Subscriptions made so far: names those whose filter is not known yet. */
  #subscriptions = 0;

  constructor(name: string, args: RealtimeArgs, opts: pulumi.ComponentResourceOptions = {}) {
    super(Realtime.__pulumiType, name, args, opts);
    this.#name = name;
    this.#opts = opts;
    // The handler gets iot:* as SST gives it (an authorizer may look up the endpoint or publish).
    this.#authHandler = functionBuilder(
      `${name}AuthorizerHandler`,
      args.authorizer,
      { description: `Authorizer for ${name}` },
      (fn) => ({ ...fn, permissions: pulumi.output(fn.permissions ?? []).apply((p) => [...p, { actions: ["iot:*"], resources: ["*"] }]) }),
      { parent: this },
    );
    this.#authorizer = this.create("authorizer", aws.iot.Authorizer, "Authorizer", {
      authorizerFunctionArn: this.#authHandler.arn,
      signingDisabled: true,
      status: "ACTIVE",
    });
    this.create("permission", aws.lambda.Permission, "Permission", invokePermission(this.#authHandler.arn, "iot.amazonaws.com", this.#authorizer.arn));
    this.#endpoint = aws.iot.getEndpointOutput({ endpointType: "iot:Data-ATS" }, { parent: this }).endpointAddress;
  }

  /** The IoT endpoint (the account's `iot:Data-ATS` endpoint of the region). */
  get endpoint(): pulumi.Output<string> {
    return this.#endpoint;
  }

  /** The name of the IoT authorizer. */
  get authorizer(): pulumi.Output<string> {
    return this.#authorizer.name;
  }

  /** The underlying resources this component creates. */
  override get nodes() {
    return {
      /** The IoT authorizer resource. */
      authorizer: this.#authorizer,
      /** The IoT authorizer function resource. */
      authHandler: outputOf<Function>(this.#authHandler.getFunction()),
    };
  }

  /**
   * Subscribe to this Realtime server: the function receives the messages published to topics matching the
   * filter. The subscriber is named `<Realtime>Subscriber<hash of filter and handler>`, as SST names it.
   * @param subscriber A handler, the full function props, or the ARN of an existing function.
   * @example
   * server.subscribe("src/subscriber.handler", { filter: `${$app.name}/${$app.stage}/chat/room1` });
   * server.subscribe({ handler: "src/subscriber.handler", timeout: "60 seconds" }, { filter: `${$app.name}/${$app.stage}/chat/#` });
   */
  subscribe(subscriber: pulumi.Input<string | FunctionArgs>, args: RealtimeSubscriberArgs): pulumi.Output<RealtimeLambdaSubscriber> {
    const index = this.#subscriptions++;
    const handler = handlerOf(subscriber);
    // A filter that is an Output is not known while run() runs: the subscription's position stands in for it.
    const key = typeof args.filter === "string" ? args.filter : `#${index}`;
    const suffix = logicalName(prettyHash(key + handler, 6));
    const created = new RealtimeLambdaSubscriber(
      `${this.#name}Subscriber${suffix}`,
      { ...args, iot: { name: this.#name }, subscriber },
      { provider: this.#opts.provider, providers: this.#opts.providers },
    );
    return outputOf(created);
  }

  protected override outputs() {
    return { endpoint: this.endpoint, authorizer: this.authorizer };
  }

  getSSTLink(): LinkPayload {
    return {
      properties: { endpoint: this.endpoint, authorizer: this.authorizer },
      include: [permission({ actions: ["iot:Publish"], resources: [this.#authorizer.arn.apply(topicsOf)] })],
    };
  }
}

/** The subscriber's handler (or ARN) when it is a plain string: with the filter, it names the subscriber. */
function handlerOf(subscriber: pulumi.Input<string | FunctionArgs>): string {
  if (typeof subscriber === "string") return subscriber;
  const handler = typeof subscriber === "object" && !pulumi.Output.isInstance(subscriber) && !(subscriber instanceof Promise) ? subscriber.handler : undefined;
  return typeof handler === "string" ? handler : "";
}

/** `arn:aws:iot:<region>:<account>:topic/*` from the authorizer's ARN (same partition, region and account). */
function topicsOf(authorizerArn: string): string {
  const parts = splitArn(authorizerArn);
  return parts ? `arn:${parts.partition}:iot:${parts.region}:${parts.account}:topic/*` : "*";
}
