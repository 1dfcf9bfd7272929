/** examples/aws-live: what sst dev deploys for it (the bridge, with the function's links), synthesised. */
import { dirname, join } from "node:path";
import { describe, expect, it } from "vitest";
import { synthConfig } from "@sst/core/testing";
import { bridgeBinary } from "@sst/live";

const example = join(import.meta.dirname, "..", "..", "..", "examples", "aws-live");
const api = { arn: "arn:aws:appsync:us-east-1:123:apis/abc", http: "abc.appsync-api.us-east-1.amazonaws.com", realtime: "abc.appsync-realtime-api.us-east-1.amazonaws.com", region: "us-east-1" };

describe("examples/aws-live", () => {
  it("under sst dev, deploys the API's function as the bridge, linked to the bucket, with a public URL", async () => {
    const bridges = { x86_64: dirname(await bridgeBinary("x86_64")), arm64: dirname(await bridgeBinary("arm64")) };
    const aws = { version: 1, state: "sst-state-test", asset: "sst-asset-test" };
    const graph = await synthConfig({ cwd: example, dev: true, bootstrap: { aws, live: { api, bridges } } });
    const fn = graph.get("ApiFunction", "aws:lambda/function:Function");
    expect(fn.inputs).toMatchObject({ runtime: "provided.al2023", handler: "bootstrap" });
    expect(graph.get("ApiUrl").inputs).toMatchObject({ authorizationType: "NONE" });
    expect(graph.links.find((l) => l.name === "Notes")!.type).toBe("sst.aws.Bucket");
    // sst dev may assume the function's role, to run it locally with the same permissions.
    const trust = JSON.parse(graph.get("ApiRole", "aws:iam/role:Role").inputs.assumeRolePolicy as string);
    expect(trust.Statement.map((s: { Principal: unknown }) => s.Principal)).toEqual([{ Service: "lambda.amazonaws.com" }, { AWS: "arn:aws:iam::123:root" }]);
  });

  it("deploys the real function with sst deploy", async () => {
    const graph = await synthConfig({ cwd: example });
    expect(graph.get("ApiFunction", "aws:lambda/function:Function").inputs).toMatchObject({ runtime: "nodejs20.x", handler: "src/api.handler" });
  });
});
