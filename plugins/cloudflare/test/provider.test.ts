/** The plugin's registrations: the default provider (credentials out of state), naming rules, the home, auto-application. */
import { describe, expect, it } from "vitest";
import { Kernel } from "@sst/core";
import { cloudflare, cloudflareProvider, NAMING } from "@sst/cloudflare";
import { ACCOUNT, synthCloudflare } from "./_app.js";
import { Worker } from "@sst/cloudflare";

describe("the default cloudflare provider", () => {
  it("passes credentials and the account as env, never as provider inputs (the state)", () => {
    const spec = cloudflareProvider({ config: { apiToken: "tok", accountId: ACCOUNT, baseUrl: "https://api.example" }, app: {} as never });
    expect(spec).toEqual({ args: { baseUrl: "https://api.example" }, env: { CLOUDFLARE_API_TOKEN: "tok", CLOUDFLARE_DEFAULT_ACCOUNT_ID: ACCOUNT } });
    expect(cloudflareProvider({ config: { apiKey: "k", email: "e@x" }, app: {} as never }).env).toEqual({ CLOUDFLARE_API_KEY: "k", CLOUDFLARE_EMAIL: "e@x" });
  });

  it("is created once as sst:cloudflare without the token, and every cloudflare resource uses it", async () => {
    const graph = await synthCloudflare(() => void new Worker("Api", { handler: "index.ts", url: true }), {
      providers: { cloudflare: { accountId: ACCOUNT, apiToken: "super-secret-token" } },
    });
    const [provider, ...others] = graph.byType("pulumi:providers:cloudflare");
    expect(others).toEqual([]);
    expect(provider!.name).toBe("sst:cloudflare");
    expect(JSON.stringify(graph.result)).not.toContain("super-secret-token");
    const resources = graph.resources.filter((r) => r.type.startsWith("cloudflare:"));
    expect(resources.length).toBe(2);
    for (const r of resources) expect(r.provider).toContain("sst:cloudflare");
  });
});

describe("the plugin", () => {
  it("registers a naming rule for every resource type it names, the cloudflare home and the worker builder", () => {
    const kernel = new Kernel({ plugins: [cloudflare()] });
    expect([...kernel.registry.naming.keys()].sort()).toEqual(Object.keys(NAMING).sort());
    expect(kernel.registry.homes.has("cloudflare")).toBe(true);
    expect(kernel.registry.defaultProviders.has("cloudflare")).toBe(true);
    expect(kernel.hooks.build.get("worker")?.taps.map((t) => t.name)).toEqual(["cloudflare"]);
    expect([...kernel.registry.retained].sort()).toEqual([
      "cloudflare:index/d1Database:D1Database",
      "cloudflare:index/queue:Queue",
      "cloudflare:index/r2Bucket:R2Bucket",
      "cloudflare:index/workersKvNamespace:WorkersKvNamespace",
    ]);
  });
});
