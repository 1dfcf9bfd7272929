/// <reference path="./.sst/platform/config.d.ts" />

export default $config({
  app(input) {
    return {
      name: "aws-dynamo-stream",
      home: "aws",
      removal: input.stage === "production" ? "retain" : "remove",
      providers: { aws: { region: "us-east-1" } },
    };
  },
  async run() {
    const table = new sst.aws.Dynamo("Notes", {
      fields: { userId: "string", noteId: "string" },
      primaryIndex: { hashKey: "userId", rangeKey: "noteId" },
      stream: "new-and-old-images",
    });
    table.subscribe("src/subscriber.handler", {
      filters: [{ eventName: ["INSERT"] }],
    });
    return { table: table.name };
  },
});
