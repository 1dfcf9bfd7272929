import { describe, expect, it } from "vitest";
import { Resource, ResourceError, linksFromCloudflareEnv, wrapCloudflareHandler } from "../src/cloudflare.js";

const resource = Resource as unknown as Record<string, any>;
const app = { name: "myapp", stage: "production" };
const r2 = { get: () => "object", put: () => undefined }; // stands in for an R2Bucket binding

describe("linksFromCloudflareEnv", () => {
  it("parses SST_RESOURCE_ strings, keeps binding objects as they are and ignores other strings", () => {
    const links = linksFromCloudflareEnv({
      SST_RESOURCE_App: JSON.stringify(app),
      SST_RESOURCE_MySecret: '{"value":"s","type":"sst.sst.Secret"}',
      MyBucket: r2,
      PLAIN_VAR: "hello",
    });
    expect({ ...links }).toEqual({ App: app, MySecret: { value: "s", type: "sst.sst.Secret" }, MyBucket: r2 });
    expect(links.MyBucket).toBe(r2);
  });

  it("applies SST_RESOURCES_JSON under SST_RESOURCE_<Name>, like Node", () => {
    const links = linksFromCloudflareEnv({
      SST_RESOURCES_JSON: JSON.stringify({ A: { v: "json" }, B: { v: "json" } }),
      SST_RESOURCE_B: '{"v":"env"}',
    });
    expect({ ...links }).toEqual({ A: { v: "json" }, B: { v: "env" } });
  });

  it("fails with kind json on a string that is not a JSON object", () => {
    expect(() => linksFromCloudflareEnv({ SST_RESOURCE_X: "nope" })).toThrowError(expect.objectContaining({ kind: "json" }));
  });
});

// The tests below share the isolate-wide Resource, as requests in one worker do; each uses its own names.
describe("wrapCloudflareHandler, module handlers", () => {
  it("feeds each handler's env into Resource before the handler runs", async () => {
    const seen: unknown[] = [];
    const worker = wrapCloudflareHandler({
      async fetch(_request: Request, _env: unknown, _ctx: unknown) {
        seen.push(resource.App, resource.MyBucket);
        return new Response("ok");
      },
    });
    const env = { SST_RESOURCE_App: JSON.stringify(app), MyBucket: r2 };
    const response = await worker.fetch(new Request("https://x.test/"), env, {});
    expect(await response.text()).toBe("ok");
    expect(seen).toEqual([app, r2]);
  });

  it("wraps scheduled, queue and any other handler, keeps `this` and non-function members", async () => {
    const worker = wrapCloudflareHandler({
      version: 3,
      helper() {
        return "helped";
      },
      scheduled(this: { helper(): string }, _controller: unknown, _env: unknown) {
        return `${this.helper()} ${resource.Cron.schedule}`;
      },
      queue(_batch: unknown, _env: unknown) {
        return resource.Jobs;
      },
    });
    expect(worker.version).toBe(3);
    expect(await worker.scheduled({}, { SST_RESOURCE_Cron: '{"schedule":"daily"}' })).toBe("helped daily");
    const queueBinding = { send: () => undefined };
    expect(await worker.queue({}, { Jobs: queueBinding })).toBe(queueBinding);
  });
});

describe("wrapCloudflareHandler, class entrypoints", () => {
  class Entrypoint {
    constructor(
      readonly ctx: unknown,
      readonly env: Record<string, unknown>,
    ) {}
  }

  it("feeds the constructor's env into Resource and stays a subclass of the user's class", () => {
    class MyWorker extends Entrypoint {
      fetch() {
        return resource.Kv;
      }
    }
    const kv = { get: () => null };
    const Wrapped = wrapCloudflareHandler(MyWorker);
    const instance = new Wrapped({}, { Kv: kv, SST_RESOURCE_App: JSON.stringify(app) });
    expect(instance).toBeInstanceOf(MyWorker);
    expect(instance).toBeInstanceOf(Entrypoint);
    expect(Wrapped.name).toBe("MyWorker");
    expect(instance.fetch()).toBe(kv);
    expect(instance.env.Kv).toBe(kv);
  });
});

describe("Resource on Workers", () => {
  it("says a name missing from every env is not linked", () => {
    try {
      resource.NeverBound;
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ResourceError);
      expect((error as ResourceError).kind).toBe("not_found");
      expect((error as ResourceError).message).toBe('"NeverBound" is not linked in your sst.config.ts');
    }
  });

  it("reports a bad SST_RESOURCE_ string when Resource is read, not when the request arrives", async () => {
    const worker = wrapCloudflareHandler({
      fetch: (_req: unknown, _env: unknown) => "handled",
      read: (_req: unknown, _env: unknown) => resource.App,
    });
    expect(worker.fetch({}, { SST_RESOURCE_Broken: "{" })).toBe("handled");
    expect(() => worker.read({}, {})).toThrowError(expect.objectContaining({ kind: "json" }));
  });
});
