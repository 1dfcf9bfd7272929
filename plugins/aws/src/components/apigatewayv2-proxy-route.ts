/**
 * What `ApiGatewayV2UrlRoute` and `ApiGatewayV2PrivateRoute` share: a route to an `HTTP_PROXY` integration
 * (to a public URL, or through a VPC link).
 */
import * as aws from "@pulumi/aws";
import type * as pulumi from "@pulumi/pulumi";
import { Component } from "@sst/core";
import type { ApiGatewayV2RouteArgs } from "./apigatewayv2-args.js";
import { childFactory } from "./helpers/child-factory.js";
import { createRoute, type ApiRef, type RouteAuth } from "./helpers/apigateway-route.js";

export interface ApiGatewayV2ProxyRouteArgs extends Omit<ApiGatewayV2RouteArgs, "auth"> {
  api: ApiRef;
  /** The parsed route key. */
  route: string;
  auth?: pulumi.Input<RouteAuth>;
}

export abstract class ApiGatewayV2ProxyRoute extends Component {
  readonly #integration: aws.apigatewayv2.Integration;
  readonly #route: aws.apigatewayv2.Route;

  protected constructor(
    type: string,
    name: string,
    args: ApiGatewayV2ProxyRouteArgs,
    integration: Omit<aws.apigatewayv2.IntegrationArgs, "apiId" | "integrationType">,
    opts: pulumi.ComponentResourceOptions,
  ) {
    super(type, name, args, opts);
    this.#integration = this.create("integration", aws.apigatewayv2.Integration, "Integration", { apiId: args.api.id, integrationType: "HTTP_PROXY", ...integration });
    this.#route = createRoute(childFactory(this), { api: args.api, routeKey: args.route, integrationId: this.#integration.id, auth: args.auth });
  }

  /** The underlying resources: the integration and the route. */
  override get nodes(): { integration: aws.apigatewayv2.Integration; route: aws.apigatewayv2.Route } {
    return { integration: this.#integration, route: this.#route };
  }
}
