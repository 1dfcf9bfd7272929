/// <reference path="./.sst/platform/config.d.ts" />

export default $config({
  app(input) {
    return {
      name: "aws-python",
      home: "aws",
      removal: input.stage === "production" ? "retain" : "remove",
      providers: { aws: {} },
    };
  },
  async run() {
    const greeting = new sst.Linkable("MyLinkableValue", { properties: { foo: "Hello World" } });
    const fn = new sst.aws.Function("MyPythonFunction", {
      handler: "functions/src/functions/api.handler",
      runtime: "python3.11",
      link: [greeting],
      url: true,
    });
    return { url: fn.url };
  },
});
