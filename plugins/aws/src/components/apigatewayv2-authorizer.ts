/**
 * `sst.aws.ApiGatewayV2Authorizer`: an authorizer of an HTTP or WebSocket API, created by `addAuthorizer`
 * (not meant to be created directly). JWT authorizers are HTTP-only (API Gateway has none for WebSocket
 * APIs); a Lambda authorizer's function gets an invoke permission scoped to this authorizer.
 */
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { Component, SSTError } from "@sst/core";
import type { ApiGatewayV2AuthorizerArgs } from "./apigatewayv2-args.js";
import type { Function } from "./function.js";
import { applyNow } from "./helpers/apply-now.js";
import { childFactory } from "./helpers/child-factory.js";
import { toSeconds } from "./helpers/duration.js";
import { functionBuilder, type FunctionBuilder } from "./helpers/function-builder.js";
import { invokeArn, invokePermission, type ApiRef } from "./helpers/apigateway-route.js";

export interface ApiGatewayV2AuthorizerComponentArgs extends ApiGatewayV2AuthorizerArgs {
  /** The API the authorizer belongs to. */
  api: ApiRef;
  /** The API's protocol: WebSocket authorizers are Lambda-only and read `route.request.*` identity sources. */
  protocol: "HTTP" | "WEBSOCKET";
}

export class ApiGatewayV2Authorizer extends Component {
  static readonly __pulumiType = "sst:aws:ApiGatewayV2Authorizer";
  readonly #authorizer: aws.apigatewayv2.Authorizer;
  readonly #fn?: FunctionBuilder;
  readonly #permission?: aws.lambda.Permission;

  constructor(name: string, args: ApiGatewayV2AuthorizerComponentArgs, opts: pulumi.ComponentResourceOptions = {}) {
    super(ApiGatewayV2Authorizer.__pulumiType, name, args, opts);
    const where = `${args.api.name}: authorizer "${args.name}"`;
    const fail = (message: string, hint: string) => new SSTError({ code: "E_API_AUTHORIZER", message: `${where}: ${message}`, hint });
    if (!args.jwt === !args.lambda) {
      throw fail(args.jwt ? `has both "jwt" and "lambda".` : `needs "jwt" or "lambda".`, `Pass one of jwt: { issuer, audiences } or lambda: { function }.`);
    }
    const factory = childFactory(this);
    const websocket = args.protocol === "WEBSOCKET";
    if (args.jwt) {
      if (websocket) {
        throw fail(
          `API Gateway has no JWT authorizers for WebSocket APIs.`,
          `Use a Lambda authorizer (lambda: { function }) that verifies the token, on the $connect route.`,
        );
      }
      const jwt = pulumi.output(args.jwt);
      this.#authorizer = this.create("authorizer", aws.apigatewayv2.Authorizer, "Authorizer", {
        apiId: args.api.id,
        authorizerType: "JWT",
        identitySources: [jwt.apply((j) => j.identitySource ?? "$request.header.Authorization")],
        jwtConfiguration: { audiences: jwt.audiences, issuer: jwt.issuer },
      });
      return;
    }
    const lambda = args.lambda!;
    if (pulumi.Output.isInstance(lambda) || typeof lambda !== "object" || lambda.function === undefined) {
      throw fail(`"lambda" must be an object with "function".`, `Pass lambda: { function: "src/authorizer.handler" }.`);
    }
    this.#fn = functionBuilder(`${name}Function`, lambda.function, { description: `${args.api.name} authorizer ${args.name}` }, undefined, { parent: this });
    const format = (payload?: string, response?: string, ttl?: string) => {
      const seconds = ttl === undefined ? 0 : toSeconds(ttl, `${where}: lambda.ttl`);
      if (seconds > 3600) throw fail(`"lambda.ttl" is ${ttl}; API Gateway caches results for at most 3600 seconds.`, `Use a ttl of "3600 seconds" or less.`);
      if (websocket && (payload === "2.0" || response === "simple")) {
        throw fail(
          `WebSocket authorizers take the 1.0 payload and answer with an IAM policy; "payload: 2.0" and "response: simple" are HTTP-only.`,
          `Leave out "payload" and "response".`,
        );
      }
      const version = payload ?? "2.0";
      if (!websocket && version === "1.0" && response === "simple") {
        throw fail(`"response: simple" needs payload "2.0".`, `Use payload: "2.0", or response: "iam".`);
      }
      return { seconds, version, simple: (response ?? (version === "2.0" ? "simple" : "iam")) === "simple" };
    };
    const resolved = applyNow(
      { payload: lambda.payload, response: lambda.response, ttl: lambda.ttl },
      (l: { payload?: string; response?: string; ttl?: string }) => format(l.payload, l.response, l.ttl),
    );
    this.#authorizer = this.create("authorizer", aws.apigatewayv2.Authorizer, "Authorizer", {
      apiId: args.api.id,
      authorizerType: "REQUEST",
      authorizerUri: invokeArn(this.#fn.arn),
      identitySources: lambda.identitySources ?? [websocket ? "route.request.header.Authorization" : "$request.header.Authorization"],
      ...(websocket
        ? {}
        : {
            authorizerResultTtlInSeconds: resolved.seconds,
            authorizerPayloadFormatVersion: resolved.version,
            enableSimpleResponses: resolved.simple,
          }),
    });
    this.#permission = invokePermission(factory, this.#fn.arn, pulumi.interpolate`${args.api.executionArn}/authorizers/${this.#authorizer.id}`);
  }

  /** The authorizer's ID, for a route's `auth: { jwt: { authorizer } }` or `auth: { lambda }`. */
  get id(): pulumi.Output<string> {
    return this.#authorizer.id;
  }

  /** The underlying resources: the authorizer and, for a Lambda authorizer, its function and invoke permission. */
  override get nodes(): { authorizer: aws.apigatewayv2.Authorizer; function?: Function; permission?: aws.lambda.Permission } {
    return { authorizer: this.#authorizer, function: this.#fn && tryFunction(this.#fn), permission: this.#permission };
  }

  protected override outputs() {
    return { id: this.id };
  }
}

/** The created `sst.aws.Function` of a builder, or undefined when the user gave a function ARN. */
export function tryFunction(fn: FunctionBuilder): Function | undefined {
  try {
    return fn.getFunction();
  } catch {
    return undefined;
  }
}
