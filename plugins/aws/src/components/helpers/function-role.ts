/** The IAM side of `sst.aws.Function`: the trust policy and the managed policies of its role. */
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";

export const BASIC_EXECUTION_POLICY = "arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole";
export const VPC_ACCESS_POLICY = "arn:aws:iam::aws:policy/service-role/AWSLambdaVPCAccessExecutionRole";

/** The trust policy of a function's role: Lambda may assume it. */
export const LAMBDA_TRUST_POLICY = JSON.stringify(aws.iam.assumeRolePolicyForPrincipal({ Service: "lambda.amazonaws.com" }));

/**
 * The trust policy of a live function's role (`sst dev`): Lambda, and principals of the account, so that
 * `sst dev` can assume the role and run the function locally with its permissions (IAM still requires the
 * caller to be allowed `sts:AssumeRole` on it).
 */
export function liveTrustPolicy(accountRoot: string): string {
  return JSON.stringify({
    Version: "2012-10-17",
    Statement: [
      { Effect: "Allow", Principal: { Service: "lambda.amazonaws.com" }, Action: "sts:AssumeRole" },
      { Effect: "Allow", Principal: { AWS: accountRoot }, Action: "sts:AssumeRole" },
    ],
  });
}

/** The managed policies of a created role: logging's, the VPC's, then the user's `policies`. */
export function managedPolicies(options: {
  logging: pulumi.Input<unknown>;
  vpc: pulumi.Input<unknown> | undefined;
  policies: pulumi.Input<pulumi.Input<string>[]> | undefined;
}): pulumi.Output<string[]> {
  return pulumi.all([options.logging, options.vpc, options.policies ?? []]).apply(([logging, vpc, policies]) => [
    ...(logging === false ? [] : [BASIC_EXECUTION_POLICY]),
    ...(vpc ? [VPC_ACCESS_POLICY] : []),
    ...(policies as string[]),
  ]);
}

/** The name of a role from its ARN (`arn:aws:iam::123:role/path/name` → `name`), the id `Role.get` takes. */
export function roleNameOf(arn: string): string {
  return arn.split("/").pop() ?? arn;
}
