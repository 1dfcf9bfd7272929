/// <reference path="./.sst/platform/config.d.ts" />
import { vercelDns } from "@sst/vercel-dns";

export default $config({
  plugins: [vercelDns()],
  app(input) {
    return {
      name: "aws-vercel-dns",
      removal: input?.stage === "production" ? "retain" : "remove",
      home: "aws",
    };
  },
  async run() {
    const api = new sst.aws.ApiGatewayV2("Api", {
      domain: {
        name: `${$app.stage === "production" ? "" : `${$app.stage}.`}api.example.com`,
        dns: sst.vercel.dns({ domain: "example.com" }),
      },
    });
    api.route("GET /", "index.handler");
    return { url: api.url };
  },
});
