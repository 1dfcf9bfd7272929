/**
 * `sst.aws.Bucket` (../docs 29-bucket.md): an S3 bucket with CORS, an HTTPS-only policy, optional public or
 * CloudFront read access, versioning and event notifications.
 *
 * Built on `aws.s3.Bucket` and its v7 companions (`BucketCorsConfiguration`, `BucketVersioning`): the `V2`
 * classes SST v3 used are deprecated aliases in `@pulumi/aws` 7. Import works the same way: set
 * `args.bucket` and `opts.import` in `transform.bucket` (../docs 21-import-resources.md).
 */
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { Component, SSTError, type ComponentArgs, type LinkPayload, type Transform } from "@sst/core";
import { BucketNotification, type BucketNotificationArgs } from "./bucket-notification.js";
import { bucketPolicyDocument, type BucketPolicyStatement } from "./helpers/bucket-policy.js";
import { toSecondsInRange } from "./helpers/duration-range.js";
import { applyNow, isDeferred } from "./helpers/apply-now.js";
import { permission } from "./helpers/permission.js";

type CorsMaxAge = `${number} ${"second" | "seconds" | "minute" | "minutes" | "hour" | "hours" | "day" | "days"}`;
type CorsMethod = "GET" | "POST" | "PUT" | "DELETE" | "HEAD";

export interface BucketCors {
  /**
   * The HTTP headers origins may send.
   * @default `["*"]`
   */
  allowHeaders?: pulumi.Input<pulumi.Input<string>[]>;
  /**
   * The HTTP methods allowed.
   * @default `["DELETE", "GET", "HEAD", "POST", "PUT"]`
   */
  allowMethods?: pulumi.Input<pulumi.Input<CorsMethod>[]>;
  /**
   * The origins allowed, or `["*"]` for all.
   * @default `["*"]`
   */
  allowOrigins?: pulumi.Input<pulumi.Input<string>[]>;
  /**
   * The response headers exposed to the origin.
   * @default `[]`
   */
  exposeHeaders?: pulumi.Input<pulumi.Input<string>[]>;
  /**
   * How long browsers may cache a preflight response; at most `"1 day"`.
   * @default `"0 seconds"`
   */
  maxAge?: pulumi.Input<CorsMaxAge>;
}

/**
 * `transform.publicAccessBlock` may be `false` (no block), which `ComponentArgs` does not type; the key is
 * read here before any `create`, so the base class never sees the `false`.
 */
export interface BucketArgs extends Omit<ComponentArgs, "transform"> {
  /**
   * Grant read access to every file: `"public"` for anyone, `"cloudfront"` for CloudFront only (to serve the
   * bucket through a `Router`). Adds an `s3:GetObject` statement to the bucket policy.
   * @default No access is granted.
   */
  access?: pulumi.Input<"public" | "cloudfront">;
  /**
   * The CORS configuration; `false` for none.
   * @default `true`, the same as `{ allowHeaders: ["*"], allowOrigins: ["*"], allowMethods: ["DELETE", "GET", "HEAD", "POST", "PUT"], exposeHeaders: [], maxAge: "0 seconds" }`
   */
  cors?: pulumi.Input<boolean | BucketCors>;
  /**
   * Keep every version of every object.
   * @default `false`
   */
  versioning?: pulumi.Input<boolean>;
  /**
   * Deny requests that do not use HTTPS (`aws:SecureTransport` is false).
   * @default `true`
   */
  enforceHttps?: pulumi.Input<boolean>;
  /**
   * More statements for the bucket policy.
   * @example `policy: [{ actions: ["s3:GetObject"], principals: [{ type: "aws", identifiers: ["123456789012"] }] }]`
   */
  policy?: pulumi.Input<pulumi.Input<BucketPolicyStatement>[]>;
  /** Change how the bucket's resources are created. */
  transform?: {
    /** The S3 bucket (`aws.s3.Bucket`). */
    bucket?: Transform<aws.s3.BucketArgs>;
    /** The CORS configuration (`aws.s3.BucketCorsConfiguration`). */
    cors?: Transform<aws.s3.BucketCorsConfigurationArgs>;
    /** The bucket policy (`aws.s3.BucketPolicy`). */
    policy?: Transform<aws.s3.BucketPolicyArgs>;
    /** The public access block (`aws.s3.BucketPublicAccessBlock`); `false` to create none. */
    publicAccessBlock?: false | Transform<aws.s3.BucketPublicAccessBlockArgs>;
    /** The versioning configuration (`aws.s3.BucketVersioning`). */
    versioning?: Transform<aws.s3.BucketVersioningArgs>;
  };
}

/** `bucket.notify(args)`: the notifications and how to transform the notification resource. */
export type BucketNotificationsArgs = Omit<BucketNotificationArgs, "bucket">;

const REF = Symbol("sst.aws.Bucket.ref");

export class Bucket extends Component {
  static readonly __pulumiType = "sst:aws:Bucket";
  readonly #bucket: aws.s3.Bucket;
  #notification?: BucketNotification;

  constructor(name: string, args: BucketArgs = {}, opts: pulumi.ComponentResourceOptions = {}) {
    super(Bucket.__pulumiType, name, args as ComponentArgs, opts);
    const ref = (args as { [REF]?: string })[REF];
    if (ref !== undefined) {
      this.#bucket = this.reference("bucket", aws.s3.Bucket, "Bucket", ref);
      return;
    }
    const where = `Bucket "${name}"`;
    if (!isDeferred(args.access) && args.access !== undefined && args.access !== "public" && args.access !== "cloudfront") {
      throw new SSTError({ code: "E_BUCKET_ACCESS", message: `${where}: access "${args.access}" is not "public" or "cloudfront".`, hint: 'Use access: "public" or access: "cloudfront", or leave it out.' });
    }
    const bucket = (this.#bucket = this.create("bucket", aws.s3.Bucket, "Bucket", { forceDestroy: true }));
    const access = pulumi.output(args.access);

    const blockTransform = args.transform?.publicAccessBlock;
    const block =
      blockTransform === false
        ? undefined
        : this.create("publicAccessBlock", aws.s3.BucketPublicAccessBlock, "PublicAccessBlock", {
            bucket: bucket.bucket,
            blockPublicAcls: true,
            ignorePublicAcls: true,
            blockPublicPolicy: access.apply((a) => a !== "public"),
            restrictPublicBuckets: access.apply((a) => a !== "public"),
          });

    if (args.access !== undefined || args.enforceHttps !== false || args.policy !== undefined) {
      const document = pulumi
        .all([bucket.arn, access, pulumi.output(args.enforceHttps ?? true), pulumi.output(args.policy ?? [])])
        .apply(([arn, a, enforceHttps, statements]) => bucketPolicyDocument({ arn, access: a, enforceHttps, statements }));
      this.create(
        "policy",
        aws.s3.BucketPolicy,
        "Policy",
        { bucket: bucket.bucket, policy: document.apply((d) => JSON.stringify(d ?? { Version: "2012-10-17", Statement: [] })) },
        // A public policy is refused until the public access block allows it.
        { dependsOn: block ? [block] : [] },
      );
    }

    // Whether a CORS or versioning resource exists is decided here, while run() runs: a plain `false`
    // creates none; an Output creates one, its value deciding the rules or the versioning status.
    const cors = args.cors ?? true;
    if (cors !== false) {
      this.create("cors", aws.s3.BucketCorsConfiguration, "Cors", {
        bucket: bucket.bucket,
        corsRules: [applyNow(cors, (c) => corsRule(c, where))],
      });
    }
    const versioning = args.versioning ?? false;
    if (versioning !== false) {
      this.create("versioning", aws.s3.BucketVersioning, "Versioning", {
        bucket: bucket.bucket,
        versioningConfiguration: { status: applyNow(versioning, (v) => (v ? "Enabled" : "Suspended")) },
      });
    }
  }

  /**
   * Reference a bucket created elsewhere (another stage, another app) by its name, without managing it.
   * @example
   * const bucket = $app.stage === "frank"
   *   ? sst.aws.Bucket.get("MyBucket", "app-dev-mybucket-12345678")
   *   : new sst.aws.Bucket("MyBucket");
   */
  static get(name: string, bucketName: string, opts: pulumi.ComponentResourceOptions = {}): Bucket {
    return new Bucket(name, { [REF]: bucketName } as BucketArgs, opts);
  }

  /** The generated name of the S3 bucket. */
  get name(): pulumi.Output<string> {
    return this.#bucket.bucket;
  }

  /** The ARN of the S3 bucket. */
  get arn(): pulumi.Output<string> {
    return this.#bucket.arn;
  }

  /** The domain name of the bucket: `${bucketName}.s3.amazonaws.com`. */
  get domain(): pulumi.Output<string> {
    return this.#bucket.bucketDomainName;
  }

  /** The underlying resources this component creates. */
  override get nodes(): { bucket: aws.s3.Bucket } {
    return { bucket: this.#bucket };
  }

  /**
   * Notify functions, queues or topics of events in this bucket. S3 keeps one notification configuration
   * per bucket, so `notify` takes every subscriber at once and can be called once.
   * @example
   * bucket.notify({ notifications: [{ name: "MySubscriber", function: "src/subscriber.handler", events: ["s3:ObjectCreated:*"], filterPrefix: "images/" }] });
   */
  notify(args: BucketNotificationsArgs): BucketNotification {
    const name = this.componentName;
    if (this.#notification) {
      throw new SSTError({
        code: "E_BUCKET_NOTIFY_TWICE",
        message: `Bucket "${name}": notify was called twice; S3 keeps one notification configuration per bucket, so the second would replace the first.`,
        hint: "Pass every subscriber in one notify({ notifications: [...] }) call.",
      });
    }
    this.#notification = new BucketNotification(`${name}Notifications`, { ...args, bucket: { name: this.name, arn: this.arn } }, { parent: this });
    return this.#notification;
  }

  protected override outputs() {
    return { name: this.name, arn: this.arn };
  }

  /** Links give `name` and `s3:*` on the bucket and its objects. */
  getSSTLink(): LinkPayload {
    return {
      properties: { name: this.name },
      include: [permission({ actions: ["s3:*"], resources: [this.arn, pulumi.interpolate`${this.arn}/*`] })],
    };
  }
}

/** The CORS rule of `cors` (`true` for the defaults). */
function corsRule(cors: pulumi.Unwrap<boolean | BucketCors>, where: string): aws.types.input.s3.BucketCorsConfigurationCorsRule {
  if (cors === false) {
    throw new SSTError({
      code: "E_BUCKET_CORS",
      message: `${where}: cors resolved to false, but whether the bucket has CORS must be known while run() runs.`,
      hint: "Pass cors: false as a plain value.",
    });
  }
  const c = cors === true ? {} : cors;
  return {
    allowedHeaders: c.allowHeaders ?? ["*"],
    allowedMethods: c.allowMethods ?? ["DELETE", "GET", "HEAD", "POST", "PUT"],
    allowedOrigins: c.allowOrigins ?? ["*"],
    exposeHeaders: c.exposeHeaders ?? [],
    maxAgeSeconds: toSecondsInRange(c.maxAge ?? "0 seconds", `${where}: cors.maxAge`, 0, 86400, "0 seconds to 1 day"),
  };
}
