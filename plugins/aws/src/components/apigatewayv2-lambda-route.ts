/**
 * `sst.aws.ApiGatewayV2LambdaRoute`: a route of an HTTP API to a Lambda function, created by
 * `ApiGatewayV2.route` (not meant to be created directly). The function (built from a handler or
 * `FunctionArgs`, or an existing ARN) may be invoked by API Gateway only for this route.
 */
import type * as aws from "@pulumi/aws";
import type * as pulumi from "@pulumi/pulumi";
import { Component, type Transform } from "@sst/core";
import type { ApiGatewayV2RouteArgs } from "./apigatewayv2-args.js";
import { tryFunction } from "./apigatewayv2-authorizer.js";
import { routeSourceArn } from "./apigatewayv2-route-key.js";
import type { Function, FunctionArgs } from "./function.js";
import { childFactory } from "./helpers/child-factory.js";
import { createRoute, lambdaIntegration, type ApiRef, type RouteAuth } from "./helpers/apigateway-route.js";
import type { FunctionBuilder, FunctionDefinition } from "./helpers/function-builder.js";

export interface ApiGatewayV2LambdaRouteArgs extends Omit<ApiGatewayV2RouteArgs, "auth"> {
  api: ApiRef;
  /** The parsed route key (`"GET /notes/{id}"`, `"$default"`). */
  route: string;
  /** The route's function: a handler, `FunctionArgs`, or a function ARN. */
  handler: FunctionDefinition;
  /** Resources linked to the function (the API's `link`). */
  handlerLink?: FunctionArgs["link"];
  /** The API's `transform.route.handler`. */
  handlerTransform?: Transform<FunctionArgs>;
  auth?: pulumi.Input<RouteAuth>;
}

export class ApiGatewayV2LambdaRoute extends Component {
  static readonly __pulumiType = "sst:aws:ApiGatewayV2LambdaRoute";
  readonly #fn: FunctionBuilder;
  readonly #permission: aws.lambda.Permission;
  readonly #integration: aws.apigatewayv2.Integration;
  readonly #route: aws.apigatewayv2.Route;

  constructor(name: string, args: ApiGatewayV2LambdaRouteArgs, opts: pulumi.ComponentResourceOptions = {}) {
    super(ApiGatewayV2LambdaRoute.__pulumiType, name, args, opts);
    const factory = childFactory(this);
    ({ fn: this.#fn, permission: this.#permission, integration: this.#integration } = lambdaIntegration(factory, {
      api: args.api,
      handler: args.handler,
      defaults: { description: `${args.api.name} route ${args.route}`, ...(args.handlerLink === undefined ? {} : { link: args.handlerLink }) },
      handlerTransform: args.handlerTransform,
      sourceArn: routeSourceArn(args.api.executionArn, args.route),
      target: (arn) => ({ integrationUri: arn, payloadFormatVersion: "2.0" }),
    }));
    this.#route = createRoute(factory, { api: args.api, routeKey: args.route, integrationId: this.#integration.id, auth: args.auth });
  }

  /** The underlying resources: the function (undefined when given by ARN), permission, integration and route. */
  override get nodes(): { function?: Function; permission: aws.lambda.Permission; integration: aws.apigatewayv2.Integration; route: aws.apigatewayv2.Route } {
    return { function: tryFunction(this.#fn), permission: this.#permission, integration: this.#integration, route: this.#route };
  }
}
