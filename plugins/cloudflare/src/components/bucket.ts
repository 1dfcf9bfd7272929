/**
 * `sst.cloudflare.Bucket`: an R2 bucket. Linked to a Worker it is an R2 binding: `Resource.MyBucket` is an
 * `R2Bucket` (`put`, `get`, `list`, ...).
 *
 * @example
 * const bucket = new sst.cloudflare.Bucket("MyBucket");
 * new sst.cloudflare.Worker("Api", { handler: "index.ts", link: [bucket] });
 */
import * as cloudflare from "@pulumi/cloudflare";
import type * as pulumi from "@pulumi/pulumi";
import { Component, type ComponentArgs, type LinkPayload, type Transform } from "@sst/core";
import { binding } from "./binding.js";
import { accountId } from "./helpers/account.js";
import { physical } from "./helpers/naming.js";
import { referenceArgs, referenceOf, withState } from "./helpers/reference.js";

export interface BucketArgs extends ComponentArgs {
  /** Change how the bucket is created. */
  transform?: {
    /** The R2 bucket. */
    bucket?: Transform<cloudflare.R2BucketArgs>;
  };
}

export class Bucket extends Component {
  static readonly __pulumiType = "sst:cloudflare:Bucket";
  readonly #bucket: cloudflare.R2Bucket;

  constructor(name: string, args: BucketArgs = {}, opts: pulumi.ComponentResourceOptions = {}) {
    super(Bucket.__pulumiType, name, args, opts);
    const ref = referenceOf(args);
    this.#bucket = ref
      ? this.reference("bucket", withState(cloudflare.R2Bucket, ref.state), "Bucket", ref.id)
      : this.#createBucket(name);
  }

  #createBucket(name: string): cloudflare.R2Bucket {
    const { args, opts } = physical("cloudflare:index/r2Bucket:R2Bucket", `${name}Bucket`);
    return this.create("bucket", cloudflare.R2Bucket, "Bucket", { accountId: accountId(`sst.cloudflare.Bucket "${name}"`), ...args } as cloudflare.R2BucketArgs, opts);
  }

  /** The generated name of the bucket. */
  get name(): pulumi.Output<string> {
    return this.#bucket.name;
  }

  /** The underlying resources this component creates. */
  override get nodes(): { bucket: cloudflare.R2Bucket } {
    return { bucket: this.#bucket };
  }

  protected override outputs() {
    return { name: this.name };
  }

  getSSTLink(): LinkPayload {
    return { properties: {}, include: [binding({ type: "r2BucketBindings", properties: { bucketName: this.name } })] };
  }

  /**
   * References an existing R2 bucket of the account by name, to link it without managing it.
   * @example const bucket = sst.cloudflare.Bucket.get("MyBucket", "my-existing-bucket");
   */
  static get(name: string, bucketName: pulumi.Input<string>, opts?: pulumi.ComponentResourceOptions): Bucket {
    const account = accountId(`sst.cloudflare.Bucket.get("${name}")`);
    return new Bucket(name, referenceArgs(bucketName, { accountId: account, name: bucketName }), opts);
  }
}
