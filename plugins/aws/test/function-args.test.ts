/** sst.aws.Function: bad args, transforms, environment precedence, links, addEnvironment and `.get()`. */
import * as pulumi from "@pulumi/pulumi";
import { Linkable, env } from "@sst/core";
import { synth } from "@sst/core/testing";
import { describe, expect, it } from "vitest";
import { Function, FunctionEnvironmentUpdate, permission, type FunctionArgs } from "@sst/aws";
import { app, recording } from "./_function.js";

const FN = "aws:lambda/function:Function";

function make(args: Partial<FunctionArgs>) {
  return synth({ ...app, run: () => void new Function("Api", { handler: "src/api.handler", ...args } as FunctionArgs) });
}

describe("sst.aws.Function args", () => {
  it.each([
    [{ timeout: "16 minutes" }, "E_FUNCTION_ARG", /Function "Api": timeout "16 minutes".*between 1 and 900 seconds/],
    [{ timeout: "20 secs" }, "E_FUNCTION_ARG", /timeout "20 secs" is not valid/],
    [{ timeout: pulumi.output("0 seconds") }, "E_FUNCTION_ARG", /timeout "0 seconds"/],
    [{ memory: "64 MB" }, "E_FUNCTION_ARG", /memory "64 MB".*between 128 MB and 10240 MB/],
    [{ memory: "11 GB" }, "E_FUNCTION_ARG", /memory "11 GB"/],
    [{ storage: "256 MB" }, "E_FUNCTION_ARG", /storage "256 MB".*between 512 MB/],
    [{ retries: 3 }, "E_FUNCTION_ARG", /retries 3.*between 0 and 2/],
    [{ runtime: "java21" }, "E_FUNCTION_ARG", /runtime "java21" is not supported/],
    [{ logging: { retention: "1 decade" } }, "E_FUNCTION_ARG", /logging.retention "1 decade"/],
    [{ logging: { logGroup: "/x", retention: "1 week" } }, "E_FUNCTION_ARG", /logging.retention does not apply/],
    [{ concurrency: { provisioned: 5 } }, "E_FUNCTION_ARG", /concurrency.provisioned needs versioning/],
    [{ python: { container: true }, runtime: "python3.12" }, "E_FUNCTION_UNSUPPORTED", /python.container/],
    [{ url: { authorization: "jwt" } }, "E_FUNCTION_ARG", /url.authorization "jwt"/],
    [{ url: { cors: { maxAge: "2 days" } } }, "E_FUNCTION_ARG", /url.cors.maxAge "2 days"/],
    [{ url: pulumi.output(true) }, "E_FUNCTION_ARG", /url must be a plain value/],
    [{ environment: { "1ABC": "x", A: "y" } }, "E_FUNCTION_ENV_NAME", /"1ABC", "A"/],
    [{ environment: { SST_KEY: "x" } }, "E_FUNCTION_ENV_RESERVED", /SST_KEY/],
    [{ environment: { PORT: 8080 as unknown as string } }, "E_FUNCTION_ENV_VALUE", /PORT is number/],
    [{ environment: { LATER: pulumi.output(1 as unknown as string) } }, "E_FUNCTION_ENV_VALUE", /LATER is number/],
    [{ environment: { BIG: "x".repeat(4000), OTHER: "y".repeat(200) } }, "E_FUNCTION_ENV_SIZE", /over Lambda's 4 KB limit. The largest: BIG/],
  ] as [Partial<FunctionArgs>, string, RegExp][])("rejects %j with %s", async (args, code, message) => {
    const error = await make(args).catch((e) => e);
    expect(error).toMatchObject({ name: "SSTError", code });
    expect(error.message).toMatch(message);
    expect(error.hint).toEqual(expect.any(String));
  });

  it("sends each transform key to its resource", async () => {
    const graph = await synth({
      ...app,
      run: () =>
        void new Function("Api", {
          handler: "src/api.handler",
          url: true,
          retries: 1,
          versioning: true,
          concurrency: { provisioned: 2 },
          permissions: [{ actions: ["s3:GetObject"], resources: ["*"] }],
          transform: {
            function: { memorySize: 256 },
            role: { description: "my role" },
            policy: (args) => void (args.name = "mine"),
            logGroup: { retentionInDays: 7 },
            eventInvokeConfig: { maximumEventAgeInSeconds: 60 },
            url: { invokeMode: "RESPONSE_STREAM" },
            urlPermission: { statementId: "public" },
            code: { contentType: "application/zip" },
            alias: { description: "warm" },
            provisioned: { skipDestroy: true },
          },
        }),
    });
    expect(graph.get("ApiFunction", FN).inputs.memorySize).toBe(256);
    expect(graph.get("ApiRole").inputs.description).toBe("my role");
    expect(graph.get("ApiPolicy").inputs.name).toBe("mine");
    expect(graph.get("ApiLogGroup").inputs.retentionInDays).toBe(7);
    expect(graph.get("ApiEventInvokeConfig").inputs.maximumEventAgeInSeconds).toBe(60);
    expect(graph.get("ApiUrl").inputs.invokeMode).toBe("RESPONSE_STREAM");
    expect(graph.byType("aws:lambda/permission:Permission").map((p) => p.inputs.statementId)).toEqual(["public", "public"]);
    expect(graph.get("ApiCode").inputs.contentType).toBe("application/zip");
    expect(graph.get("ApiAlias").inputs.description).toBe("warm");
    expect(graph.get("ApiProvisioned").inputs.skipDestroy).toBe(true);
  });

  it("merges env: link includes, then environment, then SST's variables; the same on every run", async () => {
    const run = async () => {
      const rec = recording();
      await synth({
        ...app,
        mocks: rec.mocks,
        run: () => {
          const settings = new Linkable("Settings", { properties: { level: 3 }, include: [env({ FROM_LINK: "link", SHARED: "link" })] });
          new Function("Api", { handler: "src/api.handler", link: [settings], environment: { SHARED: "user", DEBUG: "true" } });
        },
      });
      return rec.get("ApiFunction").environment.variables as Record<string, string>;
    };
    const first = await run();
    expect(first).toMatchObject({ FROM_LINK: "link", SHARED: "user", DEBUG: "true", SST_KEY_FILE: "resource.enc" });
    expect(JSON.parse(first.SST_RESOURCE_App!)).toEqual({ name: "app", stage: "test" });
    expect(Buffer.from(first.SST_KEY!, "base64")).toHaveLength(32);
    expect(await run()).toEqual(first);
  });

  it("takes Outputs as environment values", async () => {
    const rec = recording();
    await synth({ ...app, mocks: rec.mocks, run: () => void new Function("Api", { handler: "src/api.handler", environment: { TABLE: pulumi.output("orders") } }) });
    expect(rec.get("ApiFunction").environment.variables.TABLE).toBe("orders");
  });

  it("keeps the environment secret in the graph (SST_KEY opens the links)", async () => {
    const graph = await make({ environment: { DEBUG: "true" } });
    expect(JSON.stringify(graph.get("ApiFunction", FN).inputs.environment)).not.toContain("SST_KEY");
  });

  it("links give name and url, and lambda:InvokeFunction on the function", async () => {
    const graph = await synth({
      ...app,
      mocks: recording().mocks,
      run: () => {
        const api = new Function("Api", { handler: "src/api.handler", url: true });
        new Function("Caller", { handler: "src/caller.handler", link: [api] });
      },
    });
    const link = graph.links.find((l) => l.name === "Api")!;
    expect(link.properties).toEqual({ name: graph.get("ApiFunction", FN).inputs.name, url: "https://abc.lambda-url.us-east-1.on.aws/" });
    expect(link.include).toEqual([
      { type: "aws.permission", actions: ["lambda:InvokeFunction"], resources: [expect.stringMatching(/^arn:aws:lambda:.*:function:app-test-ApiFunction-/)] },
    ]);
    const plain = await synth({ ...app, run: () => void new Function("Api", { handler: "src/api.handler" }) });
    expect(plain.links.find((l) => l.name === "Api")!.properties).not.toHaveProperty("url");
  });

  it("gets the links' aws.permission includes as the plugin's link policy on its role, none on a given role", async () => {
    const queue = () => new Linkable("Jobs", { properties: { url: "https://sqs/jobs" }, include: [permission({ actions: ["sqs:SendMessage"], resources: ["arn:aws:sqs:us-east-1:1:jobs"] })] });
    const graph = await synth({ ...app, run: () => void new Function("Api", { handler: "src/api.handler", link: [queue()] }) });
    const policy = graph.get("ApiLinkPolicy", "aws:iam/rolePolicy:RolePolicy");
    expect(JSON.parse(policy.inputs.policy as string).Statement).toEqual([{ Effect: "Allow", Action: ["sqs:SendMessage"], Resource: ["arn:aws:sqs:us-east-1:1:jobs"] }]);
    expect(policy.parent).toBe(graph.get("Api", "sst:aws:Function").urn);
    const given = await synth({ ...app, run: () => void new Function("Api", { handler: "src/api.handler", link: [queue()], role: "arn:aws:iam::1:role/mine" }) });
    expect(given.find("ApiLinkPolicy")).toBeUndefined();
  });

  it("addEnvironment adds variables after creation through a FunctionEnvironmentUpdate", async () => {
    const rec = recording();
    let update!: FunctionEnvironmentUpdate;
    const graph = await synth({
      ...app,
      providers: { aws: { region: "eu-west-1" } },
      mocks: rec.mocks,
      run: () => {
        const fn = new Function("Api", { handler: "src/api.handler", url: true });
        update = fn.addEnvironment({ URL: fn.url as pulumi.Output<string> });
        fn.addEnvironment({ OTHER: "x" });
      },
    });
    expect(update).toBeInstanceOf(FunctionEnvironmentUpdate);
    const [first, second] = graph.resources
      .filter((r) => r.type === "pulumi-nodejs:dynamic/aws:FunctionEnvironmentUpdate")
      .sort((a, b) => a.name.localeCompare(b.name));
    expect(first!.name).toBe("ApiEnvironmentUpdate");
    expect(second!.name).toBe("ApiEnvironmentUpdate2");
    expect(first!.inputs).toMatchObject({
      functionName: graph.get("ApiFunction", FN).inputs.name,
      region: "eu-west-1",
      environment: { URL: "https://abc.lambda-url.us-east-1.on.aws/" },
      trigger: "2026-01-01T00:00:00Z",
    });
    expect(first!.parent).toBe(graph.get("Api", "sst:aws:Function").urn);
    const bad = await synth({ ...app, run: () => void new Function("Api", { handler: "src/api.handler" }).addEnvironment({ "bad-name": "x" }) }).catch((e) => e);
    expect(bad).toMatchObject({ code: "E_FUNCTION_ENV_NAME", message: expect.stringContaining("addEnvironment") });
  });

  it(".get() references an existing function by name or ARN, creating nothing", async () => {
    let byName!: Function;
    const graph = await synth({
      ...app,
      run: () => {
        byName = Function.get("Existing", "my-fn");
        Function.get("ByArn", "arn:aws:lambda:us-east-1:123456789012:function:other-fn");
      },
    });
    expect(graph.get("ExistingFunction", FN)).toMatchObject({ read: true, id: "my-fn" });
    expect(graph.get("ByArnFunction", FN)).toMatchObject({ read: true, id: "other-fn" });
    expect(graph.resources.filter((r) => r.custom && !r.read && !r.type.startsWith("pulumi:providers:")).map((r) => r.name)).toEqual([]);
    expect(byName.nodes.function).toBeInstanceOf((await import("@pulumi/aws")).lambda.Function);
  });
});
