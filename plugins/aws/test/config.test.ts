/** How the aws home reads `providers.aws` and the environment. */
import { describe, expect, it } from "vitest";
import { awsHomeConfig } from "@sst/aws";

describe("the aws home's settings", () => {
  it("takes the region from providers.aws, then AWS_REGION, then AWS_DEFAULT_REGION, else us-east-1", () => {
    expect(awsHomeConfig({ providers: { aws: { region: "eu-west-1" } } }, { AWS_REGION: "us-west-2" }).region).toBe("eu-west-1");
    expect(awsHomeConfig({ providers: { aws: {} } }, { AWS_REGION: "us-west-2", AWS_DEFAULT_REGION: "ap-south-1" }).region).toBe("us-west-2");
    expect(awsHomeConfig({ providers: { aws: {} } }, { AWS_DEFAULT_REGION: "ap-south-1" }).region).toBe("ap-south-1");
    expect(awsHomeConfig({ providers: {} }, {}).region).toBe("us-east-1");
  });

  it("takes the profile from providers.aws before AWS_PROFILE", () => {
    expect(awsHomeConfig({ providers: { aws: { profile: "dev" } } }, { AWS_PROFILE: "other" }).profile).toBe("dev");
    expect(awsHomeConfig({ providers: { aws: {} } }, { AWS_PROFILE: "other" }).profile).toBe("other");
    expect(awsHomeConfig({ providers: { aws: {} } }, {}).profile).toBeUndefined();
  });

  it("reads assumeRole as an object or the first of assumeRoles, and ignores one without a roleArn", () => {
    const role = { roleArn: "arn:aws:iam::1:role/r", sessionName: "s" };
    expect(awsHomeConfig({ providers: { aws: { assumeRole: role } } }, {}).assumeRole).toMatchObject(role);
    expect(awsHomeConfig({ providers: { aws: { assumeRoles: [role] } } }, {}).assumeRole).toMatchObject(role);
    expect(awsHomeConfig({ providers: { aws: { assumeRole: { sessionName: "x" } } } }, {}).assumeRole).toBeUndefined();
  });
});
