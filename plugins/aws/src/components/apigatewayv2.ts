/**
 * `sst.aws.ApiGatewayV2`: an Amazon API Gateway HTTP API with routes to functions (`route`), URLs
 * (`routeUrl`) and private resources in a VPC (`routePrivate`), JWT/Lambda/IAM auth, CORS, access logs and a
 * custom domain. Linkable: `Resource.MyApi.url`.
 *
 * @example
 * const api = new sst.aws.ApiGatewayV2("MyApi", { domain: "api.example.com" });
 * api.route("GET /", "src/get.handler");
 * api.route("POST /notes", { handler: "src/create.handler", memory: "2048 MB" }, { auth: { iam: true } });
 */
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { applyTransform, Component, logicalName, prettyHash, SSTError, type LinkPayload } from "@sst/core";
import type { ApiGatewayV2Args, ApiGatewayV2AuthorizerArgs, ApiGatewayV2CorsArgs, ApiGatewayV2RouteArgs } from "./apigatewayv2-args.js";
import { ApiGatewayV2Authorizer } from "./apigatewayv2-authorizer.js";
import { ApiGatewayV2LambdaRoute } from "./apigatewayv2-lambda-route.js";
import { ApiGatewayV2PrivateRoute } from "./apigatewayv2-private-route.js";
import { parseRouteKey } from "./apigatewayv2-route-key.js";
import { ApiGatewayV2UrlRoute } from "./apigatewayv2-url-route.js";
import type { FunctionArgs } from "./function.js";
import { createAccessLogGroup, HTTP_ACCESS_LOG_FORMAT } from "./helpers/apigateway-access-log.js";
import { createApiDomain, type ApiDomain } from "./helpers/apigateway-domain.js";
import { authorizerName, claimName, type ApiRef, type RouteAuth } from "./helpers/apigateway-route.js";
import { applyNow } from "./helpers/apply-now.js";
import { childFactory } from "./helpers/child-factory.js";
import { toSeconds } from "./helpers/duration.js";

export type { ApiGatewayV2Args, ApiGatewayV2AuthorizerArgs, ApiGatewayV2CorsArgs, ApiGatewayV2RouteArgs } from "./apigatewayv2-args.js";

/** Set by `ApiGatewayV2.get`: the ID of the existing API to reference instead of creating one. */
const EXISTING = Symbol("sst.aws.ApiGatewayV2.existing");

export class ApiGatewayV2 extends Component {
  static readonly __pulumiType = "sst:aws:ApiGatewayV2";
  readonly #args: ApiGatewayV2Args;
  readonly #api: aws.apigatewayv2.Api;
  readonly #stage?: aws.apigatewayv2.Stage;
  readonly #logGroup?: aws.cloudwatch.LogGroup;
  readonly #vpcLink?: aws.apigatewayv2.VpcLink;
  readonly #domain?: ApiDomain;
  readonly #routes = new Set<string>();
  readonly #authorizers = new Set<string>();

  constructor(name: string, args: ApiGatewayV2Args = {}, opts: pulumi.ComponentResourceOptions = {}) {
    super(ApiGatewayV2.__pulumiType, name, args, opts);
    this.#args = args;
    const existing = (args as { [EXISTING]?: pulumi.Input<string> })[EXISTING];
    if (existing !== undefined) {
      this.#api = this.reference("api", aws.apigatewayv2.Api, "Api", existing);
      return;
    }
    const factory = childFactory(this);
    if (args.vpc) {
      const vpc = pulumi.output(args.vpc);
      this.#vpcLink = this.create("vpcLink", aws.apigatewayv2.VpcLink, "VpcLink", { securityGroupIds: vpc.securityGroups, subnetIds: vpc.subnets });
    }
    this.#api = this.create("api", aws.apigatewayv2.Api, "Api", { protocolType: "HTTP", corsConfiguration: corsConfiguration(name, args.cors) });
    this.#logGroup = createAccessLogGroup(factory, "logGroup", args.accessLog, "forever");
    this.#stage = this.create("stage", aws.apigatewayv2.Stage, "Stage", {
      apiId: this.#api.id,
      name: "$default",
      autoDeploy: true,
      accessLogSettings: { destinationArn: this.#logGroup.arn, format: HTTP_ACCESS_LOG_FORMAT },
    });
    if (args.domain !== undefined) {
      this.#domain = createApiDomain(factory, args.domain, { id: this.#api.id, stage: this.#stage.name, scheme: "https" });
    }
  }

  /**
   * References an existing HTTP API by its ID (e.g. one created by another stage); routes can be added to it.
   * @example const api = sst.aws.ApiGatewayV2.get("MyApi", "a1b2c3d4e5");
   */
  static get(name: string, apiId: pulumi.Input<string>, opts: pulumi.ComponentResourceOptions = {}): ApiGatewayV2 {
    return new ApiGatewayV2(name, { [EXISTING]: apiId } as ApiGatewayV2Args, opts);
  }

  /** The URL of the API: the custom domain's when `domain` is set (with `/<path>/` for a base path), else API Gateway's. */
  get url(): pulumi.Output<string> {
    return this.#domain ? this.#domain.url : this.#api.apiEndpoint;
  }

  /** The underlying resources. `stage` and `logGroup` are absent on an API from `get`. */
  override get nodes(): {
    api: aws.apigatewayv2.Api;
    stage?: aws.apigatewayv2.Stage;
    logGroup?: aws.cloudwatch.LogGroup;
    domainName?: aws.apigatewayv2.DomainName;
    vpcLink?: aws.apigatewayv2.VpcLink;
  } {
    return { api: this.#api, stage: this.#stage, logGroup: this.#logGroup, domainName: this.#domain?.domainName, vpcLink: this.#vpcLink };
  }

  /**
   * Adds a route to a function. `route` is `"METHOD /path"` (methods `GET`, `POST`, `PUT`, `PATCH`, `DELETE`,
   * `HEAD`, `OPTIONS`, `ANY`; parameters `{id}`; a greedy `{proxy+}` last) or `"$default"` (the catch-all).
   * @param handler A handler (`"src/get.handler"`), `FunctionArgs`, or the ARN of an existing function.
   * @example
   * api.route("GET /notes/{id}", "src/get.handler");
   * api.route("ANY /{proxy+}", { handler: "src/all.handler", memory: "2048 MB" }, { auth: { jwt: { authorizer: auth.id } } });
   */
  route(route: string, handler: pulumi.Input<string | FunctionArgs>, args: ApiGatewayV2RouteArgs = {}): ApiGatewayV2LambdaRoute {
    const [name, key, routeArgs] = this.#prepare(route, args);
    return new ApiGatewayV2LambdaRoute(
      name,
      { ...routeArgs, api: this.#ref(), route: key, handler, handlerLink: this.#args.link, handlerTransform: this.#args.transform?.route?.handler },
      { parent: this },
    );
  }

  /**
   * Adds a route proxied to a URL (an HTTP proxy integration).
   * @example api.routeUrl("GET /docs/{proxy+}", "https://docs.example.com");
   */
  routeUrl(route: string, url: pulumi.Input<string>, args: ApiGatewayV2RouteArgs = {}): ApiGatewayV2UrlRoute {
    const [name, key, routeArgs] = this.#prepare(route, args);
    return new ApiGatewayV2UrlRoute(name, { ...routeArgs, api: this.#ref(), route: key, url }, { parent: this });
  }

  /**
   * Adds a route to a private resource through the VPC link (needs `vpc`): an ALB or NLB listener ARN, or a
   * Cloud Map service ARN.
   * @example api.routePrivate("$default", service.nodes.cloudmapService.arn);
   */
  routePrivate(route: string, arn: pulumi.Input<string>, args: ApiGatewayV2RouteArgs = {}): ApiGatewayV2PrivateRoute {
    if (!this.#vpcLink) {
      throw new SSTError({
        code: "E_API_VPC_LINK",
        message: `${this.componentName}: routePrivate("${route}") needs a VPC link, and this API has no "vpc".`,
        hint: `Pass vpc: { securityGroups, subnets } to new sst.aws.ApiGatewayV2("${this.componentName}", ...).`,
      });
    }
    const [name, key, routeArgs] = this.#prepare(route, args);
    return new ApiGatewayV2PrivateRoute(name, { ...routeArgs, api: this.#ref(), route: key, arn, vpcLink: this.#vpcLink.id }, { parent: this });
  }

  /**
   * Adds a JWT or Lambda authorizer, for routes' `auth: { jwt: { authorizer: a.id } }` or `auth: { lambda: a.id }`.
   * @example
   * const auth = api.addAuthorizer({ name: "myAuthorizer", jwt: { issuer: "https://issuer.com/", audiences: ["my-app"] } });
   */
  addAuthorizer(args: ApiGatewayV2AuthorizerArgs): ApiGatewayV2Authorizer {
    const name = authorizerName(this.componentName, this.#authorizers, args?.name);
    return new ApiGatewayV2Authorizer(name, { ...args, api: this.#ref(), protocol: "HTTP" }, { parent: this });
  }

  /** Parses the key, names the route component, applies `transform.route.args` and an inline JWT authorizer. */
  #prepare(route: string, args: ApiGatewayV2RouteArgs): [string, string, Omit<ApiGatewayV2RouteArgs, "auth"> & { auth?: pulumi.Input<RouteAuth> }] {
    const key = parseRouteKey(this.componentName, route);
    claimName(this.componentName, this.#routes, key, "E_API_ROUTE_DUPLICATE", `the route "${key}"`, "Add each route once; ANY covers every method of a path.");
    const name = `${this.componentName}Route${logicalName(prettyHash(key, 6))}`;
    const [transformed] = applyTransform(this.#args.transform?.route?.args, name, { ...args }, {});
    const auth = transformed.auth as Record<string, any> | undefined;
    const jwt = auth && !pulumi.Output.isInstance(auth) && !(auth instanceof Promise) ? (auth.jwt as Record<string, any> | undefined) : undefined;
    if (jwt && !pulumi.Output.isInstance(jwt) && jwt.issuer !== undefined && jwt.authorizer === undefined) {
      // SST's older inline form `auth: { jwt: { issuer, audiences } }`: an authorizer for this route.
      const authorizer = this.addAuthorizer({ name: `${logicalName(prettyHash(key, 6))}Jwt`, jwt: { issuer: jwt.issuer, audiences: jwt.audiences } });
      return [name, key, { ...transformed, auth: { jwt: { authorizer: authorizer.id, scopes: jwt.scopes } } }];
    }
    return [name, key, transformed as { auth?: pulumi.Input<RouteAuth> }];
  }

  #ref(): ApiRef {
    return { name: this.componentName, id: this.#api.id, executionArn: this.#api.executionArn };
  }

  protected override outputs() {
    return { url: this.url };
  }

  getSSTLink(): LinkPayload {
    return { properties: { url: this.url } };
  }
}

/** The API's `corsConfiguration`: SST's defaults (every origin, method and header) unless `cors` is `false`. */
function corsConfiguration(name: string, cors: ApiGatewayV2Args["cors"]): pulumi.Output<aws.types.input.apigatewayv2.ApiCorsConfiguration | undefined> {
  return applyNow(cors, (c: boolean | pulumi.Unwrap<ApiGatewayV2CorsArgs> | undefined) => {
    if (c === false) return undefined;
    const defaults = { allowHeaders: ["*"], allowMethods: ["*"], allowOrigins: ["*"] };
    if (c === true || c === undefined) return defaults;
    const { maxAge, ...rest } = c;
    const seconds = maxAge === undefined ? undefined : toSeconds(maxAge, `${name}: cors.maxAge`);
    if (seconds !== undefined && seconds > 86400) {
      throw new SSTError({ code: "E_API_CORS", message: `${name}: cors.maxAge is ${maxAge}; browsers cache preflight results for at most 1 day.`, hint: `Use "1 day" or less.` });
    }
    return { ...defaults, ...rest, maxAge: seconds };
  });
}
