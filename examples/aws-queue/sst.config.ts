/// <reference path="./.sst/platform/config.d.ts" />

export default $config({
  app(input) {
    return {
      name: "aws-queue",
      home: "aws",
      removal: input.stage === "production" ? "retain" : "remove",
      providers: { aws: { region: "us-east-1" } },
    };
  },
  async run() {
    // Messages that fail 3 times land here, to be looked at instead of retried forever.
    const dlq = new sst.aws.Queue("DeadLetters");
    const queue = new sst.aws.Queue("Jobs", {
      visibilityTimeout: "2 minutes",
      dlq: { queue: dlq.arn, retry: 3 },
    });
    queue.subscribe("src/worker.handler", {
      batch: { size: 10, window: "5 seconds", partialResponses: true },
    });
    return { queue: queue.url, deadLetters: dlq.url };
  },
});
