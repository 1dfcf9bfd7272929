// Without the wrapper, Resource on Workers reads `env` from `cloudflare:workers` by itself.
import { describe, expect, it, vi } from "vitest";

vi.mock("cloudflare:workers", () => ({
  env: { SST_RESOURCE_App: '{"name":"myapp","stage":"production"}', MyBucket: { kind: "r2" } },
}));

describe("Resource on Workers without wrapCloudflareHandler", () => {
  it("loads the isolate's env from cloudflare:workers when running in workerd", async () => {
    vi.stubGlobal("navigator", { userAgent: "Cloudflare-Workers" });
    const { Resource } = await import("../src/cloudflare.js");
    await vi.waitFor(() => expect((Resource as any).MyBucket).toEqual({ kind: "r2" }));
    expect(Resource.App).toEqual({ name: "myapp", stage: "production" });
    vi.unstubAllGlobals();
  });
});
