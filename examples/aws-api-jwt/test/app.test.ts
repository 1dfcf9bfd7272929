/** The aws-api-jwt example, synthesised offline: a public route, and JWT-protected routes with scopes. */
import { join } from "node:path";
import { synthConfig } from "@sst/core/testing";
import { aws } from "@sst/aws";
import { describe, expect, it } from "vitest";

const root = join(import.meta.dirname, "..");

describe("aws-api-jwt", () => {
  it("puts /notes behind the JWT authorizer and leaves GET / public", async () => {
    const graph = await synthConfig({ cwd: root, stage: "test", plugins: [aws()] });
    const [authorizer, ...others] = graph.byType("aws:apigatewayv2/authorizer:Authorizer");
    expect(others).toEqual([]);
    expect(authorizer!.inputs).toMatchObject({
      authorizerType: "JWT",
      identitySources: ["$request.header.Authorization"],
      jwtConfiguration: { issuer: "https://cognito-idp.us-east-1.amazonaws.com/us-east-1_Rq4d8zILG", audiences: ["4b0bkn2qtu6ne1cpaap6arh3pm"] },
    });
    const routes = Object.fromEntries(graph.byType("aws:apigatewayv2/route:Route").map((r) => [r.inputs.routeKey, r.inputs]));
    expect(routes["GET /"]).toMatchObject({ authorizationType: "NONE" });
    expect(routes["GET /notes"]).toMatchObject({ authorizationType: "JWT", authorizerId: `${authorizer!.name}-id` });
    expect(routes["POST /notes"]).toMatchObject({ authorizationType: "JWT", authorizationScopes: ["notes/write"] });
    const handlers = graph.byType("aws:lambda/function:Function").map((f) => f.inputs.handler).sort();
    expect(handlers).toEqual(["src/notes.create", "src/notes.list", "src/public.handler"]);
    expect(graph.get("ApiApi").inputs.corsConfiguration).toMatchObject({ allowOrigins: ["http://localhost:5173"] });
    expect(graph.get("ApiAccessLog").inputs.retentionInDays).toBe(30);
  });
});
