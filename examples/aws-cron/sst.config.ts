/// <reference path="./.sst/platform/config.d.ts" />

export default $config({
  app(input) {
    return {
      name: "aws-cron",
      home: "local",
      removal: input.stage === "production" ? "retain" : "remove",
      providers: { aws: { region: "us-east-1" } },
    };
  },
  async run() {
    // Every night at 03:00 UTC, with an event the handler reads; more time than the default 20 seconds.
    const nightly = new sst.aws.Cron("Nightly", {
      function: { handler: "src/cleanup.handler", timeout: "60 seconds" },
      schedule: "cron(0 3 * * ? *)",
      event: { olderThanDays: "30" },
    });
    // A heartbeat, switched off in production.
    new sst.aws.Cron("Heartbeat", {
      function: "src/heartbeat.handler",
      schedule: "rate(5 minutes)",
      enabled: $app.stage !== "production",
    });
    return { nightlyRule: nightly.nodes.rule.name };
  },
});
