/// <reference path="./.sst/platform/config.d.ts" />

export default $config({
  app(input) {
    return {
      name: "cloudflare-bindings",
      removal: input?.stage === "production" ? "retain" : "remove",
      home: "cloudflare",
    };
  },
  async run() {
    const bucket = new sst.cloudflare.Bucket("MyBucket");
    const kv = new sst.cloudflare.Kv("MyKv");
    const db = new sst.cloudflare.D1("MyDb");
    const queue = new sst.cloudflare.Queue("MyQueue");
    const settings = new sst.Linkable("Settings", { properties: { value: `settings of ${$app.stage}` } });
    queue.subscribe({ handler: "consumer.ts", link: [kv] }, { batch: { size: 1, window: "1 second" } });
    const api = new sst.cloudflare.Worker("Api", {
      url: true,
      handler: "index.ts",
      link: [bucket, kv, db, queue, settings],
      environment: { GREETING: "hello" },
    });
    return { api: api.url };
  },
});
