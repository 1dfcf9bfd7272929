/**
 * IAM policy documents from `sst.aws.permission` statements: one place that turns `{ effect, actions,
 * resources, conditions }` into `{ Effect, Action, Resource, Condition }`, for link policies and
 * components' `permissions`.
 */
import * as pulumi from "@pulumi/pulumi";
import type { PermissionStatement } from "./permission.js";

type Condition = { test: string; variable: string; values: string[] };

/** `[{ test, variable, values }]` → `{ [test]: { [variable]: values } }`, IAM's condition block. */
export function conditionBlock(conditions: Condition[]): Record<string, Record<string, string[]>> {
  const block: Record<string, Record<string, string[]>> = {};
  for (const c of conditions) (block[c.test] ??= {})[c.variable] = c.values;
  return block;
}

/** The policy document of `statements`, as an object with every Output resolved. */
export function policyDocument(statements: PermissionStatement[]) {
  return pulumi.output(
    statements.map((s) =>
      pulumi.all([s.resources, s.conditions ?? []]).apply(([resources, conditions]) => ({
        Effect: s.effect === "deny" ? ("Deny" as const) : ("Allow" as const),
        Action: s.actions,
        Resource: resources,
        ...(conditions.length ? { Condition: conditionBlock(conditions as Condition[]) } : {}),
      })),
    ),
  ).apply((Statement) => ({ Version: "2012-10-17" as const, Statement }));
}

/** The policy document of `statements` as the JSON string IAM resources take. */
export function policyJson(statements: PermissionStatement[]): pulumi.Output<string> {
  return policyDocument(statements).apply((doc) => JSON.stringify(doc));
}
