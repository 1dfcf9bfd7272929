/// <reference path="./.sst/platform/config.d.ts" />

export default $config({
  app(input) {
    return {
      name: "aws-function-url",
      home: "aws",
      removal: input.stage === "production" ? "retain" : "remove",
      providers: { aws: {} },
    };
  },
  async run() {
    // The bucket the function reads: linking it gives the function its name and s3 permissions on it.
    const bucket = new sst.aws.Bucket("MyBucket");
    const fn = new sst.aws.Function("MyFunction", {
      handler: "src/index.handler",
      url: true,
      link: [bucket],
    });
    // The function's own URL, known only once it exists: added after creation.
    fn.addEnvironment({ SELF_URL: fn.url.apply((url) => url ?? "") });
    return { url: fn.url };
  },
});
