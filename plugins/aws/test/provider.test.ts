/** The default AWS provider (`sst:aws`) from `providers.aws`, and `{ provider }` for another region. */
import * as pulumiAws from "@pulumi/aws";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { Kernel, Linkable, defaultProviders, validateApp, withPluginDefaults } from "@sst/core";
import { synth } from "@sst/core/testing";
import { aws, awsProvider, Function, permission } from "@sst/aws";
import { awsApp } from "./_helpers.js";

const resolved = (providers: Record<string, unknown>, stage = "dev") => {
  const kernel = new Kernel({ plugins: [aws()] });
  return defaultProviders(kernel, withPluginDefaults(kernel, validateApp({ name: "shop", home: "local", providers } as never, stage)));
};

describe("the default aws provider", () => {
  const saved = { ...process.env };
  beforeEach(() => {
    delete process.env.AWS_REGION;
    delete process.env.AWS_DEFAULT_REGION;
    delete process.env.AWS_PROFILE;
  });
  afterEach(() => void (process.env = { ...saved }));

  it("is created once as sst:aws with the region and SST's default tags, and no profile in its inputs", async () => {
    const graph = await synth({
      plugins: [aws()],
      providers: { aws: { region: "eu-west-1", profile: "prod-admin" } },
      stage: "prod",
      run: () => void new pulumiAws.s3.BucketV2("Raw"),
    });
    const [provider, ...others] = graph.byType("pulumi:providers:aws");
    expect(others).toEqual([]);
    expect(provider!.name).toBe("sst:aws");
    expect(provider!.inputs.region).toBe("eu-west-1");
    expect(JSON.parse(provider!.inputs.defaultTags as string)).toEqual({ tags: { "sst:app": "app", "sst:stage": "prod" } });
    expect(JSON.stringify(provider!.inputs)).not.toContain("prod-admin");
    expect(graph.get("Raw").provider).toBe(provider!.urn);
  });

  it("sends the profile and credentials to the engine's environment, never to the provider's inputs", () => {
    const [spec] = resolved({ aws: { region: "eu-west-1", profile: "prod-admin", accessKey: "AKIA1", secretKey: "s3cr3t", token: "tok" } });
    expect(spec!.env).toEqual({ AWS_PROFILE: "prod-admin", AWS_ACCESS_KEY_ID: "AKIA1", AWS_SECRET_ACCESS_KEY: "s3cr3t", AWS_SESSION_TOKEN: "tok" });
    expect(Object.keys(spec!.args).sort()).toEqual(["defaultTags", "region"]);
  });

  it("takes the region from AWS_REGION, then AWS_DEFAULT_REGION, then us-east-1, as the home does", () => {
    expect(resolved({ aws: {} })[0]!.args.region).toBe("us-east-1");
    process.env.AWS_DEFAULT_REGION = "ap-south-1";
    expect(resolved({ aws: {} })[0]!.args.region).toBe("ap-south-1");
    process.env.AWS_REGION = "ca-central-1";
    expect(resolved({ aws: {} })[0]!.args.region).toBe("ca-central-1");
    expect(resolved({ aws: { region: "eu-north-1" } })[0]!.args.region).toBe("eu-north-1");
  });

  it("turns SST's assumeRole into the provider's assumeRoles, duration included", () => {
    const [spec] = resolved({ aws: { assumeRole: { roleArn: "arn:aws:iam::1:role/deploy", sessionName: "ci", durationSeconds: 900 } } });
    expect(spec!.args.assumeRoles).toEqual([{ roleArn: "arn:aws:iam::1:role/deploy", sessionName: "ci", duration: "900s" }]);
    expect(spec!.args).not.toHaveProperty("assumeRole");
    const [given] = resolved({ aws: { assumeRoles: [{ roleArn: "arn:aws:iam::2:role/a" }] } });
    expect(given!.args.assumeRoles).toEqual([{ roleArn: "arn:aws:iam::2:role/a" }]);
  });

  it("passes other provider args through and keeps the user's default tags beside SST's", () => {
    const [spec] = resolved(
      { aws: { allowedAccountIds: ["123"], maxRetries: 3, defaultTags: { tags: { team: "web", "sst:app": "spoof" } } } },
      "staging",
    );
    expect(spec!.args).toEqual({
      allowedAccountIds: ["123"],
      maxRetries: 3,
      region: "us-east-1",
      defaultTags: { tags: { team: "web", "sst:app": "shop", "sst:stage": "staging" } },
    });
  });

  it("is what the plugin registers: the factory and the kernel's default agree", () => {
    const [spec] = resolved({ aws: { region: "eu-west-1" } });
    expect(spec!.args).toEqual(awsProvider({ config: { region: "eu-west-1" }, app: { name: "shop", stage: "dev" } as never }).args);
  });
});

describe("a provider for another region", () => {
  it("reaches every child of a Function given { provider }, and the policy its links grant", async () => {
    const graph = await synth({
      ...awsApp,
      run() {
        const east = new pulumiAws.Provider("East", { region: "us-east-2" });
        const queue = new Linkable("Jobs", { properties: {}, include: [permission({ actions: ["sqs:SendMessage"], resources: ["arn:aws:sqs:us-east-2:1:jobs"] })] });
        new Function("Api", { handler: "src/api.handler", link: [queue] }, { provider: east });
        new Function("Home", { handler: "src/api.handler", link: [queue] });
      },
    });
    const east = graph.get("East").urn;
    const children = graph.descendants(graph.get("Api")).filter((r) => r.custom);
    expect(children.map((r) => r.type).sort()).toEqual(["aws:cloudwatch/logGroup:LogGroup", "aws:iam/role:Role", "aws:iam/rolePolicy:RolePolicy", "aws:lambda/function:Function"]);
    for (const child of children) expect([child.name, child.provider]).toEqual([child.name, east]);
    const home = graph.get("sst:aws").urn;
    expect(graph.get("HomeLinkPolicy").provider).toBe(home);
    expect(graph.get("HomeFunction").provider).toBe(home);
  });
});
