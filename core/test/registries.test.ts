import { describe, expect, it } from "vitest";
import { Kernel, definePlugin, providerAlias, providerPackage } from "@sst/core";
import { synthApp } from "@sst/core/testing";
import { Box, Crate } from "./_helpers.js";

describe("component registry", () => {
  it("builds the sst namespace from dotted paths", () => {
    const { registry } = new Kernel();
    registry.component("test.Box", Box);
    registry.component("test.nested.Crate", Crate);
    const base = { Linkable: "base" };
    const ns = registry.namespace(base);
    expect(ns).toEqual({ Linkable: "base", test: { Box, nested: { Crate } } });
    expect(base).toEqual({ Linkable: "base" });
  });

  it.each(["", "test..Box", ".Box", "test.Box.", "1test.Box", "test.Bo-x"])("rejects the path %j", (path) => {
    expect(() => new Kernel().registry.component(path, Box)).toThrow(
      new TypeError(`Component path "${path}" must be dotted identifiers, like "aws.Bucket"`),
    );
  });

  it("refuses two classes under one path, and accepts the same class again", () => {
    const { registry } = new Kernel();
    registry.component("test.Box", Box);
    expect(() => registry.component("test.Box", Box)).not.toThrow();
    expect(() => registry.component("test.Box", Crate)).toThrow(new TypeError('Component "sst.test.Box" is registered twice'));
  });

  it("registers a plugin's components object under the paths its nesting spells, before apply runs", () => {
    let seenInApply: unknown;
    const components = { test: { Box, nested: { Crate } } };
    const kernel = new Kernel({
      plugins: [definePlugin({ name: "p", components, apply: (k) => void (seenInApply = k.registry.components.get("test.Box")) })],
    });
    expect([...kernel.registry.components]).toEqual([["test.Box", Box], ["test.nested.Crate", Crate]]);
    expect(kernel.registry.namespace()).toEqual(components);
    expect(seenInApply).toBe(Box);
  });

  it("refuses components that are not an object", () => {
    expect(() => definePlugin({ name: "p", components: "Box" as never, apply() {} })).toThrow(
      new TypeError('definePlugin: the `components` of plugin "p" must be an object like { hello: { Greeting } }'),
    );
  });

  it("keeps each kernel's registrations apart", () => {
    const a = new Kernel();
    a.registry.component("test.Box", Box);
    a.registry.retain("x:y:Z");
    const b = new Kernel();
    expect(b.registry.namespace()).toEqual({});
    expect(b.registry.retained.size).toBe(0);
  });
});

describe("provider packages", () => {
  it("takes the provider's package field, then a plugin's registration, then @pulumi/<name>", () => {
    const { registry } = new Kernel();
    registry.providerPackage("vercel", "@pulumiverse/vercel");
    expect(providerPackage("vercel", { package: "my-vercel" }, registry)).toBe("my-vercel");
    expect(providerPackage("vercel", {}, registry)).toBe("@pulumiverse/vercel");
    expect(providerPackage("random", {}, registry)).toBe("@pulumi/random");
  });

  it("names the global after the provider, dashes dropped", () => {
    expect(providerAlias("aws")).toBe("aws");
    expect(providerAlias("vercel-dns")).toBe("verceldns");
  });

  it("installs a provider's namespace from the package a plugin registered for it", async () => {
    const plugin = definePlugin({ name: "p", apply: (kernel) => kernel.registry.providerPackage("amazon", "@pulumi/aws") });
    let amazon: any;
    await synthApp({ plugins: [plugin], app: { providers: { amazon: "7.48.0" } }, run: () => void (amazon = (globalThis as any).amazon) });
    expect(amazon.s3.BucketV2.__pulumiType).toBe("aws:s3/bucketV2:BucketV2");
  });
});
