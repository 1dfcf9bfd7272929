/**
 * The bucket policy of `sst.aws.Bucket` as an IAM document: the `access` statement, the HTTPS-only deny, and
 * the user's `policy` statements (paths relative to the bucket: `""` is the bucket, `"*"` every object).
 */
import type * as pulumi from "@pulumi/pulumi";
import { conditionBlock } from "./policy-document.js";

/** A principal type as the `policy` arg writes it, and its key in an IAM document. */
const PRINCIPAL_KEYS = { aws: "AWS", service: "Service", federated: "Federated", canonical: "CanonicalUser" } as const;

export interface BucketPolicyStatement {
  /**
   * Allow or deny the actions.
   * @default `"allow"`
   */
  effect?: pulumi.Input<"allow" | "deny">;
  /** The S3 actions, e.g. `["s3:GetObject"]`; `s3:*` for all. */
  actions: pulumi.Input<pulumi.Input<string>[]>;
  /**
   * Who: `"*"` for anyone, or principals by type.
   * @example `principals: [{ type: "aws", identifiers: ["123456789012"] }]`
   */
  principals: pulumi.Input<"*" | pulumi.Input<{ type: pulumi.Input<keyof typeof PRINCIPAL_KEYS>; identifiers: pulumi.Input<pulumi.Input<string>[]> }>[]>;
  /**
   * The paths in the bucket the statement applies to: `""` the bucket itself, `"*"` every object, `"images/*"`.
   * @default `["", "*"]`
   */
  paths?: pulumi.Input<pulumi.Input<string>[]>;
  /**
   * When the statement applies.
   * @example `conditions: [{ test: "IpAddress", variable: "aws:SourceIp", values: ["10.0.0.0/16"] }]`
   */
  conditions?: pulumi.Input<pulumi.Input<{ test: pulumi.Input<string>; variable: pulumi.Input<string>; values: pulumi.Input<pulumi.Input<string>[]> }>[]>;
}

/** `BucketPolicyStatement` with its inputs resolved. */
export type ResolvedBucketPolicyStatement = pulumi.Unwrap<BucketPolicyStatement>;

export interface BucketPolicyOptions {
  arn: string;
  access?: "public" | "cloudfront";
  enforceHttps: boolean;
  statements: ResolvedBucketPolicyStatement[];
}

/** The policy document, or undefined when it would have no statement. */
export function bucketPolicyDocument(o: BucketPolicyOptions): Record<string, unknown> | undefined {
  const objects = `${o.arn}/*`;
  const statements: Record<string, unknown>[] = [];
  if (o.access === "public") statements.push({ Effect: "Allow", Principal: "*", Action: "s3:GetObject", Resource: objects });
  if (o.access === "cloudfront") {
    statements.push({ Effect: "Allow", Principal: { Service: "cloudfront.amazonaws.com" }, Action: "s3:GetObject", Resource: objects });
  }
  if (o.enforceHttps) {
    statements.push({
      Effect: "Deny",
      Principal: "*",
      Action: "s3:*",
      Resource: [o.arn, objects],
      Condition: { Bool: { "aws:SecureTransport": "false" } },
    });
  }
  for (const s of o.statements) {
    statements.push({
      Effect: s.effect === "deny" ? "Deny" : "Allow",
      Principal: principal(s.principals),
      Action: s.actions,
      Resource: (s.paths ?? ["", "*"]).map((path) => (path === "" ? o.arn : `${o.arn}/${path.replace(/^\//, "")}`)),
      ...(s.conditions?.length ? { Condition: conditionBlock(s.conditions) } : {}),
    });
  }
  return statements.length ? { Version: "2012-10-17", Statement: statements } : undefined;
}

function principal(principals: ResolvedBucketPolicyStatement["principals"]): unknown {
  if (principals === "*") return "*";
  const out: Record<string, string[]> = {};
  for (const p of principals) {
    const key = PRINCIPAL_KEYS[p.type];
    out[key] = [...(out[key] ?? []), ...p.identifiers];
  }
  return out;
}
