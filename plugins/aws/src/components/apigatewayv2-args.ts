/**
 * The args of `sst.aws.ApiGatewayV2`, its routes and its authorizers (SST's ApiGatewayV2; not in our docs
 * pages, so the defaults are SST v3's).
 */
import type * as aws from "@pulumi/aws";
import type * as pulumi from "@pulumi/pulumi";
import type { ComponentArgs, Transform } from "@sst/core";
import type { FunctionArgs } from "./function.js";
import type { ApiDomainInput } from "./helpers/apigateway-domain.js";
import type { RouteAuth } from "./helpers/apigateway-route.js";
import type { Duration } from "./helpers/duration.js";
import type { LogRetention } from "./helpers/log-retention.js";

/** CORS settings of the HTTP API. */
export interface ApiGatewayV2CorsArgs {
  /** Allow cookies or other credentials in requests. @default `false` */
  allowCredentials?: pulumi.Input<boolean>;
  /** The headers origins can send. @default `["*"]` */
  allowHeaders?: pulumi.Input<pulumi.Input<string>[]>;
  /**
   * The origins that can call the API.
   * @default `["*"]`
   * @example `allowOrigins: ["https://www.example.com", "http://localhost:60905"]`
   */
  allowOrigins?: pulumi.Input<pulumi.Input<string>[]>;
  /**
   * The methods allowed.
   * @default `["*"]`
   * @example `allowMethods: ["GET", "POST", "DELETE"]`
   */
  allowMethods?: pulumi.Input<pulumi.Input<"*" | "DELETE" | "GET" | "HEAD" | "OPTIONS" | "PATCH" | "POST" | "PUT">[]>;
  /** The response headers exposed to the origin. @default `[]` */
  exposeHeaders?: pulumi.Input<pulumi.Input<string>[]>;
  /**
   * How long browsers may cache a preflight response, up to `"1 day"`.
   * @default No caching.
   * @example `maxAge: "1 day"`
   */
  maxAge?: pulumi.Input<Duration>;
}

export interface ApiGatewayV2Args extends ComponentArgs {
  /**
   * Resources linked to every route's handler function.
   * @example `link: [bucket, stripeKey]`
   */
  link?: FunctionArgs["link"];
  /**
   * A custom domain: a name (Route 53 through `sst.aws.dns()`), or `{ name, path, dns, cert, nameId }`.
   * @example
   * `domain: "api.example.com"`, or `domain: { name: "api.example.com", path: "v1", dns: sst.cloudflare.dns() }`
   */
  domain?: ApiDomainInput;
  /**
   * CORS for the API: `true` allows every origin, method and header; `false` turns CORS off.
   * @default `true`
   * @example `cors: { allowMethods: ["GET", "POST"], allowOrigins: ["https://example.com"] }`
   */
  cors?: pulumi.Input<boolean | ApiGatewayV2CorsArgs>;
  /**
   * Access logs in CloudWatch (always on), and how long they are kept.
   * @default `{ retention: "forever" }`
   * @example `accessLog: { retention: "1 week" }`
   */
  accessLog?: pulumi.Input<{ retention?: pulumi.Input<LogRetention> }>;
  /**
   * A VPC link for private routes (`routePrivate`) to load balancers or Cloud Map services in a VPC.
   * @example `vpc: { securityGroups: ["sg-0399348378a4c256c"], subnets: ["subnet-0b6a2b73896dc8c4c"] }`
   */
  vpc?: pulumi.Input<{ securityGroups: pulumi.Input<pulumi.Input<string>[]>; subnets: pulumi.Input<pulumi.Input<string>[]> }>;
  /** Change how the underlying resources are created. */
  transform?: {
    /** The HTTP API. */
    api?: Transform<aws.apigatewayv2.ApiArgs>;
    /** The `$default` stage. */
    stage?: Transform<aws.apigatewayv2.StageArgs>;
    /** The custom domain name. */
    domainName?: Transform<aws.apigatewayv2.DomainNameArgs>;
    /** The VPC link. */
    vpcLink?: Transform<aws.apigatewayv2.VpcLinkArgs>;
    /** The CloudWatch log group of the access logs. */
    logGroup?: Transform<aws.cloudwatch.LogGroupArgs>;
    /**
     * Every route: its handler function's args and the route's args, applied before each route is created.
     * @example `route: { handler: (args) => { args.memory ??= "2048 MB" }, args: (props) => { props.auth ??= { iam: true } } }`
     */
    route?: {
      handler?: Transform<FunctionArgs>;
      args?: Transform<ApiGatewayV2RouteArgs>;
    };
  };
}

/** A route's auth; `jwt` also takes an inline `{ issuer, audiences }` (an authorizer is created for it). */
export type ApiGatewayV2RouteAuth =
  | RouteAuth
  | {
      /** An inline JWT authorizer (SST's older form): one is created for this route. */
      jwt: { issuer: pulumi.Input<string>; audiences: pulumi.Input<pulumi.Input<string>[]>; scopes?: pulumi.Input<pulumi.Input<string>[]> };
    };

export interface ApiGatewayV2RouteArgs {
  /**
   * The route's auth: `{ iam: true }`, `{ jwt: { authorizer: authorizer.id, scopes } }` or
   * `{ lambda: authorizer.id }` with an authorizer from `addAuthorizer`.
   * @default `false` (no auth)
   */
  auth?: pulumi.Input<ApiGatewayV2RouteAuth>;
  /** Change the route's resources. */
  transform?: {
    /** The integration. */
    integration?: Transform<aws.apigatewayv2.IntegrationArgs>;
    /** The route. */
    route?: Transform<aws.apigatewayv2.RouteArgs>;
  };
}

export interface ApiGatewayV2AuthorizerArgs {
  /** The authorizer's name, unique in the API. @example `name: "myAuthorizer"` */
  name: string;
  /**
   * A JWT authorizer.
   * @example `jwt: { issuer: "https://issuer.com/", audiences: ["https://api.example.com"], identitySource: "$request.header.AccessToken" }`
   */
  jwt?: pulumi.Input<{
    /** The token issuer (the identity provider's base URL). */
    issuer: pulumi.Input<string>;
    /** A valid token's `aud` matches one of these. */
    audiences: pulumi.Input<pulumi.Input<string>[]>;
    /** Where the token is read from. @default `"$request.header.Authorization"` */
    identitySource?: pulumi.Input<string>;
  }>;
  /**
   * A Lambda authorizer.
   * @example `lambda: { function: "src/authorizer.handler", response: "iam", ttl: "300 seconds" }`
   */
  lambda?: {
    /** The authorizer function: a handler, `FunctionArgs`, or a function ARN. */
    function: pulumi.Input<string | FunctionArgs>;
    /** The event payload version. @default `"2.0"` */
    payload?: pulumi.Input<"1.0" | "2.0">;
    /** `"simple"` (`{ isAuthorized }`, payload 2.0 only) or `"iam"` (an IAM policy). @default `"simple"` with payload 2.0, `"iam"` with 1.0 */
    response?: pulumi.Input<"simple" | "iam">;
    /** How long a result is cached, up to `"3600 seconds"`. @default Not cached. */
    ttl?: pulumi.Input<Duration>;
    /** Where the identity is read from. @default `["$request.header.Authorization"]` */
    identitySources?: pulumi.Input<pulumi.Input<string>[]>;
  };
  /** Change the authorizer's resources. */
  transform?: {
    /** The authorizer. */
    authorizer?: Transform<aws.apigatewayv2.AuthorizerArgs>;
  };
}
