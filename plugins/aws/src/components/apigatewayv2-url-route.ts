/**
 * `sst.aws.ApiGatewayV2UrlRoute`: a route of an HTTP API proxied to a URL (an `HTTP_PROXY` integration),
 * created by `ApiGatewayV2.routeUrl` (not meant to be created directly).
 */
import * as aws from "@pulumi/aws";
import type * as pulumi from "@pulumi/pulumi";
import { Component } from "@sst/core";
import type { ApiGatewayV2RouteArgs } from "./apigatewayv2-args.js";
import { childFactory } from "./helpers/child-factory.js";
import { createRoute, type ApiRef, type RouteAuth } from "./helpers/apigateway-route.js";

export interface ApiGatewayV2UrlRouteArgs extends Omit<ApiGatewayV2RouteArgs, "auth"> {
  api: ApiRef;
  /** The parsed route key. */
  route: string;
  /** The URL requests are forwarded to, e.g. `https://example.com/api`. */
  url: pulumi.Input<string>;
  auth?: pulumi.Input<RouteAuth>;
}

export class ApiGatewayV2UrlRoute extends Component {
  static readonly __pulumiType = "sst:aws:ApiGatewayV2UrlRoute";
  readonly #integration: aws.apigatewayv2.Integration;
  readonly #route: aws.apigatewayv2.Route;

  constructor(name: string, args: ApiGatewayV2UrlRouteArgs, opts: pulumi.ComponentResourceOptions = {}) {
    super(ApiGatewayV2UrlRoute.__pulumiType, name, args, opts);
    this.#integration = this.create("integration", aws.apigatewayv2.Integration, "Integration", {
      apiId: args.api.id,
      integrationType: "HTTP_PROXY",
      integrationUri: args.url,
      // The request's method is passed on; an "ANY" route forwards every method.
      integrationMethod: args.route === "$default" ? "ANY" : args.route.split(" ")[0]!,
    });
    this.#route = createRoute(childFactory(this), { api: args.api, routeKey: args.route, integrationId: this.#integration.id, auth: args.auth });
  }

  /** The underlying resources: the integration and the route. */
  override get nodes(): { integration: aws.apigatewayv2.Integration; route: aws.apigatewayv2.Route } {
    return { integration: this.#integration, route: this.#route };
  }
}
