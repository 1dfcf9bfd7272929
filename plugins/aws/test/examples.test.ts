/** The AWS examples in examples/, each synthesised from its sst.config.ts (offline: builds skipped). */
import { join } from "node:path";
import { synthConfig } from "@sst/core/testing";
import { describe, expect, it } from "vitest";

const examples = join(import.meta.dirname, "..", "..", "..", "examples");
const FN = "aws:lambda/function:Function";

async function example(name: string) {
  return synthConfig({ cwd: join(examples, name), stage: "test" });
}

describe("AWS examples", () => {
  it("aws-function-url: a Node function with a public URL, linked to the bucket, with its URL added after creation", async () => {
    const graph = await example("aws-function-url");
    const fn = graph.get("MyFunctionFunction", FN);
    expect(fn.inputs).toMatchObject({ runtime: "nodejs20.x", handler: "src/index.handler", s3Key: "assets/MyFunction-skipped.zip" });
    expect(graph.get("MyFunctionUrl").inputs).toMatchObject({ authorizationType: "NONE" });
    const update = graph.resources.find((r) => r.name === "MyFunctionEnvironmentUpdate")!;
    expect(Object.keys(update.inputs.environment as object)).toEqual(["SELF_URL"]);
    expect(graph.links.find((l) => l.name === "MyBucket")!.properties).toEqual({ name: "aws-function-url-test-uploads" });
  });

  it("aws-python: a python3.11 function with a URL and a linked value", async () => {
    const graph = await example("aws-python");
    expect(graph.get("MyPythonFunctionFunction", FN).inputs).toMatchObject({ runtime: "python3.11", handler: "functions/src/functions/api.handler" });
    expect(graph.get("MyPythonFunctionUrl").type).toBe("aws:lambda/functionUrl:FunctionUrl");
  });

  it("aws-go: a Go module deployed on provided.al2023, arm64", async () => {
    const graph = await example("aws-go");
    expect(graph.get("MyFunctionFunction", FN).inputs).toMatchObject({ runtime: "provided.al2023", architectures: ["arm64"] });
  });

  it("aws-rust: a Rust crate deployed on provided.al2023", async () => {
    const graph = await example("aws-rust");
    expect(graph.get("MyFunctionFunction", FN).inputs).toMatchObject({ runtime: "provided.al2023", architectures: ["x86_64"] });
  });
});
