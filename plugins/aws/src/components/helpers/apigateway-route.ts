/**
 * What the routes of both API Gateway v2 kinds (HTTP and WebSocket) share: the route's auth as
 * `aws.apigatewayv2.Route` args, the invoke permission API Gateway needs on a route's or authorizer's
 * function, and the integration URI of a function.
 */
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { applyTransform, logicalName, SSTError, type Transform } from "@sst/core";
import type { FunctionArgs } from "../function.js";
import type { ChildFactory } from "./child-factory.js";
import { functionBuilder, type FunctionBuilder, type FunctionDefinition } from "./function-builder.js";

/** The API a route or authorizer belongs to. */
export interface ApiRef {
  /** The API component's name. */
  name: string;
  id: pulumi.Input<string>;
  /** `arn:aws:execute-api:<region>:<account>:<api id>`: the prefix of every source ARN of the API. */
  executionArn: pulumi.Input<string>;
}

/** A route's auth: none, IAM (SigV4), a JWT authorizer or a Lambda authorizer (by authorizer ID). */
export type RouteAuth =
  | false
  | {
      /** IAM authorization: clients sign requests with Signature Version 4. */
      iam?: pulumi.Input<boolean>;
      /** JWT authorization by an authorizer from `addAuthorizer`, with the scopes the token must have. */
      jwt?: pulumi.Input<{ authorizer: pulumi.Input<string>; scopes?: pulumi.Input<pulumi.Input<string>[]> }>;
      /** Lambda authorization: the ID of a Lambda authorizer from `addAuthorizer`. */
      lambda?: pulumi.Input<string>;
    };

/** `authorizationType` and the authorizer fields of an `aws.apigatewayv2.Route` for `auth`. */
export function routeAuthArgs(where: string, auth: pulumi.Input<RouteAuth | undefined>) {
  // A plain `auth` (its IDs may be Outputs) is checked now, so a mistake points at the user's call.
  const plain = !pulumi.Output.isInstance(auth) && !(auth instanceof Promise);
  if (plain) authFields(where, auth as ResolvedAuth | undefined);
  const fields = pulumi.output(auth).apply((a) => authFields(where, a as ResolvedAuth | undefined));
  return {
    authorizationType: fields.authorizationType,
    authorizerId: fields.apply((f) => f.authorizerId),
    authorizationScopes: fields.apply((f) => f.authorizationScopes),
  };
}

type ResolvedAuth = false | { iam?: unknown; jwt?: { authorizer?: unknown; scopes?: string[] }; lambda?: unknown };

function authFields(where: string, auth: ResolvedAuth | undefined): { authorizationType: string; authorizerId?: string; authorizationScopes?: string[] } {
  if (!auth) return { authorizationType: "NONE" };
  const kinds = (["iam", "jwt", "lambda"] as const).filter((k) => auth[k] !== undefined && auth[k] !== false);
  if (kinds.length > 1) {
    throw new SSTError({
      code: "E_API_ROUTE_AUTH",
      message: `${where}: "auth" sets ${kinds.map((k) => `"${k}"`).join(" and ")}; a route takes one kind of auth.`,
      hint: `Keep one of auth.iam, auth.jwt or auth.lambda.`,
    });
  }
  if (auth.iam) return { authorizationType: "AWS_IAM" };
  if (auth.lambda !== undefined) return { authorizationType: "CUSTOM", authorizerId: auth.lambda as string };
  if (auth.jwt !== undefined && !pulumi.Output.isInstance(auth.jwt)) {
    if (auth.jwt.authorizer === undefined) {
      throw new SSTError({
        code: "E_API_ROUTE_AUTH",
        message: `${where}: "auth.jwt" needs "authorizer", the ID of an authorizer from addAuthorizer.`,
        hint: `const auth = api.addAuthorizer({ name: "myAuth", jwt: { issuer, audiences } }); then auth: { jwt: { authorizer: auth.id } }.`,
      });
    }
    return { authorizationType: "JWT", authorizerId: auth.jwt.authorizer as string, authorizationScopes: auth.jwt.scopes };
  }
  return { authorizationType: "NONE" };
}

/**
 * The URI API Gateway invokes a function through:
 * `arn:<partition>:apigateway:<region>:lambda:path/2015-03-31/functions/<function arn>/invocations`.
 */
export function invokeArn(functionArn: pulumi.Input<string>): pulumi.Output<string> {
  return pulumi.output(functionArn).apply((arn) => {
    // `?? ""`: offline (mocks) the ARN may be missing; a deploy always has one.
    const [, partition, , region] = (arn ?? "").split(":");
    return `arn:${partition}:apigateway:${region}:lambda:path/2015-03-31/functions/${arn}/invocations`;
  });
}

/**
 * The permission for API Gateway to invoke `functionArn`, only from `sourceArn` (a route's or an
 * authorizer's ARN under the API's execution ARN).
 */
export function invokePermission(
  factory: ChildFactory,
  functionArn: pulumi.Input<string>,
  sourceArn: pulumi.Input<string>,
): aws.lambda.Permission {
  return factory.create("permission", aws.lambda.Permission, "Permission", {
    action: "lambda:InvokeFunction",
    function: functionArn,
    principal: "apigateway.amazonaws.com",
    sourceArn,
  });
}

/** The `aws.apigatewayv2.Route` for `routeKey`, targeting `integrationId`, with `auth`. */
export function createRoute(
  factory: ChildFactory,
  args: { api: ApiRef; routeKey: string; integrationId: pulumi.Input<string>; auth?: pulumi.Input<RouteAuth | undefined> },
): aws.apigatewayv2.Route {
  return factory.create("route", aws.apigatewayv2.Route, "Route", {
    apiId: args.api.id,
    routeKey: args.routeKey,
    target: pulumi.interpolate`integrations/${args.integrationId}`,
    ...routeAuthArgs(`${args.api.name}: route "${args.routeKey}"`, args.auth),
  });
}

/**
 * A route's function (built by `functionBuilder` as `<route>Handler`, or an existing ARN), the permission for
 * API Gateway to invoke it from `sourceArn` only, and the `AWS_PROXY` integration to it (created after the
 * permission, so the first request does not race it).
 */
export function lambdaIntegration(
  factory: ChildFactory,
  args: {
    api: ApiRef;
    handler: FunctionDefinition;
    defaults?: Partial<FunctionArgs>;
    handlerTransform?: Transform<FunctionArgs>;
    sourceArn: pulumi.Input<string>;
    /** The integration's target fields for the function's ARN (`integrationUri`, payload version). */
    target: (functionArn: pulumi.Output<string>) => Partial<aws.apigatewayv2.IntegrationArgs>;
  },
): { fn: FunctionBuilder; permission: aws.lambda.Permission; integration: aws.apigatewayv2.Integration } {
  const name = `${factory.name}Handler`;
  const shared = args.defaults?.link;
  const withSharedLinks = (fnArgs: FunctionArgs): FunctionArgs =>
    // The API's `link` adds to a handler's own `link` (as in SST) rather than being replaced by it.
    Array.isArray(shared) && Array.isArray(fnArgs.link) && fnArgs.link !== shared ? { ...fnArgs, link: [...shared, ...fnArgs.link] } : fnArgs;
  const fn = functionBuilder(name, args.handler, args.defaults ?? {}, (fnArgs) => applyTransform(args.handlerTransform, name, withSharedLinks(fnArgs), {})[0], {
    parent: factory.parent,
  });
  const permission = invokePermission(factory, fn.arn, args.sourceArn);
  const integration = factory.create(
    "integration",
    aws.apigatewayv2.Integration,
    "Integration",
    { apiId: args.api.id, integrationType: "AWS_PROXY", ...args.target(fn.arn) },
    { dependsOn: [permission] },
  );
  return { fn, permission, integration };
}

/**
 * Claims `name` in `taken` (a component's authorizers or routes), or throws `code` naming the component.
 * @returns `name`
 */
export function claimName(component: string, taken: Set<string>, name: string, code: string, what: string, hint: string): string {
  if (taken.has(name)) throw new SSTError({ code, message: `${component}: ${what} was added twice.`, hint });
  taken.add(name);
  return name;
}

/** The component name of authorizer `name` of API `component` (`<Api>Authorizer<Name>`), claimed in `taken`. */
export function authorizerName(component: string, taken: Set<string>, name: string | undefined): string {
  const hint = `Give each authorizer its own name, e.g. addAuthorizer({ name: "myAuthorizer", ... }).`;
  if (!name) throw new SSTError({ code: "E_API_AUTHORIZER", message: `${component}: addAuthorizer needs a "name".`, hint });
  return claimName(component, taken, `${component}Authorizer${logicalName(name)}`, "E_API_AUTHORIZER", `an authorizer named "${name}"`, hint);
}
