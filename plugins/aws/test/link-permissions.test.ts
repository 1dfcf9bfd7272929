/** The receiver side of `link`: the `aws.permission` includes of a receiver's links → one IAM policy on its role. */
import * as pulumiAws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { describe, expect, it } from "vitest";
import { Component, Linkable, resolveLinks, type ResolvedLink } from "@sst/core";
import { synth } from "@sst/core/testing";
import { Function, permission } from "@sst/aws";
import { awsApp, policyOf } from "./_helpers.js";

const linkable = (name: string, ...include: ReturnType<typeof permission>[]) => new Linkable(name, { properties: { n: name }, include });

/** A receiver whose role is the user's (an ARN), as a Function given `role:` would be. */
class OwnRole extends Component {
  static readonly __pulumiType = "sst:aws:OwnRole";
  readonly links: ResolvedLink[];
  constructor(name: string, args: { link: unknown[] }) {
    super(OwnRole.__pulumiType, name, {});
    this.links = resolveLinks(args.link, this);
  }
}

describe("link permissions", () => {
  it("turns the permission includes of every link into the statements of one role policy under the receiver", async () => {
    const graph = await synth({
      ...awsApp,
      run() {
        const bucket = linkable("Media", permission({ actions: ["s3:GetObject", "s3:PutObject"], resources: ["arn:aws:s3:::media", "arn:aws:s3:::media/*"] }));
        const queue = linkable(
          "Jobs",
          permission({ actions: ["sqs:SendMessage"], resources: [pulumi.output("arn:aws:sqs:us-east-1:1:jobs")] }),
          permission({ effect: "deny", actions: ["sqs:PurgeQueue"], resources: ["*"], conditions: [{ test: "StringEquals", variable: "aws:RequestedRegion", values: ["us-east-1"] }] }),
        );
        new Function("Api", { handler: "src/api.handler", link: [bucket, queue, linkable("Plain")] });
      },
    });
    const [policy, ...more] = graph.byType("aws:iam/rolePolicy:RolePolicy");
    expect(more).toEqual([]);
    expect(policy!.name).toBe("ApiLinkPolicy");
    expect(graph.parent(policy!)!.name).toBe("Api");
    expect(policy!.inputs.role).toBe(graph.get("ApiRole").inputs.name);
    expect(policyOf(policy!)).toEqual({
      Version: "2012-10-17",
      Statement: [
        { Effect: "Allow", Action: ["s3:GetObject", "s3:PutObject"], Resource: ["arn:aws:s3:::media", "arn:aws:s3:::media/*"] },
        { Effect: "Allow", Action: ["sqs:SendMessage"], Resource: ["arn:aws:sqs:us-east-1:1:jobs"] },
        { Effect: "Deny", Action: ["sqs:PurgeQueue"], Resource: ["*"], Condition: { StringEquals: { "aws:RequestedRegion": ["us-east-1"] } } },
      ],
    });
  });

  it("gives the policy a physical name within IAM's limit, like every named child", async () => {
    const graph = await synth({ ...awsApp, run: () => void new Function("Api", { handler: "a.handler", link: [linkable("L", permission({ actions: ["x:Y"], resources: ["*"] }))] }) });
    expect(graph.get("ApiLinkPolicy").inputs.name).toMatch(/^app-test-ApiLinkPolicy-[a-z]{8}$/);
  });

  it("creates no policy for a receiver whose links grant nothing", async () => {
    const graph = await synth({ ...awsApp, run: () => void new Function("Api", { handler: "a.handler", link: [linkable("Plain")] }) });
    expect(graph.byType("aws:iam/rolePolicy:RolePolicy")).toEqual([]);
  });

  it("creates none for a receiver that has no role of its own making, and consumes the includes anyway", async () => {
    let receiver: OwnRole | undefined;
    const graph = await synth({
      ...awsApp,
      run: () => void (receiver = new OwnRole("Worker", { link: [linkable("Grant", permission({ actions: ["s3:*"], resources: ["*"] }))] })),
    });
    expect(graph.byType("aws:iam/rolePolicy:RolePolicy")).toEqual([]);
    expect(receiver!.links[0]!.include).toEqual([]);
  });

  it("leaves the includes of a receiver that is not a component to its plugin", async () => {
    let links: ResolvedLink[] = [];
    await synth({
      ...awsApp,
      run() {
        const grant = linkable("Grant", permission({ actions: ["s3:*"], resources: ["*"] }));
        links = resolveLinks([grant], { name: "Dev", type: "sst.live.Dev", provider: () => undefined });
      },
    });
    expect(links[0]!.include).toEqual([{ type: "aws.permission", actions: ["s3:*"], resources: ["*"] }]);
  });

  it("gives the policy to the role of the receiver, never to another function's", async () => {
    const graph = await synth({
      ...awsApp,
      run() {
        const grant = linkable("Grant", permission({ actions: ["s3:*"], resources: ["*"] }));
        new Function("One", { handler: "a.handler", link: [grant] });
        new Function("Two", { handler: "a.handler" });
        new Function("Three", { handler: "a.handler", link: [grant] });
      },
    });
    const policies = graph.byType("aws:iam/rolePolicy:RolePolicy");
    expect(policies.map((p) => [p.name, p.inputs.role])).toEqual([
      ["OneLinkPolicy", graph.get("OneRole").inputs.name],
      ["ThreeLinkPolicy", graph.get("ThreeRole").inputs.name],
    ]);
  });
});

/** A receiver that creates its role first and resolves its links afterwards, twice. */
class RoleFirst extends Component {
  static readonly __pulumiType = "sst:aws:RoleFirst";
  constructor(name: string, args: { link: unknown[] }) {
    super(RoleFirst.__pulumiType, name, {});
    this.create("role", pulumiAws.iam.Role, "Role", { assumeRolePolicy: "{}" });
    resolveLinks(args.link, this);
    resolveLinks(args.link, this);
  }
}

describe("link permissions, whenever the receiver resolves its links", () => {
  it("creates the one policy right away when the role already exists, and no second one", async () => {
    const graph = await synth({
      ...awsApp,
      run: () => void new RoleFirst("Task", { link: [linkable("Grant", permission({ actions: ["s3:*"], resources: ["*"] }))] }),
    });
    expect(graph.byType("aws:iam/rolePolicy:RolePolicy").map((p) => [p.name, p.inputs.role])).toEqual([["TaskLinkPolicy", graph.get("TaskRole").inputs.name]]);
  });
});
