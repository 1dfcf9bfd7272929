/**
 * Built-in `Linkable.wrap`s for raw `@pulumi/aws` resources (../docs 33-linkable.md): link a
 * `new aws.s3.BucketV2(...)` or `new aws.dynamodb.Table(...)` like an SST component and the receiver gets
 * its name and ARN, and the permissions the matching SST component gives (`s3:*` for a bucket, `dynamodb:*`
 * for a table, ...). Installed before `run()`; a user's own `sst.Linkable.wrap` of the same class, called in
 * `run()`, replaces the built-in one.
 *
 * @example
 * const table = new aws.dynamodb.Table("Orders", { attributes: [{ name: "id", type: "S" }], hashKey: "id" });
 * new sst.aws.Function("Api", { handler: "src/api.handler", link: [table] });
 * // Resource.Orders.tableName, Resource.Orders.name, Resource.Orders.arn; dynamodb:* on the table and its indexes
 */
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { Linkable, type LinkPayload } from "@sst/core";
import { permission } from "../components/helpers/permission.js";

type Wrap<T> = [new (...args: any[]) => T, (resource: T) => LinkPayload];
const wrap = <T>(cls: Wrap<T>[0], cb: Wrap<T>[1]): Wrap<unknown> => [cls, cb as Wrap<unknown>[1]];

const bucket = (b: aws.s3.BucketV2 | aws.s3.Bucket): LinkPayload => ({
  properties: { name: b.bucket, arn: b.arn },
  include: [permission({ actions: ["s3:*"], resources: [b.arn, pulumi.interpolate`${b.arn}/*`] })],
});

/** The classes wrapped, with what a link to one gives. Lazy: reading `aws.<module>` loads that module. */
export function builtInWraps(): Wrap<unknown>[] {
  return [
    // SST's own built-in wrap (properties `tableName`), with `name` and `arn` as the Dynamo component gives them.
    wrap(aws.dynamodb.Table, (t) => ({
      properties: { tableName: t.name, name: t.name, arn: t.arn },
      include: [permission({ actions: ["dynamodb:*"], resources: [t.arn, pulumi.interpolate`${t.arn}/*`] })],
    })),
    wrap(aws.s3.BucketV2, bucket),
    wrap(aws.s3.Bucket, bucket),
    wrap(aws.sqs.Queue, (q) => ({
      properties: { name: q.name, arn: q.arn, url: q.url },
      include: [permission({ actions: ["sqs:*"], resources: [q.arn] })],
    })),
    wrap(aws.sns.Topic, (t) => ({
      properties: { name: t.name, arn: t.arn },
      include: [permission({ actions: ["sns:*"], resources: [t.arn] })],
    })),
    wrap(aws.lambda.Function, (f) => ({
      properties: { name: f.name, arn: f.arn },
      include: [permission({ actions: ["lambda:InvokeFunction"], resources: [f.arn] })],
    })),
    wrap(aws.cloudwatch.EventBus, (b) => ({
      properties: { name: b.name, arn: b.arn },
      include: [permission({ actions: ["events:*"], resources: [b.arn] })],
    })),
    wrap(aws.kinesis.Stream, (s) => ({
      properties: { name: s.name, arn: s.arn },
      include: [permission({ actions: ["kinesis:*"], resources: [s.arn] })],
    })),
  ];
}

/** Installs the built-in wraps for each program, before the user's `run()`. */
export function tapBuiltInWraps(kernel: import("@sst/core").Kernel): void {
  kernel.hooks.program.before.tap("aws", () => {
    for (const [cls, cb] of builtInWraps()) Linkable.wrap(cls, cb);
  });
}
