/**
 * `sst.aws.iamEdit(policy, cb)`: edit an IAM policy document in a `transform`. The policy (a JSON string,
 * an object, or an Output of either) is parsed, handed to `cb` to change in place, and returned as a JSON
 * string Output, ready for the `policy` arg it came from. SST's helper of the same name.
 *
 * @example
 * new sst.aws.Bucket("MyBucket", {
 *   transform: {
 *     policy: (args) => {
 *       args.policy = sst.aws.iamEdit(args.policy, (policy) => {
 *         policy.Statement.push({
 *           Effect: "Allow",
 *           Action: "s3:PutObject",
 *           Principal: { Service: "ses.amazonaws.com" },
 *           Resource: $interpolate`arn:aws:s3:::${args.bucket}/*`,
 *         });
 *       });
 *     },
 *   },
 * });
 */
import * as pulumi from "@pulumi/pulumi";
import { SSTError } from "@sst/core";

/** One statement of a policy document; values may be Outputs (they are resolved in the result). */
export interface IamStatement {
  Sid?: pulumi.Input<string>;
  Effect: pulumi.Input<"Allow" | "Deny">;
  Action?: pulumi.Input<string | pulumi.Input<string>[]>;
  NotAction?: pulumi.Input<string | pulumi.Input<string>[]>;
  Resource?: pulumi.Input<string | pulumi.Input<string>[]>;
  NotResource?: pulumi.Input<string | pulumi.Input<string>[]>;
  Principal?: pulumi.Input<unknown>;
  NotPrincipal?: pulumi.Input<unknown>;
  Condition?: pulumi.Input<Record<string, unknown>>;
}

/** The document `cb` edits. `Statement` is always an array (a single statement object is wrapped). */
export interface IamPolicyDocument {
  Id?: string;
  Version: "2008-10-17" | "2012-10-17";
  Statement: IamStatement[];
}

function parse(value: unknown): IamPolicyDocument {
  let doc: unknown = value;
  if (typeof value === "string") {
    try {
      doc = JSON.parse(value);
    } catch (error) {
      throw new SSTError({
        code: "E_IAM_POLICY",
        message: `sst.aws.iamEdit: the policy is not valid JSON (${(error as Error).message}).`,
        hint: "Pass the policy arg of the transform as it is: args.policy = sst.aws.iamEdit(args.policy, (p) => ...).",
      });
    }
  }
  if (!doc || typeof doc !== "object" || Array.isArray(doc)) {
    throw new SSTError({ code: "E_IAM_POLICY", message: `sst.aws.iamEdit: the policy is ${JSON.stringify(doc)}, not a policy document.` });
  }
  const out = { ...(doc as Record<string, unknown>) } as unknown as IamPolicyDocument;
  const statement = (doc as { Statement?: unknown }).Statement;
  out.Statement = statement === undefined ? [] : Array.isArray(statement) ? [...statement] : [statement as IamStatement];
  out.Version ??= "2012-10-17";
  return out;
}

/** Parses `policy`, lets `cb` edit it, and gives it back as a JSON string (Outputs inside resolved). */
export function iamEdit(policy: pulumi.Input<string | object>, cb: (doc: IamPolicyDocument) => void): pulumi.Output<string> {
  return pulumi.output(policy).apply((value) => {
    const doc = parse(value);
    cb(doc);
    return pulumi.jsonStringify(doc);
  });
}
