/**
 * `sst.aws.ApiGatewayV2PrivateRoute`: a route of an HTTP API to a private resource in a VPC (an ALB or NLB
 * listener, or a Cloud Map service) through the API's VPC link, created by `ApiGatewayV2.routePrivate`
 * (not meant to be created directly).
 */
import * as aws from "@pulumi/aws";
import type * as pulumi from "@pulumi/pulumi";
import { Component } from "@sst/core";
import type { ApiGatewayV2RouteArgs } from "./apigatewayv2-args.js";
import { childFactory } from "./helpers/child-factory.js";
import { createRoute, type ApiRef, type RouteAuth } from "./helpers/apigateway-route.js";

export interface ApiGatewayV2PrivateRouteArgs extends Omit<ApiGatewayV2RouteArgs, "auth"> {
  api: ApiRef;
  /** The parsed route key. */
  route: string;
  /** The ARN of the load balancer listener or Cloud Map service. */
  arn: pulumi.Input<string>;
  /** The ID of the VPC link. */
  vpcLink: pulumi.Input<string>;
  auth?: pulumi.Input<RouteAuth>;
}

export class ApiGatewayV2PrivateRoute extends Component {
  static readonly __pulumiType = "sst:aws:ApiGatewayV2PrivateRoute";
  readonly #integration: aws.apigatewayv2.Integration;
  readonly #route: aws.apigatewayv2.Route;

  constructor(name: string, args: ApiGatewayV2PrivateRouteArgs, opts: pulumi.ComponentResourceOptions = {}) {
    super(ApiGatewayV2PrivateRoute.__pulumiType, name, args, opts);
    this.#integration = this.create("integration", aws.apigatewayv2.Integration, "Integration", {
      apiId: args.api.id,
      connectionType: "VPC_LINK",
      connectionId: args.vpcLink,
      integrationType: "HTTP_PROXY",
      integrationUri: args.arn,
      integrationMethod: "ANY",
    });
    this.#route = createRoute(childFactory(this), { api: args.api, routeKey: args.route, integrationId: this.#integration.id, auth: args.auth });
  }

  /** The underlying resources: the integration and the route. */
  override get nodes(): { integration: aws.apigatewayv2.Integration; route: aws.apigatewayv2.Route } {
    return { integration: this.#integration, route: this.#route };
  }
}
