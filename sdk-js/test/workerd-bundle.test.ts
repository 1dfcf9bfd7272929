// What wrangler does to a worker: bundle it with the `workerd` condition. The result must carry
// no Node built-ins and must run in a bare V8 context (no process, Buffer or require), which is
// what a Worker without nodejs_compat has. Resolves "@sst/sdk" through the real export map (dist).
import { build } from "esbuild";
import { createContext, runInContext } from "node:vm";
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import { buildSdk } from "./_build.js";

const sdkRoot = fileURLToPath(new URL("..", import.meta.url));

async function bundleForWorkers(): Promise<string> {
  const result = await build({
    stdin: {
      contents: `import { Resource, wrapCloudflareHandler } from "@sst/sdk";
        export default wrapCloudflareHandler({ fetch: (req, env) => Resource.MyBucket.kind + " " + Resource.App.stage });`,
      resolveDir: sdkRoot,
    },
    bundle: true,
    write: false,
    format: "iife",
    globalName: "worker",
    platform: "neutral",
    conditions: ["workerd", "worker"],
    mainFields: ["module", "main"],
    logLevel: "silent",
  });
  return result.outputFiles[0].text;
}

describe("the Workers entry", () => {
  beforeAll(buildSdk, 60_000);

  it("is what the export map gives the workerd condition: no file loader, no decryption", async () => {
    const bundle = await bundleForWorkers();
    expect(bundle).toContain("wrapCloudflareHandler");
    expect(bundle).not.toContain("createDecipheriv");
  });

  it("bundles without any Node built-in", async () => {
    expect(await bundleForWorkers()).not.toMatch(/from\s*["']node:|require\(["']node:/);
  });

  it("runs in a bare V8 context and serves links from the worker env", async () => {
    const context = createContext({});
    runInContext(await bundleForWorkers(), context);
    const worker = runInContext("worker.default", context);
    const env = { SST_RESOURCE_App: '{"name":"app","stage":"prod"}', MyBucket: { kind: "r2" } };
    expect(worker.fetch({}, env, {})).toBe("r2 prod");
    expect(runInContext("typeof process + typeof Buffer + typeof require", context)).toBe("undefinedundefinedundefined");
  });
});
