/**
 * FunctionEnvironmentUpdate's provider as Pulumi runs it: serialised the way a dynamic resource is, loaded back
 * from that text, then driven against moto's Lambda: variables merged into the function's own, dropped ones
 * taken out, its own removed on delete.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import * as pulumi from "@pulumi/pulumi";
import { CreateFunctionCommand, GetFunctionConfigurationCommand, LambdaClient } from "@aws-sdk/client-lambda";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { zipDirectory } from "../src/build/zip.js";
import { environmentUpdateProvider, mergedVariables } from "../src/components/helpers/function-environment-provider.js";
import { MOTO, useMoto } from "./_moto.js";

const requireFromString = createRequire(createRequire(import.meta.url).resolve("@pulumi/pulumi"))("require-from-string") as (code: string) => any;

describe("mergedVariables", () => {
  it("keeps the function's variables, takes out the removed ones, and sets the added ones over them", () => {
    expect(mergedVariables({ KEEP: "1", OLD: "x", URL: "old" }, ["OLD"], { URL: "new", NEW: "y" })).toEqual({ KEEP: "1", URL: "new", NEW: "y" });
  });
});

describe.skipIf(!MOTO)("FunctionEnvironmentUpdate's provider against moto", () => {
  const moto = useMoto();
  const dir = mkdtempSync(join(tmpdir(), "sst-env-update-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  let provider: pulumi.dynamic.ResourceProvider;
  let lambda: LambdaClient;

  beforeAll(async () => {
    // What a dynamic resource stores as `__provider`, and how Pulumi's provider host loads it back.
    const serialised = await pulumi.runtime.serializeFunction(() => environmentUpdateProvider);
    provider = requireFromString(serialised.text)[serialised.exportName]();
    lambda = new LambdaClient({ region: "us-east-1" });
    await fetch(`${moto.endpoint}/`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", authorization: "AWS4-HMAC-SHA256 Credential=testing/20260101/us-east-1/iam/aws4_request" },
      body: new URLSearchParams({ Action: "CreateRole", Version: "2010-05-08", RoleName: "fn-role", AssumeRolePolicyDocument: "{}" }),
    });
    mkdirSync(join(dir, "pkg"));
    writeFileSync(join(dir, "pkg", "index.mjs"), "export const handler = async () => 'ok';\n");
    const zip = await zipDirectory(join(dir, "pkg"), join(dir, "code.zip"));
    await lambda.send(
      new CreateFunctionCommand({
        FunctionName: "my-fn",
        Runtime: "nodejs20.x",
        Role: "arn:aws:iam::123456789012:role/fn-role",
        Handler: "index.handler",
        Code: { ZipFile: readFileSync(zip.path) },
        Environment: { Variables: { KEEP: "1" } },
      }),
    );
  });

  const variables = async () => (await lambda.send(new GetFunctionConfigurationCommand({ FunctionName: "my-fn" }))).Environment?.Variables;

  it("merges on create, replaces on update, and removes its own on delete", async () => {
    const first = { functionName: "my-fn", region: "us-east-1", environment: { URL: "https://a", OLD: "x" }, trigger: "t1" };
    const created = await provider.create(first);
    expect(created.id).toBe("my-fn");
    expect(await variables()).toEqual({ KEEP: "1", URL: "https://a", OLD: "x" });

    const next = { ...first, environment: { URL: "https://b" }, trigger: "t2" };
    expect(await provider.diff!("my-fn", first, next)).toEqual({ changes: true, replaces: [] });
    expect(await provider.diff!("my-fn", next, next)).toEqual({ changes: false, replaces: [] });
    expect((await provider.diff!("my-fn", next, { ...next, functionName: "other" })).replaces).toEqual(["functionName"]);
    await provider.update!("my-fn", first, next);
    expect(await variables()).toEqual({ KEEP: "1", URL: "https://b" });

    await provider.delete!("my-fn", next);
    expect(await variables()).toEqual({ KEEP: "1" });
  });

  it("ignores a function that is already gone on delete", async () => {
    await expect(provider.delete!("gone", { functionName: "gone", region: "us-east-1", environment: { A: "1" } })).resolves.toBeUndefined();
  });
});
