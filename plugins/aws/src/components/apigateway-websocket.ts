/**
 * `sst.aws.ApiGatewayWebSocket` (../docs 59-apigatewaywebsocket.md): an Amazon API Gateway WebSocket API
 * with `$connect`, `$disconnect`, `$default` and custom routes to functions, Lambda authorizers, access logs
 * and a custom domain. Linkable: `Resource.MyApi.url` and `.managementEndpoint`, and linked functions may
 * post to and disconnect its clients (`execute-api:ManageConnections`).
 *
 * @example
 * const api = new sst.aws.ApiGatewayWebSocket("MyApi", { domain: "ws.example.com" });
 * api.route("$connect", "src/connect.handler");
 * api.route("sendMessage", "src/sendMessage.handler");
 * new sst.aws.Function("Notifier", { handler: "src/notify.handler", link: [api] });
 */
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { applyTransform, Component, logicalName, prettyHash, SSTError, type ComponentArgs, type LinkPayload, type Transform } from "@sst/core";
import type { ApiGatewayV2AuthorizerArgs } from "./apigatewayv2-args.js";
import { ApiGatewayV2Authorizer } from "./apigatewayv2-authorizer.js";
import { ApiGatewayWebSocketRoute, type ApiGatewayWebSocketRouteArgs } from "./apigateway-websocket-route.js";
import type { FunctionArgs } from "./function.js";
import { createAccessLogGroup, WEBSOCKET_ACCESS_LOG_FORMAT } from "./helpers/apigateway-access-log.js";
import { createApiDomain, type ApiDomain, type ApiDomainInput } from "./helpers/apigateway-domain.js";
import { authorizerName, claimName, type ApiRef } from "./helpers/apigateway-route.js";
import { childFactory } from "./helpers/child-factory.js";
import { permission } from "./helpers/permission.js";
import type { LogRetention } from "./helpers/log-retention.js";

export type { ApiGatewayWebSocketRouteArgs } from "./apigateway-websocket-route.js";

export interface ApiGatewayWebSocketArgs extends ComponentArgs {
  /**
   * Access logs in CloudWatch (always on), and how long they are kept.
   * @default `{ retention: "1 month" }`
   * @example `accessLog: { retention: "forever" }`
   */
  accessLog?: pulumi.Input<{ retention?: pulumi.Input<LogRetention> }>;
  /**
   * A custom domain: a name (Route 53 through `sst.aws.dns()`), or `{ name, path, dns, cert, nameId }`.
   * With `path`, the URL is `wss://<name>/<path>/`.
   * @example `domain: "ws.example.com"`, or `domain: { name: "example.com", dns: sst.cloudflare.dns() }`
   */
  domain?: ApiDomainInput;
  /** Change how the underlying resources are created. */
  transform?: {
    /** The WebSocket API. */
    api?: Transform<aws.apigatewayv2.ApiArgs>;
    /** The `$default` stage. */
    stage?: Transform<aws.apigatewayv2.StageArgs>;
    /** The CloudWatch log group of the access logs. */
    accessLog?: Transform<aws.cloudwatch.LogGroupArgs>;
    /** The custom domain name. */
    domainName?: Transform<aws.apigatewayv2.DomainNameArgs>;
    /**
     * Every route: its handler function's args and the route's args. An `auth` set here applies to
     * `$connect` (API Gateway authorizes a client when it connects, which covers its messages).
     * @example `route: { handler: { link: [bucket, stripeKey] }, args: { auth: { iam: true } } }`
     */
    route?: {
      handler?: Transform<FunctionArgs>;
      args?: Transform<ApiGatewayWebSocketRouteArgs>;
    };
  };
}

/**
 * The args of a WebSocket authorizer. API Gateway has only Lambda (REQUEST) authorizers for WebSocket APIs:
 * `jwt` is rejected with an error, and `lambda.payload`/`lambda.response` may only be left out (the event is
 * the 1.0 payload, the answer an IAM policy). Identity sources default to `["route.request.header.Authorization"]`.
 */
export type ApiGatewayWebSocketAuthorizerArgs = Omit<ApiGatewayV2AuthorizerArgs, "name">;

/** Set by `ApiGatewayWebSocket.get`: the ID of the existing API to reference instead of creating one. */
const EXISTING = Symbol("sst.aws.ApiGatewayWebSocket.existing");
/** The predefined routes (named by their key; custom routes by a hash of theirs). */
const PREDEFINED = ["$connect", "$disconnect", "$default"];
const STAGE = "$default";

export class ApiGatewayWebSocket extends Component {
  static readonly __pulumiType = "sst:aws:ApiGatewayWebSocket";
  readonly #args: ApiGatewayWebSocketArgs;
  readonly #api: aws.apigatewayv2.Api;
  readonly #stage?: aws.apigatewayv2.Stage;
  readonly #logGroup?: aws.cloudwatch.LogGroup;
  readonly #domain?: ApiDomain;
  readonly #routes = new Set<string>();
  readonly #authorizers = new Set<string>();

  constructor(name: string, args: ApiGatewayWebSocketArgs = {}, opts: pulumi.ComponentResourceOptions = {}) {
    super(ApiGatewayWebSocket.__pulumiType, name, args, opts);
    this.#args = args;
    const existing = (args as { [EXISTING]?: pulumi.Input<string> })[EXISTING];
    if (existing !== undefined) {
      this.#api = this.reference("api", aws.apigatewayv2.Api, "Api", existing);
      return;
    }
    const factory = childFactory(this);
    this.#api = this.create("api", aws.apigatewayv2.Api, "Api", { protocolType: "WEBSOCKET", routeSelectionExpression: "$request.body.action" });
    this.#logGroup = createAccessLogGroup(factory, "accessLog", args.accessLog, "1 month");
    this.#stage = this.create(
      "stage",
      aws.apigatewayv2.Stage,
      "Stage",
      { apiId: this.#api.id, name: STAGE, autoDeploy: true, accessLogSettings: { destinationArn: this.#logGroup.arn, format: WEBSOCKET_ACCESS_LOG_FORMAT } },
      { dependsOn: this.#cloudWatchRole() },
    );
    if (args.domain !== undefined) {
      this.#domain = createApiDomain(factory, args.domain, { id: this.#api.id, stage: this.#stage.name, scheme: "wss" });
    }
  }

  /**
   * References an existing WebSocket API (with a `$default` stage) by its ID; routes can be added to it.
   * @example const api = sst.aws.ApiGatewayWebSocket.get("MyApi", "a1b2c3d4e5");
   */
  static get(name: string, apiId: pulumi.Input<string>, opts: pulumi.ComponentResourceOptions = {}): ApiGatewayWebSocket {
    return new ApiGatewayWebSocket(name, { [EXISTING]: apiId } as ApiGatewayWebSocketArgs, opts);
  }

  /** The URL clients connect to: the custom domain's when `domain` is set, else `wss://<id>.execute-api.<region>.amazonaws.com/$default`. */
  get url(): pulumi.Output<string> {
    return this.#domain ? this.#domain.url : pulumi.interpolate`${this.#api.apiEndpoint}/${STAGE}`;
  }

  /**
   * The endpoint of the API Gateway Management API, to post to connected clients:
   * `new ApiGatewayManagementApiClient({ endpoint: Resource.MyApi.managementEndpoint })`.
   */
  get managementEndpoint(): pulumi.Output<string> {
    // `?? ""`: offline (mocks) the endpoint may be missing; a deploy always has one.
    return this.#api.apiEndpoint.apply((endpoint) => `${(endpoint ?? "").replace(/^wss:\/\//, "https://")}/${STAGE}`);
  }

  /** The underlying resources. `stage` and `logGroup` are absent on an API from `get`. */
  override get nodes(): { api: aws.apigatewayv2.Api; stage?: aws.apigatewayv2.Stage; logGroup?: aws.cloudwatch.LogGroup; domainName?: aws.apigatewayv2.DomainName } {
    return { api: this.#api, stage: this.#stage, logGroup: this.#logGroup, domainName: this.#domain?.domainName };
  }

  /**
   * Adds a route: `$connect` (a client connects), `$disconnect`, `$default` (messages no other route
   * matches) or a custom key matched against the message's `action` field.
   * @param handler A handler (`"src/connect.handler"`), `FunctionArgs`, or the ARN of an existing function.
   * @example
   * api.route("$connect", "src/connect.handler", { auth: { lambda: authorizer.id } });
   * api.route("sendMessage", { handler: "src/sendMessage.handler", memory: "2048 MB" });
   */
  route(route: string, handler: pulumi.Input<string | FunctionArgs>, args: ApiGatewayWebSocketRouteArgs = {}): ApiGatewayWebSocketRoute {
    if (typeof route !== "string" || route.trim() === "" || /\s/.test(route) || (route.startsWith("$") && !PREDEFINED.includes(route))) {
      throw new SSTError({
        code: "E_API_ROUTE_KEY",
        message: `${this.componentName}: invalid WebSocket route ${JSON.stringify(route)}.`,
        hint: `Use "$connect", "$disconnect", "$default", or a custom key without spaces matched against the message's "action" (e.g. "sendMessage").`,
      });
    }
    claimName(this.componentName, this.#routes, route, "E_API_ROUTE_DUPLICATE", `the route "${route}"`, "Add each route once.");
    const name = `${this.componentName}Route${logicalName(PREDEFINED.includes(route) ? route : prettyHash(route, 6))}`;
    const [routeArgs] = applyTransform(this.#args.transform?.route?.args, name, { ...args }, {});
    // API Gateway authorizes a client once, on `$connect`: an API-wide `auth` from `transform.route.args`
    // protects the connection, so it is kept off the other routes (their own `auth` is still an error there).
    if (route !== "$connect" && args.auth === undefined) delete routeArgs.auth;
    return new ApiGatewayWebSocketRoute(
      name,
      { ...routeArgs, api: this.#ref(), route, handler, handlerTransform: this.#args.transform?.route?.handler },
      { parent: this },
    );
  }

  /**
   * Adds a Lambda authorizer, for the `$connect` route's `auth: { lambda: authorizer.id }`. Takes the name
   * and the args, or one object with `name`.
   * @example
   * const authorizer = api.addAuthorizer({ name: "myAuthorizer", lambda: { function: "src/authorizer.handler" } });
   * api.route("$connect", "src/connect.handler", { auth: { lambda: authorizer.id } });
   */
  addAuthorizer(name: string, args: ApiGatewayWebSocketAuthorizerArgs): ApiGatewayV2Authorizer;
  addAuthorizer(args: ApiGatewayV2AuthorizerArgs): ApiGatewayV2Authorizer;
  addAuthorizer(nameOrArgs: string | ApiGatewayV2AuthorizerArgs, maybeArgs?: ApiGatewayWebSocketAuthorizerArgs): ApiGatewayV2Authorizer {
    const args: ApiGatewayV2AuthorizerArgs = typeof nameOrArgs === "string" ? { ...maybeArgs, name: nameOrArgs } : nameOrArgs;
    const name = authorizerName(this.componentName, this.#authorizers, args?.name);
    return new ApiGatewayV2Authorizer(name, { ...args, api: this.#ref(), protocol: "WEBSOCKET" }, { parent: this });
  }

  /**
   * API Gateway writes WebSocket access logs with an account-wide CloudWatch role. When the account has
   * none, one is created (kept on removal: other APIs of the account rely on it), as SST does.
   */
  #cloudWatchRole(): pulumi.Output<pulumi.Resource> {
    const account = this.reference("apiGatewayAccount", aws.apigateway.Account, "APIGatewayAccount", "APIGatewayAccount");
    return account.cloudwatchRoleArn.apply((arn): pulumi.Resource => {
      if (arn) return account;
      const role = this.create(
        "apiGatewayRole",
        aws.iam.Role,
        "APIGatewayPushToCloudWatchLogsRole",
        {
          assumeRolePolicy: JSON.stringify(aws.iam.assumeRolePolicyForPrincipal({ Service: "apigateway.amazonaws.com" })),
          managedPolicyArns: ["arn:aws:iam::aws:policy/service-role/AmazonAPIGatewayPushToCloudWatchLogs"],
        },
        { retainOnDelete: true },
      );
      return this.create("apiGatewayAccountSetup", aws.apigateway.Account, "APIGatewayAccountSetup", { cloudwatchRoleArn: role.arn });
    });
  }

  #ref(): ApiRef {
    return { name: this.componentName, id: this.#api.id, executionArn: this.#api.executionArn };
  }

  protected override outputs() {
    return { url: this.url, managementEndpoint: this.managementEndpoint };
  }

  getSSTLink(): LinkPayload {
    return {
      properties: { url: this.url, managementEndpoint: this.managementEndpoint },
      include: [permission({ actions: ["execute-api:ManageConnections"], resources: [pulumi.interpolate`${this.#api.executionArn}/*/*/@connections/*`] })],
    };
  }
}
