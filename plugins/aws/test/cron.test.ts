/** sst.aws.Cron through the plugin harness: the rule, its target, and what lets EventBridge run it. */
import { synth } from "@sst/core/testing";
import { describe, expect, it } from "vitest";
import { aws, Cron, type CronTask } from "@sst/aws";
import { arnOf, nameOf, trackingMocks } from "./_mocks.js";

const app = { plugins: [aws()], providers: { aws: {} }, mocks: trackingMocks().mocks };
const RULE = "aws:cloudwatch/eventRule:EventRule";
const TARGET = "aws:cloudwatch/eventTarget:EventTarget";

const task: CronTask = {
  cluster: "arn:aws:ecs:us-east-1:123456789012:cluster/main",
  taskDefinition: "arn:aws:ecs:us-east-1:123456789012:task-definition/worker:3",
  subnets: ["subnet-1", "subnet-2"],
  securityGroups: ["sg-1"],
  assignPublicIp: false,
  containers: ["app", "sidecar"],
  nodes: {
    executionRole: { arn: "arn:aws:iam::123456789012:role/exec" },
    taskRole: { arn: "arn:aws:iam::123456789012:role/task" },
  },
};

describe("sst.aws.Cron", () => {
  it("is sst.aws.Cron in the sst namespace", async () => {
    let seen: unknown;
    await synth({ ...app, run: () => void (seen = (globalThis as any).sst.aws.Cron) });
    expect(seen).toBe(Cron);
  });

  it("schedules a function: an enabled rule, a target with the event, and an invoke permission for that rule", async () => {
    const graph = await synth({
      ...app,
      run: () => void new Cron("Job", { function: "src/cron.handler", schedule: "rate(1 minute)", event: { foo: "bar" } }),
    });
    const rule = graph.get("JobRule", RULE);
    expect(rule.inputs).toMatchObject({ scheduleExpression: "rate(1 minute)", state: "ENABLED" });
    const fn = graph.get("JobHandlerFunction", "aws:lambda/function:Function");
    expect(fn.inputs.handler).toBe("src/cron.handler");
    const target = graph.get("JobTarget", TARGET);
    expect(target.inputs).toMatchObject({ rule: nameOf(graph, "JobRule"), arn: arnOf("JobHandlerFunction") });
    expect(JSON.parse(target.inputs.input as string)).toEqual({ foo: "bar" });
    const permission = graph.get("JobPermission", "aws:lambda/permission:Permission");
    expect(permission.inputs).toMatchObject({ action: "lambda:InvokeFunction", principal: "events.amazonaws.com" });
    expect(permission.inputs).toMatchObject({ function: arnOf("JobHandlerFunction"), sourceArn: arnOf("JobRule") });
    // The function and every resource are children of the cron job.
    const cron = graph.get("Job", "sst:aws:Cron");
    expect(graph.descendants(cron).map((r) => r.name)).toEqual(
      expect.arrayContaining(["JobRule", "JobHandler", "JobHandlerFunction", "JobPermission", "JobTarget"]),
    );
  });

  it("sends an empty event by default and disables the rule with enabled: false", async () => {
    const graph = await synth({ ...app, run: () => void new Cron("Job", { function: "src/cron.handler", schedule: "cron(15 10 * * ? *)", enabled: false }) });
    expect(graph.get("JobRule", RULE).inputs).toMatchObject({ scheduleExpression: "cron(15 10 * * ? *)", state: "DISABLED" });
    expect(graph.get("JobTarget", TARGET).inputs.input).toBe("{}");
  });

  it("takes the full function props", async () => {
    const graph = await synth({
      ...app,
      run: () => void new Cron("Job", { function: { handler: "src/cron.handler", timeout: "60 seconds" }, schedule: "rate(1 day)" }),
    });
    expect(graph.get("JobHandler", "sst:aws:Function").type).toBe("sst:aws:Function");
    expect(graph.get("JobHandlerFunction", "aws:lambda/function:Function").inputs.handler).toBe("src/cron.handler");
  });

  it("targets an existing function by ARN without creating one", async () => {
    const arn = "arn:aws:lambda:us-east-1:000000000000:function:my-fn";
    const graph = await synth({ ...app, run: () => void new Cron("Job", { function: arn, schedule: "rate(1 minute)" }) });
    expect(graph.byType("sst:aws:Function")).toEqual([]);
    expect(graph.get("JobTarget", TARGET).inputs.arn).toBe(arn);
    expect(graph.get("JobPermission").inputs.function).toBe(arn);
  });

  it("accepts the deprecated job arg as the function", async () => {
    const graph = await synth({ ...app, run: () => void new Cron("Job", { job: "src/cron.handler", schedule: "rate(1 minute)" }) });
    expect(graph.get("JobHandlerFunction").inputs.handler).toBe("src/cron.handler");
  });

  it("runs a task on Fargate: an ECS target with the task's network, SST_EVENT in every container, a role EventBridge assumes", async () => {
    const graph = await synth({ ...app, run: () => void new Cron("Job", { task, schedule: "rate(1 day)", event: { foo: "bar" } }) });
    expect(graph.byType("sst:aws:Function")).toEqual([]);
    expect(graph.find("JobPermission")).toBeUndefined();
    const target = graph.get("JobTarget", TARGET);
    const role = graph.get("JobTargetRole", "aws:iam/role:Role");
    expect(target.inputs).toMatchObject({
      arn: task.cluster,
      ecsTarget: {
        launchType: "FARGATE",
        taskDefinitionArn: task.taskDefinition,
        networkConfiguration: { subnets: ["subnet-1", "subnet-2"], securityGroups: ["sg-1"], assignPublicIp: false },
      },
    });
    expect(target.inputs).toMatchObject({ rule: nameOf(graph, "JobRule"), roleArn: arnOf("JobTargetRole") });
    expect(JSON.parse(target.inputs.input as string)).toEqual({
      containerOverrides: [
        { name: "app", environment: [{ name: "SST_EVENT", value: '{"foo":"bar"}' }] },
        { name: "sidecar", environment: [{ name: "SST_EVENT", value: '{"foo":"bar"}' }] },
      ],
    });
    expect(JSON.parse(role.inputs.assumeRolePolicy as string).Statement[0].Principal).toEqual({ Service: "events.amazonaws.com" });
    const policy = JSON.parse((role.inputs.inlinePolicies as any[])[0].policy);
    expect(policy.Statement).toEqual([
      { Effect: "Allow", Action: ["ecs:RunTask"], Resource: [task.taskDefinition] },
      { Effect: "Allow", Action: ["iam:PassRole"], Resource: ["arn:aws:iam::123456789012:role/exec", "arn:aws:iam::123456789012:role/task"] },
    ]);
  });

  it("applies each transform key to its resource, with the import option of 21-import-resources.md", async () => {
    const { mocks, imports } = trackingMocks();
    const graph = await synth({
      ...app,
      mocks,
      run: () => {
        new Cron("Job", {
          function: "src/cron.handler",
          schedule: "rate(1 minute)",
          transform: {
            rule: (args, opts) => {
              args.description = "nightly";
              opts.import = "existing-rule";
            },
            target: { retryPolicy: { maximumRetryAttempts: 2 } },
          },
        });
        new Cron("TaskJob", { task, schedule: "rate(1 minute)", transform: { role: { description: "runs the worker" } } });
      },
    });
    expect(graph.get("JobRule").inputs.description).toBe("nightly");
    expect(imports.JobRule).toBe("existing-rule");
    expect(graph.get("JobTarget").inputs.retryPolicy).toEqual({ maximumRetryAttempts: 2 });
    expect(graph.get("TaskJobTargetRole").inputs.description).toBe("runs the worker");
  });

  it("exposes its nodes: rule, target and the function (also as job)", async () => {
    let nodes: any;
    let fnName: unknown;
    await synth({
      ...app,
      run: async () => {
        const cron = new Cron("Job", { function: "src/cron.handler", schedule: "rate(1 minute)" });
        nodes = cron.nodes;
        fnName = await new Promise((resolve) => cron.nodes.function.apply((f) => resolve(f.componentName)));
      },
    });
    expect(nodes.rule.constructor.name).toBe("EventRule");
    expect(nodes.target.constructor.name).toBe("EventTarget");
    expect(fnName).toBe("JobHandler");
  });

  it("says there is no function on a task cron job's nodes.function", async () => {
    let error: any;
    await synth({
      ...app,
      run: () => {
        try {
          void new Cron("Job", { task, schedule: "rate(1 minute)" }).nodes.function;
        } catch (e) {
          error = e;
        }
      },
    });
    expect(error.code).toBe("E_CRON_NO_FUNCTION");
  });

  it.each([
    [{ schedule: "rate(1 minute)" }, "has nothing to run"],
    [{ schedule: "rate(1 minute)", function: "a.handler", task }, "both a function and a task"],
    [{ schedule: "rate(1 minute)", function: "a.handler", job: "b.handler" }, `both "function" and "job"`],
    [{ schedule: "every minute", function: "a.handler" }, "not a rate or cron expression"],
  ])("rejects bad args: %j", async (args, message) => {
    const run = synth({ ...app, run: () => void new Cron("Job", args as any) });
    await expect(run).rejects.toMatchObject({ name: "SSTError", message: expect.stringContaining(message) });
  });
});
