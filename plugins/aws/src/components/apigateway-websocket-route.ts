/**
 * `sst.aws.ApiGatewayWebSocketRoute` (../docs 59-apigatewaywebsocket.md, ApiGatewayWebSocketRouteArgs): a
 * route of a WebSocket API to a Lambda function, created by `ApiGatewayWebSocket.route` (not meant to be
 * created directly). The function may be invoked by API Gateway only for this route.
 */
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { Component, SSTError, type Transform } from "@sst/core";
import { tryFunction } from "./apigatewayv2-authorizer.js";
import type { Function, FunctionArgs } from "./function.js";
import { childFactory } from "./helpers/child-factory.js";
import { createRoute, invokeArn, lambdaIntegration, type ApiRef, type RouteAuth } from "./helpers/apigateway-route.js";
import type { FunctionBuilder, FunctionDefinition } from "./helpers/function-builder.js";

export interface ApiGatewayWebSocketRouteArgs {
  /**
   * Auth for the route: `{ iam: true }` (SigV4-signed connections) or `{ lambda: authorizer.id }` with an
   * authorizer from `addAuthorizer`. API Gateway checks auth when a client connects, so only the `$connect`
   * route takes it; JWT authorizers do not exist for WebSocket APIs.
   * @default `false` (no auth)
   */
  auth?: pulumi.Input<RouteAuth>;
  /** Change the route's resources. */
  transform?: {
    /** The integration. */
    integration?: Transform<aws.apigatewayv2.IntegrationArgs>;
    /** The route. */
    route?: Transform<aws.apigatewayv2.RouteArgs>;
  };
}

export interface ApiGatewayWebSocketRouteComponentArgs extends ApiGatewayWebSocketRouteArgs {
  api: ApiRef;
  /** The route key: `$connect`, `$disconnect`, `$default` or a custom one (the message's `action`). */
  route: string;
  /** The route's function: a handler, `FunctionArgs`, or a function ARN. */
  handler: FunctionDefinition;
  /** The API's `transform.route.handler`. */
  handlerTransform?: Transform<FunctionArgs>;
}

export class ApiGatewayWebSocketRoute extends Component {
  static readonly __pulumiType = "sst:aws:ApiGatewayWebSocketRoute";
  readonly #fn: FunctionBuilder;
  readonly #permission: aws.lambda.Permission;
  readonly #integration: aws.apigatewayv2.Integration;
  readonly #route: aws.apigatewayv2.Route;

  constructor(name: string, args: ApiGatewayWebSocketRouteComponentArgs, opts: pulumi.ComponentResourceOptions = {}) {
    super(ApiGatewayWebSocketRoute.__pulumiType, name, args, opts);
    const where = `${args.api.name}: route "${args.route}"`;
    const check = (a: pulumi.Unwrap<RouteAuth> | undefined) => {
      if (a && (a as { jwt?: unknown }).jwt !== undefined) {
        throw new SSTError({
          code: "E_API_ROUTE_AUTH",
          message: `${where}: WebSocket APIs have no JWT authorization.`,
          hint: `Use auth: { lambda: authorizer.id } with a Lambda authorizer that verifies the token, on "$connect".`,
        });
      }
      if (a && args.route !== "$connect" && (a.iam || a.lambda !== undefined)) {
        throw new SSTError({
          code: "E_API_ROUTE_AUTH",
          message: `${where}: API Gateway authorizes WebSocket clients when they connect, so only "$connect" takes "auth".`,
          hint: `Move the auth to api.route("$connect", handler, { auth }).`,
        });
      }
      return a as RouteAuth | undefined;
    };
    // A plain `auth` (its IDs may be Outputs) is checked now, so a mistake points at the user's call.
    const auth = pulumi.Output.isInstance(args.auth) || args.auth instanceof Promise ? pulumi.output(args.auth).apply(check) : check(args.auth as pulumi.Unwrap<RouteAuth>);
    const factory = childFactory(this);
    ({ fn: this.#fn, permission: this.#permission, integration: this.#integration } = lambdaIntegration(factory, {
      api: args.api,
      handler: args.handler,
      defaults: { description: `${args.api.name} route ${args.route}` },
      handlerTransform: args.handlerTransform,
      sourceArn: pulumi.interpolate`${args.api.executionArn}/*/${args.route}`,
      // WebSocket integrations take the function's invocation URI, not its ARN.
      target: (arn) => ({ integrationUri: invokeArn(arn) }),
    }));
    this.#route = createRoute(factory, { api: args.api, routeKey: args.route, integrationId: this.#integration.id, auth });
  }

  /** The underlying resources: the function (undefined when given by ARN), permission, integration and route. */
  override get nodes(): { function?: Function; permission: aws.lambda.Permission; integration: aws.apigatewayv2.Integration; route: aws.apigatewayv2.Route } {
    return { function: tryFunction(this.#fn), permission: this.#permission, integration: this.#integration, route: this.#route };
  }
}
