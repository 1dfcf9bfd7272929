/**
 * HTTP API route keys: `"METHOD /path"` or `"$default"`, checked before anything is created, and the
 * execute-api source ARN a route's invoke permission is scoped to.
 */
import * as pulumi from "@pulumi/pulumi";
import { SSTError } from "@sst/core";

/** The methods a route key takes; `ANY` matches every method. */
export const HTTP_METHODS = ["ANY", "DELETE", "GET", "HEAD", "OPTIONS", "PATCH", "POST", "PUT"] as const;

const PARAM = /^\{[A-Za-z0-9_.-]+\}$/;
const GREEDY = /^\{[A-Za-z0-9_.-]+\+\}$/;

/**
 * The route key API Gateway takes for `raw`: the method upper-cased, `$default` as is.
 * @example parseRouteKey("MyApi", "get /notes/{id}") // "GET /notes/{id}"
 */
export function parseRouteKey(component: string, raw: string): string {
  const fail = (why: string) =>
    new SSTError({
      code: "E_API_ROUTE_KEY",
      message: `${component}: invalid route ${JSON.stringify(raw)}: ${why}.`,
      hint: `Write "METHOD /path" (e.g. "GET /notes/{id}", "ANY /{proxy+}") or "$default".`,
    });
  if (typeof raw !== "string") throw fail("a route is a string");
  const trimmed = raw.trim();
  if (trimmed.toLowerCase() === "$default") return "$default";
  const parts = trimmed.split(/\s+/);
  if (parts.length !== 2) throw fail(`expected a method and a path separated by one space`);
  const [rawMethod, path] = parts as [string, string];
  const method = rawMethod.toUpperCase();
  if (!(HTTP_METHODS as readonly string[]).includes(method)) throw fail(`unknown method "${rawMethod}" (one of ${HTTP_METHODS.join(", ")})`);
  if (!path.startsWith("/")) throw fail(`the path must start with "/"`);
  if (path !== "/") {
    const segments = path.slice(1).split("/");
    segments.forEach((segment, i) => {
      if (segment === "") throw fail(`the path has an empty segment ("//" or a trailing "/")`);
      if (GREEDY.test(segment)) {
        if (i !== segments.length - 1) throw fail(`the greedy segment "${segment}" must be the last one`);
      } else if ((segment.includes("{") || segment.includes("}")) && !PARAM.test(segment)) {
        throw fail(`"${segment}" is not a path parameter; a parameter is a whole segment like "{id}", or "{proxy+}" at the end`);
      }
    });
  }
  return `${method} ${path}`;
}

/**
 * The source ARN of requests that reach `routeKey`, in any stage: `<executionArn>/*\/GET/notes/*` for
 * `GET /notes/{id}` (parameters match any value), `<executionArn>/*\/*\/...` for `ANY`,
 * `<executionArn>/*\/$default` for the default route.
 */
export function routeSourceArn(executionArn: pulumi.Input<string>, routeKey: string): pulumi.Output<string> {
  if (routeKey === "$default") return pulumi.interpolate`${executionArn}/*/$default`;
  const [method, path] = routeKey.split(" ") as [string, string];
  const resource = path === "/" ? "/" : path.replace(/\{[^/]+\}/g, "*");
  return pulumi.interpolate`${executionArn}/*/${method === "ANY" ? "*" : method}${resource}`;
}
