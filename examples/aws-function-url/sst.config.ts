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
    // The bucket the function reads. (A Linkable standing for sst.aws.Bucket until that component lands.)
    const bucket = new sst.Linkable("MyBucket", {
      properties: { name: `${$app.name}-${$app.stage}-uploads` },
      include: [sst.aws.permission({ actions: ["s3:GetObject", "s3:PutObject"], resources: [`arn:aws:s3:::${$app.name}-${$app.stage}-uploads/*`] })],
    });
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
