/// <reference path="./.sst/platform/config.d.ts" />

export default $config({
  app(input) {
    return {
      name: "aws-go",
      home: "aws",
      removal: input.stage === "production" ? "retain" : "remove",
      providers: { aws: {} },
    };
  },
  async run() {
    const settings = new sst.Linkable("Settings", { properties: { greeting: "Hello from Go" } });
    const fn = new sst.aws.Function("MyFunction", {
      runtime: "go",
      handler: "./src",
      architecture: "arm64",
      url: true,
      link: [settings],
    });
    return { url: fn.url };
  },
});
