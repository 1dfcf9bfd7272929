/** sst.cloudflare.Worker under synth: its script, URL, domain, environment, transform keys and nodes. */
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { Worker } from "@sst/cloudflare";
import { sstError } from "../../../core/test/_helpers.js";
import { ACCOUNT, bindingsOf, synthCloudflare } from "./_app.js";

const SCRIPT = "cloudflare:index/workersScript:WorkersScript";

describe("sst.cloudflare.Worker", () => {
  it("is sst.cloudflare.Worker in the sst namespace", async () => {
    let seen: unknown;
    await synthCloudflare(() => void (seen = (globalThis as any).sst.cloudflare.Worker));
    expect(seen).toBe(Worker);
  });

  it("creates one ES-module script in the account, named <app>-<stage>-<name>, for workerd with nodejs_compat", async () => {
    const graph = await synthCloudflare(() => void new Worker("Api", { handler: "src/index.ts" }));
    const script = graph.get("ApiScript", SCRIPT);
    expect(script.inputs).toMatchObject({
      accountId: ACCOUNT,
      mainModule: "index.mjs",
      compatibilityDate: "2025-05-05",
      compatibilityFlags: ["nodejs_compat"],
    });
    expect(script.inputs.scriptName).toMatch(/^app-test-apiscript-[abcdefhkmnorstuvwxz]{8}$/);
    expect(script.ignoreChanges).toContain("scriptName");
    // Builds are skipped under synth: the bundle's place in the artifact, no hash.
    expect(script.inputs.contentFile).toMatch(/\/\.sst\/artifacts\/Api\/index\.mjs$/);
    expect(script.inputs.contentSha256).toBe("");
    expect(graph.parent(script)!.type).toBe("sst:cloudflare:Worker");
  });

  it("always binds SST_RESOURCE_App, and binds environment values as plain text", async () => {
    const graph = await synthCloudflare(() => void new Worker("Api", { handler: "index.ts", environment: { DEBUG: "true" } }));
    expect(bindingsOf(graph, "Api")).toEqual([
      { name: "SST_RESOURCE_App", type: "plain_text", text: '{"name":"app","stage":"test"}' },
      { name: "DEBUG", type: "plain_text", text: "true" },
    ]);
  });

  it("has no URL by default and creates no route", async () => {
    let url: unknown = "unset";
    const graph = await synthCloudflare(() => {
      const api = new Worker("Api", { handler: "index.ts" });
      return { url: api.url };
    });
    url = graph.outputs.url;
    expect(url).toBeUndefined();
    expect(graph.byType("cloudflare:index/workersScriptSubdomain:WorkersScriptSubdomain")).toEqual([]);
  });

  it("with url: true enables workers.dev for the script, and its URL is https://<script>.<account subdomain>.workers.dev", async () => {
    const graph = await synthCloudflare(() => ({ url: new Worker("Api", { handler: "index.ts", url: true }).url }));
    const script = graph.get("ApiScript", SCRIPT);
    graph.expectInputs(graph.get("ApiSubdomain"), { accountId: ACCOUNT, scriptName: script.inputs.scriptName, enabled: true });
    expect(graph.outputs.url).toBe(`https://${script.inputs.scriptName}.my-team.workers.dev`);
  });

  it("with a domain attaches it in the zone that holds it (the longest match) and serves https://<domain>", async () => {
    const graph = await synthCloudflare(() => ({ url: new Worker("Api", { handler: "index.ts", url: true, domain: "api.dev.example.com" }).url }));
    const script = graph.get("ApiScript", SCRIPT);
    graph.expectInputs(graph.get("ApiDomain", "cloudflare:index/workersCustomDomain:WorkersCustomDomain"), {
      accountId: ACCOUNT,
      hostname: "api.dev.example.com",
      service: script.inputs.scriptName,
      zoneId: "zone-dev",
    });
    expect(graph.outputs.url).toBe("https://api.dev.example.com");
  });

  it("fails in one line naming the domain when no zone of the account holds it", async () => {
    const error = await sstError(() => synthCloudflare(() => void new Worker("Api", { handler: "index.ts", domain: "api.nowhere.net" })));
    expect(error.code).toBe("E_CLOUDFLARE_ZONE");
    // The user error's own message (Pulumi's "error serializing property" prefix does not stick to an SSTError).
    expect(error.message).toBe(`No Cloudflare zone of account ${ACCOUNT} holds "api.nowhere.net".`);
  });

  it("applies each transform key to its resource", async () => {
    const graph = await synthCloudflare(
      () =>
        void new Worker("Api", {
          handler: "index.ts",
          url: true,
          domain: "api.example.com",
          transform: {
            worker: { logpush: true },
            subdomain: (args) => void (args.previewsEnabled = true),
            domain: { environment: "production" },
          },
        }),
    );
    expect(graph.get("ApiScript").inputs.logpush).toBe(true);
    expect(graph.get("ApiSubdomain").inputs.previewsEnabled).toBe(true);
    expect(graph.get("ApiDomain").inputs.environment).toBe("production");
  });

  it("exposes its resources as nodes", async () => {
    let nodes: Record<string, unknown> = {};
    await synthCloudflare(() => void (nodes = { ...new Worker("Api", { handler: "index.ts", url: true }).nodes }));
    expect(Object.keys(nodes)).toEqual(["worker", "subdomain"]);
    expect((nodes.worker as { constructor: { __pulumiType: string } }).constructor.__pulumiType).toBe(SCRIPT);
  });

  it("needs a handler", async () => {
    const error = await sstError(() => synthCloudflare(() => void new Worker("Api", {} as never)));
    expect(error.code).toBe("E_CLOUDFLARE_WORKER_HANDLER");
    expect(error.message).toBe('sst.cloudflare.Worker "Api" needs a `handler`.');
  });

  it("needs an account, and says where to set it", async () => {
    const saved = process.env.CLOUDFLARE_DEFAULT_ACCOUNT_ID;
    delete process.env.CLOUDFLARE_DEFAULT_ACCOUNT_ID;
    try {
      const error = await sstError(() => synthCloudflare(() => void new Worker("Api", { handler: "index.ts" }), { providers: { cloudflare: {} } }));
      expect(error.code).toBe("E_CLOUDFLARE_ACCOUNT");
      expect(error.message).toBe('sst.cloudflare.Worker "Api" needs a Cloudflare account ID: CLOUDFLARE_DEFAULT_ACCOUNT_ID is not set.');
      expect(error.hint).toContain("providers.cloudflare.accountId");
    } finally {
      if (saved !== undefined) process.env.CLOUDFLARE_DEFAULT_ACCOUNT_ID = saved;
    }
  });

  it("takes the account from CLOUDFLARE_DEFAULT_ACCOUNT_ID when the config names none", async () => {
    const saved = process.env.CLOUDFLARE_DEFAULT_ACCOUNT_ID;
    process.env.CLOUDFLARE_DEFAULT_ACCOUNT_ID = "from-env";
    try {
      const graph = await synthCloudflare(() => void new Worker("Api", { handler: "index.ts" }), { providers: { cloudflare: {} } });
      expect(graph.get("ApiScript").inputs.accountId).toBe("from-env");
    } finally {
      if (saved === undefined) delete process.env.CLOUDFLARE_DEFAULT_ACCOUNT_ID;
      else process.env.CLOUDFLARE_DEFAULT_ACCOUNT_ID = saved;
    }
  });

  it("get() reads an existing script by name with the account in its state, builds nothing, and links as a service", async () => {
    const graph = await synthCloudflare(() => {
      const auth = Worker.get("Auth", "existing-auth");
      new Worker("Api", { handler: "index.ts", link: [auth] });
      return { url: auth.url };
    });
    const read = graph.get("AuthScript", SCRIPT);
    expect([read.read, read.id, read.inputs.accountId]).toEqual([true, "existing-auth", ACCOUNT]);
    expect(graph.byType(SCRIPT).filter((r) => !r.read).map((r) => r.name)).toEqual(["ApiScript"]);
    expect(bindingsOf(graph, "Api")[1]).toEqual({ name: "Auth", type: "service", service: "existing-auth" });
    expect(graph.outputs.url).toBeUndefined();
  });

  it("serves static assets from a directory resolved from the app root", async () => {
    const root = join(import.meta.dirname, "fixtures");
    const graph = await synthCloudflare(() => void new Worker("Site", { handler: "index.ts", assets: { directory: "public" } }), { root });
    expect(graph.get("SiteScript").inputs.assets).toEqual({ directory: join(root, "public") });
  });

  it("registers the handler's directory as a link receiver, for sst-env.d.ts", async () => {
    const graph = await synthCloudflare(() => void new Worker("Api", { handler: "packages/api/src/index.ts" }));
    expect(graph.result.receivers).toContain("packages/api/src");
  });
});
