/**
 * `sst.aws.ApiGatewayV2PrivateRoute`: a route of an HTTP API to a private resource in a VPC (an ALB or NLB
 * listener, or a Cloud Map service) through the API's VPC link, created by `ApiGatewayV2.routePrivate`
 * (not meant to be created directly).
 */
import type * as pulumi from "@pulumi/pulumi";
import { ApiGatewayV2ProxyRoute, type ApiGatewayV2ProxyRouteArgs } from "./apigatewayv2-proxy-route.js";

export interface ApiGatewayV2PrivateRouteArgs extends ApiGatewayV2ProxyRouteArgs {
  /** The ARN of the load balancer listener or Cloud Map service. */
  arn: pulumi.Input<string>;
  /** The ID of the VPC link. */
  vpcLink: pulumi.Input<string>;
}

export class ApiGatewayV2PrivateRoute extends ApiGatewayV2ProxyRoute {
  static readonly __pulumiType = "sst:aws:ApiGatewayV2PrivateRoute";

  constructor(name: string, args: ApiGatewayV2PrivateRouteArgs, opts: pulumi.ComponentResourceOptions = {}) {
    super(
      ApiGatewayV2PrivateRoute.__pulumiType,
      name,
      args,
      { connectionType: "VPC_LINK", connectionId: args.vpcLink, integrationUri: args.arn, integrationMethod: "ANY" },
      opts,
    );
  }
}
