import { AsyncSeriesHook, SyncWaterfallHook } from "tapable";
import { describe, expect, it } from "vitest";
import { Kernel, Linkable, PluginError, SSTError, definePlugin, type Plugin, type ResolvedApp } from "@sst/core";
import { synthApp } from "@sst/core/testing";
import { Box, Thing } from "./_helpers.js";

const app: ResolvedApp = { name: "app", stage: "test", home: "local", removal: "retain", protect: false, providers: {} };
const buildInput = { name: "Api", runtime: "nodejs", handler: "src/index.handler", root: "/app", out: "/out", dev: false, properties: {}, links: {} };

/** `[path, constructor name]` for every hook, in declaration order. */
function hookList(hooks: object, prefix = ""): [string, string][] {
  const out: [string, string][] = [];
  for (const [key, value] of Object.entries(hooks)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof (value as { intercept?: unknown }).intercept === "function") out.push([path, value.constructor.name]);
    else out.push(...hookList(value, path));
  }
  return out;
}

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error("expected a rejection");
}

describe("the hooks object", () => {
  it("has exactly these hooks, in phase order, each of this tapable kind", () => {
    expect(hookList(new Kernel().hooks)).toEqual([
      ["config", "AsyncSeriesWaterfallHook"],
      ["bootstrap", "AsyncSeriesHook"],
      ["program.before", "AsyncSeriesHook"],
      ["program.after", "AsyncSeriesHook"],
      ["component", "SyncHook"],
      ["transform", "SyncWaterfallHook"],
      ["link", "SyncWaterfallHook"],
      ["receive", "SyncWaterfallHook"],
      ["build", "HookMap"],
      ["deploy.before", "AsyncSeriesHook"],
      ["deploy.after", "AsyncSeriesHook"],
      ["dev.start", "AsyncSeriesHook"],
      ["dev.stop", "AsyncSeriesHook"],
      ["dev.invocation", "SyncHook"],
    ]);
  });

  it("makes each runtime's build hook an AsyncSeriesBailHook", () => {
    expect(new Kernel().hooks.build.for("nodejs").constructor.name).toBe("AsyncSeriesBailHook");
  });

  it("is frozen, groups included, so no plugin can replace a hook", () => {
    const { hooks } = new Kernel();
    for (const group of [hooks, hooks.program, hooks.deploy, hooks.dev]) expect(Object.isFrozen(group)).toBe(true);
    expect(() => {
      (hooks as any).transform = new SyncWaterfallHook(["value"]);
    }).toThrow(TypeError);
    expect(() => {
      (hooks.deploy as any).after = new AsyncSeriesHook(["event"]);
    }).toThrow(TypeError);
  });

  it("gives every kernel its own hooks", () => {
    const a = new Kernel();
    const b = new Kernel();
    expect(a.hooks.transform).not.toBe(b.hooks.transform);
    const seen: string[] = [];
    a.hooks.deploy.before.tap("a", () => void seen.push("a"));
    return b.hooks.deploy.before.promise({ operation: "deploy", app }).then(() => expect(seen).toEqual([]));
  });
});

describe("tap order", () => {
  it("runs taps by stage, lower first, whatever the order they were added in", async () => {
    const kernel = new Kernel();
    const order: string[] = [];
    kernel.hooks.deploy.before.tap({ name: "late", stage: 10 }, () => void order.push("late"));
    kernel.hooks.deploy.before.tap("default", () => void order.push("default"));
    kernel.hooks.deploy.before.tap({ name: "early", stage: -10 }, () => void order.push("early"));
    await kernel.hooks.deploy.before.promise({ operation: "deploy", app });
    expect(order).toEqual(["early", "default", "late"]);
  });

  it("runs a tap with `before` ahead of the named plugin's tap even when added after it", async () => {
    const kernel = new Kernel();
    const order: string[] = [];
    kernel.hooks.deploy.after.tap("aws", () => void order.push("aws"));
    kernel.hooks.deploy.after.tap("other", () => void order.push("other"));
    kernel.hooks.deploy.after.tap({ name: "migrate", before: "aws" }, () => void order.push("migrate"));
    await kernel.hooks.deploy.after.promise({ operation: "deploy", app }, { ok: true, outputs: {}, errors: [] });
    expect(order).toEqual(["migrate", "aws", "other"]);
  });

  it("runs plugin transform taps before core's naming, so a plugin's value is what naming sees", async () => {
    const kernel = new Kernel();
    kernel.registry.namingRule(Thing.__pulumiType, { field: "name", max: 40 });
    kernel.hooks.transform.tap("plugin", (value) => ({ ...value, props: { ...value.props, name: "from-plugin" } }));
    const graph = await synthApp({ kernel, run: () => void new Box("Media") });
    expect(graph.get("MediaBucket").inputs.name).toBe("from-plugin");
  });
});

describe("waterfalls", () => {
  it("passes each config tap the value the previous one returned", async () => {
    const kernel = new Kernel();
    kernel.hooks.config.tap("one", (a) => ({ ...a, removal: "remove" }));
    kernel.hooks.config.tapPromise("two", async (a) => ({ ...a, name: `${a.name}-${a.removal}` }));
    const result = await kernel.hooks.config.promise(app, { configPath: "/app/sst.config.ts", command: "deploy" });
    expect(result.name).toBe("app-remove");
  });

  it("passes each link tap the payload the previous one returned, with the link's name and type", () => {
    const kernel = new Kernel();
    const contexts: unknown[] = [];
    kernel.hooks.link.tap("one", (payload, ctx) => {
      contexts.push(ctx);
      return { ...payload, properties: { ...payload.properties, a: 1 } };
    });
    kernel.hooks.link.tap("two", (payload) => ({ ...payload, properties: { ...payload.properties, b: payload.properties.a + 1 } }));
    const resource = {};
    const result = kernel.hooks.link.call({ properties: {} }, { name: "Db", type: "sst.sst.Linkable", resource });
    expect(result.properties).toEqual({ a: 1, b: 2 });
    expect(contexts).toEqual([{ name: "Db", type: "sst.sst.Linkable", resource }]);
  });
});

describe("build, keyed by runtime", () => {
  it("returns the first builder's result that is not undefined and does not call the rest", async () => {
    const kernel = new Kernel();
    const called: string[] = [];
    kernel.hooks.build.for("nodejs").tapPromise("declines", async () => {
      called.push("declines");
      return undefined;
    });
    kernel.hooks.build.for("nodejs").tapPromise("answers", async (input) => {
      called.push("answers");
      return { handler: input.handler, out: "first" };
    });
    kernel.hooks.build.for("nodejs").tapPromise("never", async () => {
      called.push("never");
      return { handler: "x", out: "second" };
    });
    const result = await kernel.hooks.build.for("nodejs").promise(buildInput);
    expect(result).toEqual({ handler: "src/index.handler", out: "first" });
    expect(called).toEqual(["declines", "answers"]);
  });

  it("keeps each runtime's builders apart", async () => {
    const kernel = new Kernel();
    kernel.hooks.build.for("python").tapPromise("py", async () => ({ handler: "py", out: "py" }));
    expect(await kernel.hooks.build.for("nodejs").promise(buildInput)).toBeUndefined();
    expect(kernel.hooks.build.get("go")).toBeUndefined();
    expect(await kernel.hooks.build.for("python").promise({ ...buildInput, runtime: "python" })).toEqual({ handler: "py", out: "py" });
  });
});

describe("errors in taps", () => {
  function expectPluginError(error: unknown, plugin: string, hook: string, reason: string, cause?: unknown) {
    expect(error).toBeInstanceOf(PluginError);
    const e = error as PluginError;
    expect(e).toBeInstanceOf(SSTError);
    expect(e.code).toBe("E_PLUGIN_FAILED");
    expect(e.plugin).toBe(plugin);
    expect(e.hook).toBe(hook);
    expect(e.message).toBe(`Plugin "${plugin}" failed in hook "${hook}": ${reason}`);
    if (cause !== undefined) expect(e.cause).toBe(cause);
  }

  it("names the plugin and hook when a sync tap throws, keeping the original as cause", () => {
    const kernel = new Kernel();
    const boom = new Error("boom");
    kernel.hooks.dev.invocation.tap("live", () => {
      throw boom;
    });
    let caught: unknown;
    try {
      kernel.hooks.dev.invocation.call({ name: "Fn", requestId: "1", phase: "start" });
    } catch (error) {
      caught = error;
    }
    expectPluginError(caught, "live", "dev.invocation", "boom", boom);
  });

  it("names the plugin and hook when a promise tap rejects", async () => {
    const kernel = new Kernel();
    kernel.hooks.deploy.before.tapPromise("guard", async () => {
      throw new Error("not on Fridays");
    });
    expectPluginError(await rejection(kernel.hooks.deploy.before.promise({ operation: "deploy", app })), "guard", "deploy.before", "not on Fridays");
  });

  it("names the plugin and hook when a callback-style tap fails", async () => {
    const kernel = new Kernel();
    kernel.hooks.dev.start.tapAsync("tunnel", (_ctx, callback) => callback(new Error("no route")));
    expectPluginError(await rejection(kernel.hooks.dev.start.promise({ app })), "tunnel", "dev.start", "no route");
  });

  it("names the plugin and the build hook when a builder throws", async () => {
    const kernel = new Kernel();
    kernel.hooks.build.for("rust").tapPromise("rust-builder", async () => {
      throw new Error("cargo missing");
    });
    expectPluginError(await rejection(kernel.hooks.build.for("rust").promise(buildInput)), "rust-builder", "build", "cargo missing");
  });

  it("names the plugin when a tap throws something that is not an Error", async () => {
    const kernel = new Kernel();
    kernel.hooks.config.tap("odd", () => {
      throw "a string";
    });
    expectPluginError(await rejection(kernel.hooks.config.promise(app, { configPath: "", command: "" })), "odd", "config", "a string");
  });

  it("lets an SSTError thrown by a tap through unchanged: it is already about the user's input", async () => {
    const kernel = new Kernel();
    const userError = new SSTError({ code: "E_SOMETHING", message: "fix your input" });
    kernel.hooks.deploy.before.tapPromise("checks", async () => {
      throw userError;
    });
    kernel.hooks.component.tap("checks", () => {
      throw userError;
    });
    expect(await rejection(kernel.hooks.deploy.before.promise({ operation: "deploy", app }))).toBe(userError);
    expect(() => kernel.hooks.component.call({} as never)).toThrow(userError);
  });

  it("reports a transform tap's failure during a synth as the plugin's", async () => {
    const kernel = new Kernel();
    kernel.hooks.transform.tap("tagger", () => {
      throw new Error("cannot tag");
    });
    const error = await rejection(synthApp({ kernel, run: () => void new Thing("Raw") }));
    expectPluginError(error, "tagger", "transform", "cannot tag");
  });
});

describe("plugins", () => {
  it("definePlugin returns the plugin as given", () => {
    const plugin = { name: "p", apply() {} };
    expect(definePlugin(plugin)).toBe(plugin);
  });

  it.each([
    [{ apply() {} }, "definePlugin: a plugin needs a non-empty `name`"],
    [{ name: "", apply() {} }, "definePlugin: a plugin needs a non-empty `name`"],
    [{ name: 3, apply() {} }, "definePlugin: a plugin needs a non-empty `name`"],
    [{ name: "p" }, 'definePlugin: plugin "p" needs an `apply(kernel)` function'],
    [null, "definePlugin: a plugin needs a non-empty `name`"],
  ])("definePlugin rejects %j", (plugin, message) => {
    expect(() => definePlugin(plugin as never)).toThrow(new TypeError(message));
  });

  it("applies each plugin once, with the kernel, in the order given", () => {
    const applied: [string, Kernel][] = [];
    const make = (name: string) => definePlugin({ name, apply: (k) => void applied.push([name, k]) });
    const kernel = new Kernel({ plugins: [make("a"), make("b")] });
    kernel.use(make("c"));
    expect(applied.map(([n]) => n)).toEqual(["a", "b", "c"]);
    expect(applied.every(([, k]) => k === kernel)).toBe(true);
    expect(kernel.plugins.map((p) => p.name)).toEqual(["a", "b", "c"]);
  });

  it("refuses a plugin name that is already in use, without applying it again", () => {
    let applies = 0;
    const plugin = definePlugin({ name: "aws", apply: () => void applies++ });
    const kernel = new Kernel({ plugins: [plugin] });
    expect(() => kernel.use(plugin)).toThrow(expect.objectContaining({ code: "E_PLUGIN_DUPLICATE", message: 'Plugin "aws" is added twice' }));
    expect(() => kernel.use({ name: "aws", apply: () => void applies++ })).toThrow(expect.objectContaining({ code: "E_PLUGIN_DUPLICATE" }));
    expect(() => new Kernel({ plugins: [plugin, plugin] })).toThrow('Plugin "aws" is added twice');
    expect(applies).toBe(2); // once per kernel, never twice in one
  });

  it("lets a plugin expose hooks of its own that other plugins tap through kernel.plugin(name)", () => {
    const functionBuild = definePlugin({
      name: "fnbuild",
      hooks: { bundle: new SyncWaterfallHook<[string[]]>(["files"]) },
      apply() {},
    });
    const extra = definePlugin({
      name: "extra",
      apply(kernel) {
        kernel.plugin<typeof functionBuild>("fnbuild")!.hooks!.bundle.tap("extra", (files) => [...files, "extra.js"]);
      },
    });
    const kernel = new Kernel({ plugins: [functionBuild, extra] });
    expect(kernel.plugin<typeof functionBuild>("fnbuild")!.hooks!.bundle.call(["index.js"])).toEqual(["index.js", "extra.js"]);
    expect(kernel.plugin("missing")).toBeUndefined();
  });

  it("returns the kernel from use, so calls chain", () => {
    const kernel = new Kernel();
    expect(kernel.use({ name: "a", apply() {} }).use({ name: "b", apply() {} })).toBe(kernel);
  });
});

describe("program and component hooks during a run", () => {
  it("lets program.before add globals run() sees, and program.after see run()'s outputs", async () => {
    const kernel = new Kernel();
    let after: unknown;
    kernel.hooks.program.before.tap("ns", (ctx) => {
      ctx.globals.greeting = `hi ${ctx.app.name}/${ctx.app.stage}`;
    });
    kernel.hooks.program.after.tap("ns", (_ctx, result) => {
      after = result.outputs;
    });
    const graph = await synthApp({ kernel, run: () => ({ seen: (globalThis as any).greeting }) });
    expect(graph.outputs).toEqual({ seen: "hi app/test" });
    expect(after).toEqual({ seen: "hi app/test" });
    expect((globalThis as any).greeting).toBeUndefined();
  });

  it("calls component for every SST component, nested ones included, with the instance", async () => {
    const kernel = new Kernel();
    const seen: unknown[] = [];
    kernel.hooks.component.tap("watch", (c) => void seen.push(c));
    let outer: Box | undefined;
    let link: Linkable | undefined;
    await synthApp({
      kernel,
      run() {
        outer = new Box("Outer", { inner: true });
        link = new Linkable("Settings", { properties: {} });
      },
    });
    expect(seen).toEqual([outer, outer!.inner, link]);
  });
});
