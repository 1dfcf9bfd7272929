/// <reference path="./.sst/platform/config.d.ts" />

export default $config({
  app(input) {
    return {
      name: "aws-rust",
      home: "aws",
      removal: input.stage === "production" ? "retain" : "remove",
      providers: { aws: {} },
    };
  },
  async run() {
    const settings = new sst.Linkable("Settings", { properties: { greeting: "Hello from Rust" } });
    const fn = new sst.aws.Function("MyFunction", {
      runtime: "rust",
      handler: "./",
      url: true,
      link: [settings],
    });
    return { url: fn.url };
  },
});
