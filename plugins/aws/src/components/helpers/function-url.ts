/** The `url` arg of `sst.aws.Function`: its normal form and the `FunctionUrl` args it gives. */
import type * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { SSTError } from "@sst/core";
import type { FunctionUrlArgs, FunctionUrlCors } from "./function-args.js";
import { toSeconds } from "./function-units.js";

/** CORS when `cors` is `true` or not given (SST's defaults). */
export const CORS_DEFAULTS: Required<FunctionUrlCors> = {
  allowCredentials: false,
  allowHeaders: ["*"],
  allowMethods: ["*"],
  allowOrigins: ["*"],
  exposeHeaders: [],
  maxAge: "0 seconds",
};

/** `url` as an object, or undefined when off. */
export function normalUrl(url: boolean | FunctionUrlArgs | undefined): FunctionUrlArgs | undefined {
  if (url === undefined || url === false) return undefined;
  return url === true ? {} : url;
}

/** The `cors` of a `FunctionUrl` (undefined for `cors: false`); a user object is merged over the defaults. */
export function urlCors(component: string, cors: boolean | FunctionUrlCors | undefined): aws.types.input.lambda.FunctionUrlCors | undefined {
  if (cors === false) return undefined;
  const merged = { ...CORS_DEFAULTS, ...(cors === true || cors === undefined ? {} : cors) };
  return {
    allowCredentials: merged.allowCredentials,
    allowHeaders: merged.allowHeaders,
    allowMethods: merged.allowMethods,
    allowOrigins: merged.allowOrigins,
    exposeHeaders: merged.exposeHeaders,
    maxAge: pulumi.output(merged.maxAge).apply((v) => toSeconds(v, { component, arg: "url.cors.maxAge" }, 0, 86400)),
  };
}

/** `"none"` → `NONE`, `"iam"` → `AWS_IAM`. */
export function authorizationType(component: string, authorization: unknown): "NONE" | "AWS_IAM" {
  if (authorization === undefined || authorization === "none") return "NONE";
  if (authorization === "iam") return "AWS_IAM";
  throw new SSTError({
    code: "E_FUNCTION_ARG",
    message: `Function "${component}": url.authorization ${JSON.stringify(authorization)} is not "none" or "iam".`,
    hint: 'Use url: { authorization: "iam" } for signed requests, or leave it out for a public URL.',
  });
}

/**
 * The URL a function is reached at through a Router: `https://<domain><path>` with a domain pattern, else the
 * Router's URL with the path. The route itself is added by the Router's `route(pattern, url)`.
 */
export function routerUrl(routerUrl: pulumi.Input<string>, domain: pulumi.Input<string> | undefined, path: pulumi.Input<string> | undefined) {
  return pulumi.all([routerUrl, domain, path ?? "/"]).apply(([base, d, p]) => {
    const prefix = d ? `https://${d}` : base.replace(/\/$/, "");
    const suffix = p === "/" ? "" : p.startsWith("/") ? p : `/${p}`;
    return `${prefix}${suffix}`;
  });
}
