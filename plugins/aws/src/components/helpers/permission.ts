/**
 * `sst.aws.permission(...)`: an `aws.permission` include for `Linkable`s and `Linkable.wrap`
 * (../docs 47-aws-linkable-helper.md). Every `aws.permission` include that a function receives through
 * `link` becomes a statement of one IAM policy on its role.
 */
import type * as pulumi from "@pulumi/pulumi";
import type { Include } from "@sst/core";

/** One IAM statement, as `permissions` and `sst.aws.permission` take it. */
export interface PermissionStatement {
  /**
   * Allow or deny the actions.
   * @default `"allow"`
   */
  effect?: "allow" | "deny";
  /**
   * The IAM actions, e.g. `["s3:GetObject", "s3:PutObject"]`; `*` wildcards allowed.
   */
  actions: string[];
  /**
   * The resource ARNs the actions apply to; `*` wildcards allowed.
   * @example `resources: [bucket.arn, $interpolate\`${bucket.arn}/*\`]`
   */
  resources: pulumi.Input<pulumi.Input<string>[]>;
  /** Conditions of the statement. */
  conditions?: pulumi.Input<pulumi.Input<{ test: pulumi.Input<string>; variable: pulumi.Input<string>; values: pulumi.Input<pulumi.Input<string>[]> }>[]>;
}

/** The include `sst.aws.permission` returns. */
export interface PermissionInclude extends Include, PermissionStatement {
  type: "aws.permission";
}

/**
 * An IAM permission granted to every function that links the resource.
 * @example
 * new sst.Linkable("MyStripe", { properties: { key: "..." }, include: [sst.aws.permission({ actions: ["sqs:SendMessage"], resources: [queue.arn] })] });
 */
export function permission(statement: PermissionStatement): PermissionInclude {
  return { type: "aws.permission", ...statement };
}

/** True for an `aws.permission` include. */
export function isPermission(include: Include): include is PermissionInclude {
  return include.type === "aws.permission";
}
