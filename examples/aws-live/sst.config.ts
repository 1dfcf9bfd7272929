/// <reference path="./.sst/platform/config.d.ts" />

// An API you change while `sst dev` runs: every request to its URL runs src/api.ts on your machine, and a
// save is live on the next request. See README.md.
import live from "@sst/live";

export default $config({
  plugins: [live()],
  app(input) {
    return {
      name: "aws-live",
      home: "aws",
      removal: input.stage === "production" ? "retain" : "remove",
      providers: { aws: {} },
    };
  },
  async run() {
    const notes = new sst.aws.Bucket("Notes");
    const api = new sst.aws.Function("Api", {
      handler: "src/api.handler",
      url: true,
      link: [notes],
    });
    return { url: api.url };
  },
});
