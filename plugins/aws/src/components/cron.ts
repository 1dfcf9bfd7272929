/**
 * `sst.aws.Cron` (../docs 53-cron.md): an EventBridge rule on a schedule that invokes a Lambda function or
 * runs an ECS Fargate task.
 */
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { Component, SSTError, type ComponentArgs, type Transform } from "@sst/core";
import type { Function, FunctionArgs } from "./function.js";
import { invokePermission } from "./helpers/invoke-permission.js";
import { functionBuilder, type FunctionBuilder } from "./helpers/function-builder.js";
import { outputOf } from "./helpers/output-of.js";

/**
 * What a cron job needs of a container task: the shape `sst.aws.Task` exposes (its link properties and
 * `nodes`), so a Task — or any object with the same fields for a task defined elsewhere — can be the target.
 */
export interface CronTask {
  /** The ARN of the ECS cluster the task runs in. */
  cluster: pulumi.Input<string>;
  /** The ARN of the task definition. */
  taskDefinition: pulumi.Input<string>;
  /** The subnets the task runs in. */
  subnets: pulumi.Input<pulumi.Input<string>[]>;
  /** The security groups of the task. */
  securityGroups: pulumi.Input<pulumi.Input<string>[]>;
  /** Whether the task gets a public IP address. */
  assignPublicIp: pulumi.Input<boolean>;
  /** The names of the task's containers: each receives the `SST_EVENT` environment variable. */
  containers: pulumi.Input<pulumi.Input<string>[]>;
  /** The task's roles: EventBridge must be allowed to pass them to ECS. */
  nodes: {
    executionRole: { arn: pulumi.Input<string> };
    taskRole: { arn: pulumi.Input<string> };
  };
}

/** A rate or cron expression. */
export type CronSchedule = `rate(${string})` | `cron(${string})`;

export interface CronArgs extends ComponentArgs {
  /**
   * The function that'll be executed when the cron job runs: a handler, the full function props, or the ARN
   * of an existing function.
   * @example
   * { function: "src/cron.handler" }
   * { function: { handler: "src/cron.handler", timeout: "60 seconds" } }
   * { function: "arn:aws:lambda:us-east-1:000000000000:function:my-sst-app-jayair-MyFunction" }
   */
  function?: pulumi.Input<string | FunctionArgs | `arn:aws:lambda:${string}`>;
  /**
   * @deprecated Use `function`. The former name of `function`; giving both is an error.
   */
  job?: pulumi.Input<string | FunctionArgs | `arn:aws:lambda:${string}`>;
  /**
   * The task that'll be executed when the cron job runs: an `sst.aws.Task`, or an object of the same shape
   * (`CronTask`). The task runs on Fargate, with the event in its containers' `SST_EVENT` variable.
   * @example
   * const myTask = new sst.aws.Task("MyTask", { cluster: myCluster });
   * new sst.aws.Cron("MyCronJob", { task: myTask, schedule: "rate(1 minute)" });
   */
  task?: CronTask;
  /**
   * The schedule: a rate expression or a cron expression (UTC). The cron job keeps running after you exit
   * `sst dev`.
   * @example
   * { schedule: "rate(5 minutes)" } // "rate(1 minute)", "rate(1 hour)", "rate(5 days)", ...
   * { schedule: "cron(15 10 * * ? *)" } // 10:15 AM (UTC) every day
   */
  schedule: pulumi.Input<CronSchedule>;
  /**
   * Whether the cron job is enabled. When disabled, the cron job won't run (the rule stays, disabled).
   * @default `true`
   * @example { enabled: false }
   */
  enabled?: pulumi.Input<boolean>;
  /**
   * The event passed to the function (as its event) or the task (as the `SST_EVENT` environment variable,
   * JSON) on each run.
   * @example { event: { foo: "bar" } }
   */
  event?: pulumi.Input<Record<string, pulumi.Input<string>>>;
  /** [Transform](https://sst.dev/docs/components#transform) how this component creates its underlying resources. */
  transform?: {
    /** Transform the EventBridge Rule resource. */
    rule?: Transform<aws.cloudwatch.EventRuleArgs>;
    /** Transform the EventBridge Target resource. */
    target?: Transform<aws.cloudwatch.EventTargetArgs>;
    /** Transform the IAM role EventBridge uses to run a task (task targets only). */
    role?: Transform<aws.iam.RoleArgs>;
  };
}

/**
 * The `Cron` component lets you add cron jobs to your app using `Function` or a container `Task`.
 * @example
 * new sst.aws.Cron("MyCronJob", { function: "src/cron.handler", schedule: "rate(1 minute)" });
 */
export class Cron extends Component {
  static readonly __pulumiType = "sst:aws:Cron";
  readonly #name: string;
  readonly #fn?: FunctionBuilder;
  readonly #rule: aws.cloudwatch.EventRule;
  readonly #target: aws.cloudwatch.EventTarget;

  constructor(name: string, args: CronArgs, opts: pulumi.ComponentResourceOptions = {}) {
    super(Cron.__pulumiType, name, args, opts);
    this.#name = name;
    const definition = targetOf(name, args);
    const event = pulumi.output(args.event ?? {});

    this.#rule = this.create("rule", aws.cloudwatch.EventRule, "Rule", {
      scheduleExpression: typeof args.schedule === "string" ? checkSchedule(name, args.schedule) : pulumi.output(args.schedule).apply((s) => checkSchedule(name, s)),
      state: pulumi.output(args.enabled ?? true).apply((on) => (on ? "ENABLED" : "DISABLED")),
    });

    if (definition !== undefined) {
      const fn = functionBuilder(`${name}Handler`, definition, {}, undefined, { parent: this });
      this.#fn = fn;
      this.create("permission", aws.lambda.Permission, "Permission", invokePermission(fn.arn, "events.amazonaws.com", this.#rule.arn));
      this.#target = this.create("target", aws.cloudwatch.EventTarget, "Target", {
        rule: this.#rule.name,
        arn: fn.arn,
        input: event.apply((e) => JSON.stringify(e)),
      });
      return;
    }

    const task = args.task!;
    const role = this.create("role", aws.iam.Role, "TargetRole", {
      assumeRolePolicy: JSON.stringify(aws.iam.assumeRolePolicyForPrincipal({ Service: "events.amazonaws.com" })),
      inlinePolicies: [
        {
          name: "inline",
          policy: pulumi.jsonStringify({
            Version: "2012-10-17",
            Statement: [
              { Effect: "Allow", Action: ["ecs:RunTask"], Resource: [task.taskDefinition] },
              { Effect: "Allow", Action: ["iam:PassRole"], Resource: [task.nodes.executionRole.arn, task.nodes.taskRole.arn] },
            ],
          }),
        },
      ],
    });
    this.#target = this.create("target", aws.cloudwatch.EventTarget, "Target", {
      rule: this.#rule.name,
      arn: task.cluster,
      roleArn: role.arn,
      ecsTarget: {
        launchType: "FARGATE",
        taskDefinitionArn: task.taskDefinition,
        networkConfiguration: {
          subnets: task.subnets,
          securityGroups: task.securityGroups,
          assignPublicIp: task.assignPublicIp,
        },
      },
      input: pulumi.all([event, task.containers]).apply(([e, containers]) =>
        JSON.stringify({
          containerOverrides: containers.map((container) => ({
            name: container,
            environment: [{ name: "SST_EVENT", value: JSON.stringify(e) }],
          })),
        }),
      ),
    });
  }

  /** The underlying resources this component creates. */
  override get nodes() {
    const fn = () => {
      if (!this.#fn) {
        throw new SSTError({
          code: "E_CRON_NO_FUNCTION",
          message: `Cron "${this.#name}" runs a task: it has no function (nodes.function).`,
          hint: "Read the task's resources from the Task component instead.",
        });
      }
      return outputOf(this.#fn.getFunction());
    };
    return {
      /** The EventBridge Rule resource. */
      rule: this.#rule,
      /** The EventBridge Target resource. */
      target: this.#target,
      /** The Lambda function invoked when the cron job runs (function targets created by this component). */
      get function(): pulumi.Output<Function> {
        return fn();
      },
      /** @deprecated Use `nodes.function`. */
      get job(): pulumi.Output<Function> {
        return fn();
      },
    };
  }
}

/** The function definition of a cron job, or `undefined` for a task target; a user error for anything else. */
function targetOf(name: string, args: CronArgs): CronArgs["function"] {
  if (args.function !== undefined && args.job !== undefined) {
    throw new SSTError({
      code: "E_CRON_TARGET",
      message: `Cron "${name}": both "function" and "job" are set.`,
      hint: `"job" is the former name of "function": keep only "function".`,
    });
  }
  const fn = args.function ?? args.job;
  if (fn !== undefined && args.task !== undefined) {
    throw new SSTError({
      code: "E_CRON_TARGET",
      message: `Cron "${name}": both a function and a task are set.`,
      hint: "A cron job runs either a function or a task: create a second Cron for the other.",
    });
  }
  if (fn === undefined && args.task === undefined) {
    throw new SSTError({
      code: "E_CRON_TARGET",
      message: `Cron "${name}" has nothing to run: set "function" or "task".`,
      hint: `For example: new sst.aws.Cron("${name}", { function: "src/cron.handler", schedule: "rate(1 minute)" }).`,
    });
  }
  return fn;
}

function checkSchedule(name: string, schedule: string): string {
  if (!/^(rate|cron)\(.+\)$/.test(schedule)) {
    throw new SSTError({
      code: "E_CRON_SCHEDULE",
      message: `Cron "${name}": schedule "${schedule}" is not a rate or cron expression.`,
      hint: `Use "rate(5 minutes)" or "cron(15 10 * * ? *)".`,
    });
  }
  return schedule;
}
