/** sst.aws.Bucket and BucketNotification through the plugin harness (synth under Pulumi mocks). */
import * as awsSdk from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { synth, type Graph } from "@sst/core/testing";
import { describe, expect, it } from "vitest";
import { aws, Bucket, BucketNotification, Function, Queue, SnsTopic } from "@sst/aws";
import { ACCOUNT, arnMocks, REGION } from "./fixtures/arn-mocks.js";
import { statementsOf } from "./fixtures/policy.js";

const app = { plugins: [aws()], providers: { aws: {} }, mocks: arnMocks() };
const T = {
  bucket: "aws:s3/bucket:Bucket",
  block: "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock",
  policy: "aws:s3/bucketPolicy:BucketPolicy",
  cors: "aws:s3/bucketCorsConfiguration:BucketCorsConfiguration",
  versioning: "aws:s3/bucketVersioning:BucketVersioning",
  notification: "aws:s3/bucketNotification:BucketNotification",
};
/** The bucket's physical name: the naming rule's when registered, else the mocks' (its logical name, lower case). */
const nameOf = (graph: Graph) => (graph.get("MediaBucket").inputs.bucket as string | undefined) ?? "mediabucket";
const arnOf = (graph: Graph) => `arn:aws:s3:::${nameOf(graph)}`;
const httpsOnly = (arn: string) => ({
  Effect: "Deny",
  Principal: "*",
  Action: "s3:*",
  Resource: [arn, `${arn}/*`],
  Condition: { Bool: { "aws:SecureTransport": "false" } },
});

async function one(args: ConstructorParameters<typeof Bucket>[1] = {}) {
  return synth({ ...app, run: () => void new Bucket("Media", args) });
}

describe("sst.aws.Bucket", () => {
  it("is sst.aws.Bucket in the sst namespace, with its subscriber components", async () => {
    let seen: unknown[] = [];
    await synth({ ...app, run: () => void (seen = [(globalThis as any).sst.aws.Bucket, (globalThis as any).sst.aws.BucketNotification]) });
    expect(seen).toEqual([Bucket, BucketNotification]);
  });

  it("creates a force-destroyable bucket that blocks public access, denies plain HTTP and allows any origin (CORS)", async () => {
    const graph = await one();
    const NAME = nameOf(graph);
    const ARN = arnOf(graph);
    expect(graph.get("MediaBucket", T.bucket).inputs).toMatchObject({ forceDestroy: true });
    expect(graph.get("MediaPublicAccessBlock", T.block).inputs).toEqual({
      bucket: NAME,
      blockPublicAcls: true,
      ignorePublicAcls: true,
      blockPublicPolicy: true,
      restrictPublicBuckets: true,
    });
    const policy = graph.get("MediaPolicy", T.policy);
    expect(statementsOf(policy)).toEqual([httpsOnly(ARN)]);
    expect(policy.dependencies).toContain(graph.get("MediaPublicAccessBlock").urn);
    expect(graph.get("MediaCors", T.cors).inputs.corsRules).toEqual([
      { allowedHeaders: ["*"], allowedMethods: ["DELETE", "GET", "HEAD", "POST", "PUT"], allowedOrigins: ["*"], exposeHeaders: [], maxAgeSeconds: 0 },
    ]);
    expect(graph.byType(T.versioning)).toEqual([]);
  });

  it("grants public read and relaxes the public access block for access: public", async () => {
    const graph = await one({ access: "public" });
    const ARN = arnOf(graph);
    expect(graph.get("MediaPublicAccessBlock").inputs).toMatchObject({ blockPublicPolicy: false, restrictPublicBuckets: false, blockPublicAcls: true });
    expect(statementsOf(graph.get("MediaPolicy"))).toEqual([
      { Effect: "Allow", Principal: "*", Action: "s3:GetObject", Resource: `${ARN}/*` },
      httpsOnly(ARN),
    ]);
  });

  it("grants CloudFront read, keeping public access blocked, for access: cloudfront", async () => {
    const graph = await one({ access: "cloudfront" });
    const ARN = arnOf(graph);
    expect(graph.get("MediaPublicAccessBlock").inputs).toMatchObject({ blockPublicPolicy: true, restrictPublicBuckets: true });
    expect(statementsOf(graph.get("MediaPolicy"))[0]).toEqual({
      Effect: "Allow",
      Principal: { Service: "cloudfront.amazonaws.com" },
      Action: "s3:GetObject",
      Resource: `${ARN}/*`,
    });
  });

  it("creates no policy with enforceHttps: false and nothing else to say", async () => {
    const graph = await one({ enforceHttps: false });
    expect(graph.byType(T.policy)).toEqual([]);
  });

  it("adds policy statements with principals by type, paths and conditions", async () => {
    const graph = await one({
      enforceHttps: false,
      policy: [
        { actions: ["s3:*"], principals: "*", conditions: [{ test: "IpAddress", variable: "aws:SourceIp", values: ["10.0.0.0/16"] }] },
        {
          effect: "deny",
          actions: ["s3:GetObject", "s3:ListBucket"],
          principals: [
            { type: "aws", identifiers: ["123456789012"] },
            { type: "service", identifiers: ["cloudfront.amazonaws.com"] },
            { type: "federated", identifiers: ["accounts.google.com"] },
            { type: "canonical", identifiers: ["79a59df9"] },
          ],
          paths: ["", "images/*"],
        },
      ],
    });
    const ARN = arnOf(graph);
    expect(statementsOf(graph.get("MediaPolicy"))).toEqual([
      { Effect: "Allow", Principal: "*", Action: ["s3:*"], Resource: [ARN, `${ARN}/*`], Condition: { IpAddress: { "aws:SourceIp": ["10.0.0.0/16"] } } },
      {
        Effect: "Deny",
        Principal: { AWS: ["123456789012"], Service: ["cloudfront.amazonaws.com"], Federated: ["accounts.google.com"], CanonicalUser: ["79a59df9"] },
        Action: ["s3:GetObject", "s3:ListBucket"],
        Resource: [ARN, `${ARN}/images/*`],
      },
    ]);
  });

  it("takes a CORS configuration, or none with cors: false", async () => {
    const graph = await one({ cors: { allowOrigins: ["https://example.com"], allowMethods: ["GET"], maxAge: "1 day" } });
    expect(graph.get("MediaCors").inputs.corsRules).toEqual([
      { allowedHeaders: ["*"], allowedMethods: ["GET"], allowedOrigins: ["https://example.com"], exposeHeaders: [], maxAgeSeconds: 86400 },
    ]);
    expect((await one({ cors: false })).byType(T.cors)).toEqual([]);
    await expect(one({ cors: { maxAge: "2 days" } })).rejects.toMatchObject({ code: "E_DURATION_RANGE", message: expect.stringContaining("cors.maxAge") });
  });

  it("enables versioning with versioning: true", async () => {
    const graph = await one({ versioning: true });
    const NAME = nameOf(graph);
    expect(graph.get("MediaVersioning", T.versioning).inputs).toEqual({ bucket: NAME, versioningConfiguration: { status: "Enabled" } });
  });

  it("takes cors and versioning as Outputs: the resources exist, their values decide the rules and status", async () => {
    const graph = await one({ cors: pulumi.output({ allowOrigins: ["https://a.example"] }), versioning: pulumi.output(false) });
    expect(graph.get("MediaCors").inputs.corsRules).toMatchObject([{ allowedOrigins: ["https://a.example"], maxAgeSeconds: 0 }]);
    expect(graph.get("MediaVersioning").inputs.versioningConfiguration).toEqual({ status: "Suspended" });
  });

  it("refuses an unknown access value", async () => {
    await expect(one({ access: "private" as any })).rejects.toMatchObject({ code: "E_BUCKET_ACCESS", message: expect.stringContaining('Bucket "Media"') });
  });

  it("applies every transform key, skips the access block for publicAccessBlock: false, and imports through transform.bucket", async () => {
    const imports: Record<string, string> = {};
    const graph = await synth({
      ...app,
      mocks: arnMocks(imports),
      run: () =>
        void new Bucket("Media", {
          versioning: true,
          transform: {
            bucket: (args, opts) => {
              args.bucket = "mybucket-xnbmhcvd";
              args.forceDestroy = undefined;
              opts.import = "mybucket-xnbmhcvd";
            },
            cors: { expectedBucketOwner: "111" },
            policy: { region: "eu-west-1" },
            versioning: { expectedBucketOwner: "333" },
            publicAccessBlock: false,
          },
        }),
    });
    expect(imports.MediaBucket).toBe("mybucket-xnbmhcvd");
    expect(graph.get("MediaBucket").inputs.bucket).toBe("mybucket-xnbmhcvd");
    expect(graph.get("MediaBucket").inputs.forceDestroy).toBeUndefined();
    expect(graph.get("MediaCors").inputs.expectedBucketOwner).toBe("111");
    expect(graph.get("MediaPolicy").inputs.region).toBe("eu-west-1");
    expect(graph.get("MediaVersioning").inputs.expectedBucketOwner).toBe("333");
    expect(graph.byType(T.block)).toEqual([]);
    const blocked = await one({ transform: { publicAccessBlock: { blockPublicAcls: false } } });
    expect(blocked.get("MediaPublicAccessBlock").inputs.blockPublicAcls).toBe(false);
  });

  it("exposes name, arn, domain and nodes.bucket, and links its name with s3:* on the bucket and its objects", async () => {
    let bucket!: Bucket;
    const graph = await synth({ ...app, run: () => ((bucket = new Bucket("Media")), { name: bucket.name, arn: bucket.arn, domain: bucket.domain }) });
    const NAME = nameOf(graph);
    const ARN = arnOf(graph);
    expect(graph.outputs).toEqual({ name: NAME, arn: ARN, domain: `${NAME}.s3.amazonaws.com` });
    expect(bucket.nodes.bucket).toBeInstanceOf(awsSdk.s3.Bucket);
    const link = graph.links.find((l) => l.name === "Media")!;
    expect(link).toMatchObject({ type: "sst.aws.Bucket", properties: { name: NAME } });
    expect(link.include).toEqual([{ type: "aws.permission", actions: ["s3:*"], resources: [ARN, `${ARN}/*`] }]);
  });

  it("references an existing bucket by name with Bucket.get, creating nothing", async () => {
    let bucket!: Bucket;
    const graph = await synth({ ...app, run: () => void (bucket = Bucket.get("Shared", "app-dev-mybucket-12345678")) });
    expect(graph.get("SharedBucket", T.bucket)).toMatchObject({ read: true, id: "app-dev-mybucket-12345678" });
    expect(graph.resources.filter((r) => r.type.startsWith("aws:") && !r.read)).toEqual([]);
    expect(bucket.nodes.bucket).toBeInstanceOf(awsSdk.s3.Bucket);
  });
});

describe("Bucket.notify", () => {
  it("notifies a function, a queue and a topic, each allowed to receive from S3", async () => {
    let notification!: BucketNotification;
    const graph = await synth({
      ...app,
      run: () => {
        const bucket = new Bucket("Media");
        const queue = new Queue("Jobs");
        const topic = new SnsTopic("Events");
        notification = bucket.notify({
          notifications: [
            { name: "Resize", function: "src/resize.handler", events: ["s3:ObjectCreated:*"], filterPrefix: "images/", filterSuffix: ".jpg" },
            { name: "Enqueue", queue },
            { name: "Announce", topic, events: ["s3:ObjectRemoved:*"] },
          ],
        });
      },
    });
    const NAME = nameOf(graph);
    const ARN = arnOf(graph);
    const n = graph.get("MediaNotificationsNotification", T.notification);
    expect(n.inputs.bucket).toBe(NAME);
    expect(n.inputs.lambdaFunctions).toEqual([
      {
        id: "Resize",
        lambdaFunctionArn: `arn:aws:lambda:${REGION}:${ACCOUNT}:function:MediaNotificationsResizeFunctionFunction`,
        events: ["s3:ObjectCreated:*"],
        filterPrefix: "images/",
        filterSuffix: ".jpg",
      },
    ]);
    expect(n.inputs.queues).toMatchObject([{ id: "Enqueue", queueArn: `arn:aws:sqs:${REGION}:${ACCOUNT}:JobsQueue` }]);
    expect(n.inputs.topics).toEqual([{ id: "Announce", topicArn: `arn:aws:sns:${REGION}:${ACCOUNT}:EventsTopic`, events: ["s3:ObjectRemoved:*"] }]);

    const permission = graph.get("MediaNotificationsResizePermission", "aws:lambda/permission:Permission");
    expect(permission.inputs).toMatchObject({ action: "lambda:InvokeFunction", principal: "s3.amazonaws.com", sourceArn: ARN });
    const queuePolicy = graph.get("MediaNotificationsEnqueuePolicy", "aws:sqs/queuePolicy:QueuePolicy");
    expect(queuePolicy.inputs.queueUrl).toBe(`https://sqs.${REGION}.amazonaws.com/${ACCOUNT}/JobsQueue`);
    expect(statementsOf(queuePolicy)).toEqual([
      {
        Effect: "Allow",
        Principal: { Service: expect.arrayContaining(["s3.amazonaws.com"]) },
        Action: "sqs:SendMessage",
        Resource: `arn:aws:sqs:${REGION}:${ACCOUNT}:JobsQueue`,
      },
    ]);
    const topicPolicy = graph.get("MediaNotificationsAnnouncePolicy", "aws:sns/topicPolicy:TopicPolicy");
    expect(statementsOf(topicPolicy)).toEqual([
      { Effect: "Allow", Principal: { Service: "s3.amazonaws.com" }, Action: "sns:Publish", Resource: `arn:aws:sns:${REGION}:${ACCOUNT}:EventsTopic` },
    ]);
    expect(n.dependencies).toEqual(expect.arrayContaining([permission.urn, queuePolicy.urn, topicPolicy.urn]));
    // Kept on delete: other subscriptions of the queue rely on the same (one) queue policy.
    expect(queuePolicy.retainOnDelete).toBe(true);
    expect(topicPolicy.retainOnDelete).toBe(true);
    expect(notification.nodes.notification).toBeInstanceOf(awsSdk.s3.BucketNotification);
    expect(notification.nodes.functions).toHaveLength(1);
    expect(notification.nodes.functions[0]).toBeInstanceOf(Function);
  });

  it("defaults to every S3 event, takes ARNs for queues, topics and functions, and applies transform.notification", async () => {
    const fnArn = `arn:aws:lambda:${REGION}:${ACCOUNT}:function:existing`;
    const graph = await synth({
      ...app,
      run: () =>
        void new Bucket("Media").notify({
          notifications: [
            { name: "Fn", function: fnArn },
            { name: "Q", queue: `arn:aws:sqs:${REGION}:${ACCOUNT}:external` },
            { name: "T", topic: `arn:aws:sns:${REGION}:${ACCOUNT}:external` },
          ],
          transform: { notification: { eventbridge: true } },
        }),
    });
    const n = graph.get("MediaNotificationsNotification");
    expect(n.inputs.eventbridge).toBe(true);
    const fn = (n.inputs.lambdaFunctions as { lambdaFunctionArn: string; events: string[] }[])[0]!;
    expect(fn.lambdaFunctionArn).toBe(fnArn);
    expect(fn.events).toEqual(expect.arrayContaining(["s3:ObjectCreated:*", "s3:ObjectRemoved:*", "s3:ObjectRestore:*", "s3:LifecycleTransition", "s3:ObjectAcl:Put"]));
    expect(fn.events).not.toContain("s3:ObjectCreated:Put");
    expect(graph.byType("aws:lambda/function:Function")).toEqual([]);
    expect(graph.get("MediaNotificationsQPolicy").inputs.queueUrl).toBe(`https://sqs.${REGION}.amazonaws.com/${ACCOUNT}/external`);
    expect(graph.get("MediaNotificationsTPolicy").inputs.arn).toBe(`arn:aws:sns:${REGION}:${ACCOUNT}:external`);
  });

  it("refuses a notification without exactly one target, duplicate names, and a second notify", async () => {
    const notify = (notifications: any[]) => synth({ ...app, run: () => void new Bucket("Media").notify({ notifications }) });
    await expect(notify([{ name: "A" }])).rejects.toMatchObject({ code: "E_BUCKET_NOTIFY", message: expect.stringContaining("none of function, queue and topic") });
    await expect(notify([{ name: "A", function: "src/a.handler", queue: "arn:aws:sqs:us-east-1:1:q" }])).rejects.toMatchObject({
      code: "E_BUCKET_NOTIFY",
      message: expect.stringContaining("function and queue"),
    });
    await expect(notify([{ name: "A", function: "src/a.handler" }, { name: "A", function: "src/b.handler" }])).rejects.toMatchObject({ code: "E_BUCKET_NOTIFY" });
    await expect(notify([{ name: "A", queue: "not-an-arn" }])).rejects.toMatchObject({ code: "E_AWS_ARN_INVALID" });
    await expect(
      synth({
        ...app,
        run: () => {
          const bucket = new Bucket("Media");
          bucket.notify({ notifications: [{ name: "A", function: "src/a.handler" }] });
          bucket.notify({ notifications: [{ name: "B", function: "src/b.handler" }] });
        },
      }),
    ).rejects.toMatchObject({ code: "E_BUCKET_NOTIFY_TWICE" });
  });
});
