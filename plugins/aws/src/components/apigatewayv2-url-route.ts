/**
 * `sst.aws.ApiGatewayV2UrlRoute`: a route of an HTTP API proxied to a URL (an `HTTP_PROXY` integration),
 * created by `ApiGatewayV2.routeUrl` (not meant to be created directly).
 */
import type * as pulumi from "@pulumi/pulumi";
import { ApiGatewayV2ProxyRoute, type ApiGatewayV2ProxyRouteArgs } from "./apigatewayv2-proxy-route.js";

export interface ApiGatewayV2UrlRouteArgs extends ApiGatewayV2ProxyRouteArgs {
  /** The URL requests are forwarded to, e.g. `https://example.com/api`. */
  url: pulumi.Input<string>;
}

export class ApiGatewayV2UrlRoute extends ApiGatewayV2ProxyRoute {
  static readonly __pulumiType = "sst:aws:ApiGatewayV2UrlRoute";

  constructor(name: string, args: ApiGatewayV2UrlRouteArgs, opts: pulumi.ComponentResourceOptions = {}) {
    // The request's method is passed on; "ANY" and "$default" forward every method.
    const method = args.route === "$default" ? "ANY" : args.route.split(" ")[0]!;
    super(ApiGatewayV2UrlRoute.__pulumiType, name, args, { integrationUri: args.url, integrationMethod: method }, opts);
  }
}
