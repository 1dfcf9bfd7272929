/** `sst.aws.iamEdit`: edit a policy document inside a transform. */
import * as pulumiAws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { describe, expect, it } from "vitest";
import { synth } from "@sst/core/testing";
import { dns, iamEdit } from "@sst/aws";
import { awsApp, policyOf, sstError } from "./_helpers.js";

describe("sst.aws.iamEdit", () => {
  it("is sst.aws.iamEdit in the sst namespace, beside sst.aws.dns", async () => {
    let seen: unknown[] = [];
    await synth({ ...awsApp, run: () => void (seen = [(globalThis as any).sst.aws.iamEdit, (globalThis as any).sst.aws.dns]) });
    expect(seen).toEqual([iamEdit, dns]);
  });

  it("hands the parsed document to the callback and gives back JSON with its Outputs resolved", async () => {
    const graph = await synth({
      ...awsApp,
      run() {
        const policy = JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "s3:GetObject", Resource: "*" }] });
        const bucket = pulumi.output("media");
        new pulumiAws.s3.BucketPolicy("Policy", {
          bucket: "media",
          policy: iamEdit(pulumi.output(policy), (doc) => {
            doc.Statement.push({ Effect: "Allow", Action: "s3:PutObject", Principal: { Service: "ses.amazonaws.com" }, Resource: pulumi.interpolate`arn:aws:s3:::${bucket}/*` });
          }),
        });
      },
    });
    expect(policyOf(graph.get("Policy"))).toEqual({
      Version: "2012-10-17",
      Statement: [
        { Effect: "Allow", Action: "s3:GetObject", Resource: "*" },
        { Effect: "Allow", Action: "s3:PutObject", Principal: { Service: "ses.amazonaws.com" }, Resource: "arn:aws:s3:::media/*" },
      ],
    });
  });

  it("takes a document object, and a lone statement as a list of one", async () => {
    const graph = await synth({
      ...awsApp,
      run: () =>
        void new pulumiAws.iam.Policy("P", {
          policy: iamEdit({ Version: "2012-10-17", Statement: { Effect: "Deny", Action: "*", Resource: "*" } }, (doc) => {
            doc.Statement[0]!.Sid = "NoThanks";
          }),
        }),
    });
    expect(policyOf(graph.get("P")).Statement).toEqual([{ Sid: "NoThanks", Effect: "Deny", Action: "*", Resource: "*" }]);
  });

  it("says when the policy is not JSON", async () => {
    const error = await sstError(() => synth({ ...awsApp, run: () => void new pulumiAws.iam.Policy("P", { policy: iamEdit("{nope", () => {}) }) }));
    expect(error.code).toBe("E_IAM_POLICY");
    expect(error.message).toContain("sst.aws.iamEdit: the policy is not valid JSON");
  });
});
