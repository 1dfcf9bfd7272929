/** sst.aws.Function through the plugin harness (synth under Pulumi mocks): the resources it creates. */
import { synth } from "@sst/core/testing";
import { describe, expect, it } from "vitest";
import { aws, Function } from "@sst/aws";

const app = { plugins: [aws()], providers: { aws: {} } };

describe("sst.aws.Function", () => {
  it("is sst.aws.Function in the sst namespace", async () => {
    let seen: unknown;
    await synth({ ...app, run: () => void (seen = (globalThis as any).sst.aws.Function) });
    expect(seen).toBe(Function);
  });

  it("creates a role lambda can assume, a log group and the function on nodejs20.x", async () => {
    const graph = await synth({ ...app, run: () => void new Function("Api", { handler: "src/api.handler" }) });
    const fn = graph.get("ApiFunction", "aws:lambda/function:Function");
    expect(fn.inputs).toMatchObject({ runtime: "nodejs20.x", handler: "src/api.handler", timeout: 20, memorySize: 1024 });
    const role = graph.get("ApiRole", "aws:iam/role:Role");
    expect(JSON.parse(role.inputs.assumeRolePolicy as string).Statement[0].Principal).toEqual({ Service: "lambda.amazonaws.com" });
    expect(graph.get("ApiLogGroup", "aws:cloudwatch/logGroup:LogGroup").type).toBe("aws:cloudwatch/logGroup:LogGroup");
  });
});
