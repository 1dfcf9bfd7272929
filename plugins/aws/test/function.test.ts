/** sst.aws.Function through the plugin harness (synth under Pulumi mocks): each arg and the property it sets. */
import { synth } from "@sst/core/testing";
import { describe, expect, it } from "vitest";
import { Function, type FunctionArgs } from "@sst/aws";
import { app, recording } from "./_function.js";

const FN = "aws:lambda/function:Function";

/** Synthesises one function `Api` with `args`; returns the graph and the recorded inputs. */
async function one(args: Partial<FunctionArgs> = {}, extra: { after?: (fn: Function) => void } = {}) {
  const rec = recording();
  let fn!: Function;
  const graph = await synth({
    ...app,
    mocks: rec.mocks,
    run: () => {
      fn = new Function("Api", { handler: "src/api.handler", ...args } as FunctionArgs);
      extra.after?.(fn);
    },
  });
  return { graph, fn, rec, inputs: (name: string) => rec.get(name) };
}

describe("sst.aws.Function", () => {
  it("is sst.aws.Function in the sst namespace", async () => {
    let seen: unknown;
    await synth({ ...app, run: () => void (seen = (globalThis as any).sst.aws.Function) });
    expect(seen).toBe(Function);
  });

  it("creates a role lambda can assume, a log group and the function with SST's defaults", async () => {
    const { graph } = await one();
    const fn = graph.get("ApiFunction", FN);
    expect(fn.inputs).toMatchObject({
      runtime: "nodejs20.x",
      handler: "src/api.handler",
      timeout: 20,
      memorySize: 1024,
      ephemeralStorage: { size: 512 },
      architectures: ["x86_64"],
      publish: false,
      loggingConfig: { logFormat: "Text", logGroup: expect.stringMatching(/^\/aws\/lambda\/app-test-ApiFunction-[a-z]{8}$/) },
    });
    expect(fn.inputs.name).toMatch(/^app-test-ApiFunction-[a-z]{8}$/);
    // The generated name is kept by the engine from the first deploy.
    expect(fn.ignoreChanges).toContain("name");
    const role = graph.get("ApiRole", "aws:iam/role:Role");
    expect(JSON.parse(role.inputs.assumeRolePolicy as string).Statement[0]).toMatchObject({
      Action: "sts:AssumeRole",
      Principal: { Service: "lambda.amazonaws.com" },
    });
    expect(role.inputs.managedPolicyArns).toEqual(["arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole"]);
    expect(fn.inputs.role).toBe("arn:aws:iam::123456789012:role/created-role");
    const log = graph.get("ApiLogGroup", "aws:cloudwatch/logGroup:LogGroup");
    expect(log.inputs).toMatchObject({ name: `/aws/lambda/${fn.inputs.name}`, retentionInDays: 30 });
    expect(graph.find("ApiPolicy")).toBeUndefined();
    expect(graph.find("ApiEventInvokeConfig")).toBeUndefined();
    expect(graph.find("ApiUrl")).toBeUndefined();
  });

  it("maps memory, storage, timeout, architecture, description, layers, tags and name", async () => {
    const { graph } = await one({
      memory: "2 GB",
      storage: "5 GB",
      timeout: "15 minutes",
      architecture: "arm64",
      description: "Nightly job",
      layers: ["arn:aws:lambda:us-east-1:123456789012:layer:my-layer:1"],
      tags: { team: "core" },
      name: "my-app-prod-api",
    });
    const fn = graph.get("ApiFunction", FN);
    expect(fn.inputs).toMatchObject({
      memorySize: 2048,
      ephemeralStorage: { size: 5120 },
      timeout: 900,
      architectures: ["arm64"],
      description: "Nightly job",
      layers: ["arn:aws:lambda:us-east-1:123456789012:layer:my-layer:1"],
      tags: { team: "core" },
      name: "my-app-prod-api",
    });
    // A name the user gives is applied on change (no ignoreChanges), and names the log group.
    expect(fn.ignoreChanges).not.toContain("name");
    expect(graph.get("ApiLogGroup").inputs.name).toBe("/aws/lambda/my-app-prod-api");
  });

  it.each([
    ["nodejs18.x", "nodejs18.x"],
    ["nodejs22.x", "nodejs22.x"],
    ["python3.13", "python3.13"],
    ["go", "provided.al2023"],
    ["rust", "provided.al2023"],
    ["provided.al2023", "provided.al2023"],
  ] as const)("runtime %s deploys on %s", async (runtime, lambda) => {
    const { graph } = await one({ runtime, handler: "./src" });
    expect(graph.get("ApiFunction", FN).inputs.runtime).toBe(lambda);
  });

  it("puts permissions in a policy of their own on the role, deny and conditions included", async () => {
    const { graph } = await one({
      permissions: [
        { actions: ["s3:GetObject"], resources: ["arn:aws:s3:::my-bucket/*"] },
        {
          effect: "deny",
          actions: ["s3:DeleteObject"],
          resources: ["*"],
          conditions: [{ test: "StringEquals", variable: "aws:RequestedRegion", values: ["eu-west-1"] }],
        },
      ],
    });
    const policy = graph.get("ApiPolicy", "aws:iam/rolePolicy:RolePolicy");
    expect(JSON.parse(policy.inputs.policy as string)).toEqual({
      Version: "2012-10-17",
      Statement: [
        { Effect: "Allow", Action: ["s3:GetObject"], Resource: ["arn:aws:s3:::my-bucket/*"] },
        { Effect: "Deny", Action: ["s3:DeleteObject"], Resource: ["*"], Condition: { StringEquals: { "aws:RequestedRegion": ["eu-west-1"] } } },
      ],
    });
    expect(policy.parent).toBe(graph.get("Api", "sst:aws:Function").urn);
    // The function waits for its permissions.
    expect(graph.get("ApiFunction", FN).dependencies).toContain(policy.urn);
  });

  it("attaches policies and, with a vpc, the VPC access policy and the subnets and security groups", async () => {
    const { graph } = await one({
      policies: ["arn:aws:iam::aws:policy/ReadOnlyAccess"],
      vpc: { privateSubnets: ["subnet-1", "subnet-2"], securityGroups: ["sg-1"] },
    });
    expect(graph.get("ApiRole").inputs.managedPolicyArns).toEqual([
      "arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole",
      "arn:aws:iam::aws:policy/service-role/AWSLambdaVPCAccessExecutionRole",
      "arn:aws:iam::aws:policy/ReadOnlyAccess",
    ]);
    expect(graph.get("ApiFunction", FN).inputs.vpcConfig).toEqual({ subnetIds: ["subnet-1", "subnet-2"], securityGroupIds: ["sg-1"] });
  });

  it("runs as an existing role without creating or changing one", async () => {
    const arn = "arn:aws:iam::123456789012:role/service/my-role";
    const { graph } = await one({ role: arn, permissions: [{ actions: ["s3:*"], resources: ["*"] }] });
    expect(graph.get("ApiFunction", FN).inputs.role).toBe(arn);
    const role = graph.get("ApiRole", "aws:iam/role:Role");
    expect(role).toMatchObject({ read: true, id: "my-role" });
    expect(graph.byType("aws:iam/role:Role").filter((r) => !r.read)).toEqual([]);
    expect(graph.find("ApiPolicy")).toBeUndefined();
  });

  it("maps logging: retention in days, json format, an existing log group, or none at all", async () => {
    const forever = await one({ logging: { retention: "forever", format: "json" } });
    expect(forever.graph.get("ApiLogGroup").inputs.retentionInDays).toBe(0);
    expect(forever.graph.get("ApiFunction", FN).inputs.loggingConfig).toMatchObject({ logFormat: "JSON" });
    const year = await one({ logging: { retention: "13 months" } });
    expect(year.graph.get("ApiLogGroup").inputs.retentionInDays).toBe(400);

    const existing = await one({ logging: { logGroup: "/existing/log-group" } });
    expect(existing.graph.find("ApiLogGroup")).toBeUndefined();
    expect(existing.graph.get("ApiFunction", FN).inputs.loggingConfig).toEqual({ logFormat: "Text", logGroup: "/existing/log-group" });
    expect(existing.fn.nodes.logGroup).toBeUndefined();

    const none = await one({ logging: false });
    expect(none.graph.find("ApiLogGroup")).toBeUndefined();
    expect(none.graph.get("ApiFunction", FN).inputs.loggingConfig).toBeUndefined();
    // No permission to write logs either.
    expect(none.graph.get("ApiRole").inputs.managedPolicyArns).toEqual([]);
  });

  it("creates a public function URL with SST's CORS defaults", async () => {
    const rec = recording();
    const graph = await synth({ ...app, mocks: rec.mocks, run: () => ({ url: new Function("Api", { handler: "src/api.handler", url: true }).url }) });
    expect(graph.get("ApiUrl", "aws:lambda/functionUrl:FunctionUrl").inputs).toMatchObject({
      authorizationType: "NONE",
      invokeMode: "BUFFERED",
      cors: { allowCredentials: false, allowHeaders: ["*"], allowMethods: ["*"], allowOrigins: ["*"], exposeHeaders: [], maxAge: 0 },
    });
    expect(graph.outputs.url).toBe("https://abc.lambda-url.us-east-1.on.aws/");
    // Anyone may call it: through the URL, and the function through the URL.
    const name = graph.get("ApiFunction", FN).inputs.name;
    expect(graph.get("ApiUrlPermission", "aws:lambda/permission:Permission").inputs).toEqual({
      function: name,
      principal: "*",
      action: "lambda:InvokeFunctionUrl",
      functionUrlAuthType: "NONE",
    });
    expect(graph.get("ApiUrlInvokePermission", "aws:lambda/permission:Permission").inputs).toEqual({
      function: name,
      principal: "*",
      action: "lambda:InvokeFunction",
      invokedViaFunctionUrl: true,
    });
  });

  it("merges a cors object over the defaults, takes iam authorization, no cors, and streaming", async () => {
    const { graph } = await one({
      url: { authorization: "iam", cors: { allowMethods: ["GET", "POST"], allowOrigins: ["https://example.com"], maxAge: "1 day" } },
      streaming: true,
    });
    expect(graph.get("ApiUrl").inputs).toMatchObject({
      authorizationType: "AWS_IAM",
      invokeMode: "RESPONSE_STREAM",
      cors: { allowMethods: ["GET", "POST"], allowOrigins: ["https://example.com"], allowHeaders: ["*"], maxAge: 86400 },
    });
    // A signed (IAM) URL is not opened to anyone.
    expect(graph.byType("aws:lambda/permission:Permission")).toEqual([]);
    const off = await one({ url: { cors: false } });
    expect(off.graph.get("ApiUrl").inputs.cors).toBeUndefined();
  });

  it("serves the URL through a router: routes it and gives the router's URL", async () => {
    const routes: [string, unknown][] = [];
    const router = { url: (await import("@pulumi/pulumi")).output("https://d123.cloudfront.net"), route: (pattern: string, url: unknown) => routes.push([pattern, url]) };
    const rec = recording();
    const graph = await synth({
      ...app,
      mocks: rec.mocks,
      run: () => {
        const fn = new Function("Api", { handler: "src/api.handler", url: { router: { instance: router as any, path: "/api/users" } } });
        return { url: fn.url };
      },
    });
    expect(graph.outputs.url).toBe("https://d123.cloudfront.net/api/users");
    expect(routes.map(([p]) => p)).toEqual(["/api/users"]);
    const sub = await synth({
      ...app,
      run: () => ({ url: new Function("Api", { handler: "src/api.handler", url: { router: { instance: router as any, domain: "api.example.com" } } }).url }),
    });
    expect(sub.outputs.url).toBe("https://api.example.com");
  });

  it("versioning publishes; provisioned concurrency goes on an alias of the latest version; reserved is set", async () => {
    const { graph } = await one({ versioning: true, concurrency: { provisioned: 10, reserved: 50 } });
    const fn = graph.get("ApiFunction", FN);
    expect(fn.inputs).toMatchObject({ publish: true, reservedConcurrentExecutions: 50 });
    const alias = graph.get("ApiAlias", "aws:lambda/alias:Alias");
    expect(alias.inputs).toMatchObject({ name: "current", functionName: fn.inputs.name, functionVersion: "1" });
    expect(graph.get("ApiProvisioned", "aws:lambda/provisionedConcurrencyConfig:ProvisionedConcurrencyConfig").inputs).toMatchObject({
      functionName: fn.inputs.name,
      qualifier: "current",
      provisionedConcurrentExecutions: 10,
    });
    const zero = await one({ concurrency: { reserved: 0 } });
    expect(zero.graph.get("ApiFunction", FN).inputs.reservedConcurrentExecutions).toBe(0);
  });

  it("retries create an event invoke config (nodes.eventInvokeConfig)", async () => {
    const { graph, fn } = await one({ retries: 0 });
    const config = graph.get("ApiEventInvokeConfig", "aws:lambda/functionEventInvokeConfig:FunctionEventInvokeConfig");
    expect(config.inputs).toMatchObject({ maximumRetryAttempts: 0, qualifier: "$LATEST", functionName: graph.get("ApiFunction", FN).inputs.name });
    expect(fn.nodes.eventInvokeConfig).toBeInstanceOf((await import("@pulumi/aws")).lambda.FunctionEventInvokeConfig);
    expect((await one()).fn.nodes.eventInvokeConfig).toBeUndefined();
  });

  it("mounts an EFS access point, by ARN or from an Efs component, at /mnt/efs by default", async () => {
    const ap = "arn:aws:elasticfilesystem:us-east-1:123456789012:access-point/fsap-12345678";
    const byArn = await one({ volume: { efs: ap } });
    expect(byArn.graph.get("ApiFunction", FN).inputs.fileSystemConfig).toEqual({ arn: ap, localMountPath: "/mnt/efs" });
    const pulumi = await import("@pulumi/pulumi");
    const efs = { nodes: { accessPoint: { arn: pulumi.output(ap) } } };
    const fromComponent = await one({ volume: { efs, path: "/mnt/files" } });
    expect(fromComponent.graph.get("ApiFunction", FN).inputs.fileSystemConfig).toEqual({ arn: ap, localMountPath: "/mnt/files" });
  });

  it("registers the handler's directory as a link receiver (for sst-env.d.ts)", async () => {
    const graph = await synth({
      ...app,
      run: () => {
        new Function("Node", { handler: "packages/functions/src/api.handler" });
        new Function("Go", { handler: "./go/api", runtime: "go" });
        new Function("Bundled", { handler: "index.handler", bundle: "dist/fn" });
      },
    });
    expect([...graph.result.receivers].sort()).toEqual(["./go/api", "dist/fn", "packages/functions/src"]);
  });

  it("exposes nodes and registers arn and name as outputs", async () => {
    const { graph, fn } = await one({ retries: 1 });
    expect(Object.keys(fn.nodes).sort()).toEqual(["eventInvokeConfig", "function", "logGroup", "role"]);
    expect(graph.get("Api", "sst:aws:Function").outputs).toMatchObject({ name: graph.get("ApiFunction", FN).inputs.name });
  });
});
