/// <reference path="./.sst/platform/config.d.ts" />

/**
 * An HTTP API whose `/notes` routes need a JWT from the issuer below (a Cognito user pool here; any OIDC
 * issuer works). `GET /` stays public. Try it: `curl $URL/notes -H "Authorization: Bearer $TOKEN"`.
 */
export default $config({
  app(input) {
    return {
      name: "aws-api-jwt",
      home: "aws",
      removal: input.stage === "production" ? "retain" : "remove",
      providers: { aws: { region: "us-east-1" } },
    };
  },
  async run() {
    const issuer = "https://cognito-idp.us-east-1.amazonaws.com/us-east-1_Rq4d8zILG";
    const audience = "4b0bkn2qtu6ne1cpaap6arh3pm";

    const api = new sst.aws.ApiGatewayV2("Api", {
      cors: { allowOrigins: ["http://localhost:5173"] },
      accessLog: { retention: "1 month" },
    });
    const auth = api.addAuthorizer({ name: "cognito", jwt: { issuer, audiences: [audience] } });

    api.route("GET /", "src/public.handler");
    api.route("GET /notes", "src/notes.list", { auth: { jwt: { authorizer: auth.id } } });
    api.route("POST /notes", "src/notes.create", { auth: { jwt: { authorizer: auth.id, scopes: ["notes/write"] } } });

    return { url: api.url };
  },
});
