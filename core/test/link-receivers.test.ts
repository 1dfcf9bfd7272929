/** Links and their receivers: the `link` hook's context, resolving for a receiver, the `receive` hook. */
import * as pulumi from "@pulumi/pulumi";
import { describe, expect, it } from "vitest";
import {
  Component,
  Kernel,
  Linkable,
  definePlugin,
  linkEnvironment,
  linkProperties,
  rawLink,
  resolveLinks,
  type LinkContext,
  type LinkReceiver,
  type ResolvedLink,
} from "@sst/core";
import { synthApp } from "@sst/core/testing";
import { Box, Thing, sstError } from "./_helpers.js";

/** Resolves an Output inside a run (the mocks resolve everything). */
const value = <T>(output: pulumi.Input<T>) => new Promise<T>((resolve) => pulumi.output(output).apply((v) => resolve(v as T)));

describe("the link hook", () => {
  it("runs every link through the plugins' taps, which may change properties and includes", async () => {
    const kernel = new Kernel();
    const seen: unknown[] = [];
    kernel.hooks.link.tap("perms", (payload, ctx) => {
      seen.push(ctx);
      const perms = (payload.include ?? []).filter((i) => i.type === "test.permission");
      return {
        properties: { ...payload.properties, permissions: perms.length },
        include: [...(payload.include ?? []).filter((i) => i.type !== "test.permission"), Linkable.env({ FROM_PLUGIN: ctx.name })],
      };
    });
    const graph = await synthApp({
      kernel,
      run: () => void new Linkable("Settings", { properties: { a: 1 }, include: [{ type: "test.permission" }] }),
    });
    expect(seen).toEqual([{ name: "Settings", type: "sst.sst.Linkable", resource: expect.any(Linkable), receiver: undefined }]);
    expect(graph.links[0]).toEqual({
      name: "Settings",
      type: "sst.sst.Linkable",
      properties: { a: 1, permissions: 1 },
      include: [{ type: "environment", env: { FROM_PLUGIN: "Settings" } }],
    });
  });

  it("gives taps a copy: changing it in place leaves the linkable's own definition alone", async () => {
    const kernel = new Kernel();
    kernel.hooks.link.tap("mutator", (payload) => {
      payload.properties.added = true;
      payload.include!.push({ type: "x" });
      return payload;
    });
    let definition: unknown;
    await synthApp({
      kernel,
      run() {
        const l = new Linkable("Settings", { properties: { a: 1 }, include: [] });
        resolveLinks([l]);
        definition = l.getSSTLink();
      },
    });
    expect(definition).toEqual({ properties: { a: 1 }, include: [] });
  });
});

describe("resolving links for a receiver", () => {
  it("merges the environment includes of every link, later links winning", async () => {
    const kernel = new Kernel();
    kernel.hooks.link.tap("env", (payload, ctx) => ({ ...payload, include: [...(payload.include ?? []), Linkable.env({ [`${ctx.name.toUpperCase()}_SEEN`]: "1" })] }));
    let env: Record<string, pulumi.Input<string>> = {};
    let properties: Record<string, unknown> = {};
    let links: ResolvedLink[] = [];
    await synthApp({
      kernel,
      async run() {
        const a = new Linkable("A", { properties: { x: 1 }, include: [Linkable.env({ SHARED: "a", ONLY_A: "a" })] });
        const b = new Linkable("B", { properties: { y: 2 }, include: [Linkable.env({ SHARED: "b" }), { type: "aws.permission" }] });
        links = resolveLinks([a, b]);
        env = linkEnvironment(links);
        properties = await value(linkProperties(links));
      },
    });
    expect(env).toEqual({ SHARED: "b", ONLY_A: "a", A_SEEN: "1", B_SEEN: "1" });
    // The wire shape: `type` joins the properties here, and only here.
    expect(properties).toEqual({ A: { x: 1, type: "sst.sst.Linkable" }, B: { y: 2, type: "sst.sst.Linkable" } });
    expect(links.map((l) => l.properties)).toEqual([{ x: 1 }, { y: 2 }]);
  });

  it("ignores includes that are not environment includes", () => {
    const links: ResolvedLink[] = [
      { name: "A", type: "t", properties: {}, include: [{ type: "aws.permission", env: { NOPE: "1" } }, { type: "environment", env: { YES: "1" } }] },
    ];
    expect(linkEnvironment(links)).toEqual({ YES: "1" });
  });

  it("refuses to link something that is not linkable, and says how to make it so", async () => {
    const error = await sstError(() => synthApp({ run: () => void rawLink(new Thing("Plain")) }));
    expect(error.code).toBe("E_LINK_NOT_LINKABLE");
    expect(error.message).toBe('"Plain" (test.index.Thing) cannot be linked.');
    expect(error.hint).toContain("sst.Linkable.wrap(Class");
  });
});

/** A receiver: a component that takes `link: [...]`, as functions and containers do. */
class Fn extends Component {
  static readonly __pulumiType = "sst:test:Fn";
  readonly links: ResolvedLink[];
  constructor(name: string, args: { link?: unknown[] } = {}, opts?: pulumi.ComponentResourceOptions) {
    super(Fn.__pulumiType, name, {}, opts);
    this.links = resolveLinks(args.link, this);
  }
}

/** A raw resource a plugin creates for a receiver. */
class Policy extends pulumi.CustomResource {
  static readonly __pulumiType = "test:index:Policy";
  constructor(name: string, args: { statements: unknown[] }, opts?: pulumi.CustomResourceOptions) {
    super(Policy.__pulumiType, name, { ...args }, opts);
  }
}

/**
 * A toy provider plugin, written against the public contract only: every `test.permission` include a receiver
 * gets becomes one statement of ONE policy under the receiving component, made with the receiver's provider.
 */
const permissions = (seen: LinkReceiver[] = []) =>
  definePlugin({
    name: "perms",
    apply(kernel) {
      kernel.hooks.receive.tap("perms", (links, receiver) => {
        seen.push(receiver);
        const statements = links.flatMap((link) =>
          link.include.filter((i) => i.type === "test.permission").map((i) => ({ link: link.name, actions: i.actions })),
        );
        if (statements.length && receiver.component) {
          new Policy(`${receiver.name}Policy`, { statements }, { parent: receiver.component, provider: receiver.provider("test") });
        }
        return links.map((link) => ({ ...link, include: link.include.filter((i) => i.type !== "test.permission") }));
      });
    },
  });

const permission = (...actions: string[]) => ({ type: "test.permission", actions });

/** A provider of the `test` package, as a plugin's default or a user's explicit provider would be. */
class TestProvider extends pulumi.ProviderResource {
  constructor(name: string) {
    super("test", name, {});
  }
}

describe("links that know their receiver", () => {
  it("turns the permission includes of all a receiver's links into one policy under it, with its provider", async () => {
    const seen: LinkReceiver[] = [];
    let account: pulumi.ProviderResource | undefined;
    let api: Fn | undefined;
    const graph = await synthApp({
      plugins: [permissions(seen)],
      run() {
        const provider = new TestProvider("Account");
        account = provider;
        const a = new Linkable("A", { properties: { x: 1 }, include: [permission("a:read"), Linkable.env({ A: "1" })] });
        const b = new Linkable("B", { properties: {}, include: [permission("b:write", "b:read")] });
        const c = new Linkable("C", { properties: {} });
        api = new Fn("Api", { link: [a, b, c] }, { providers: [provider] });
        new Fn("Worker", { link: [c] });
      },
    });
    const policies = graph.byType("test:index:Policy");
    expect(policies.map((p) => [p.name, graph.parent(p)!.name])).toEqual([["ApiPolicy", "Api"]]);
    expect(policies[0]!.inputs.statements).toEqual([
      { link: "A", actions: ["a:read"] },
      { link: "B", actions: ["b:write", "b:read"] },
    ]);
    expect(seen.map((r) => [r.name, r.type, r.component?.componentName])).toEqual([
      ["Api", "sst.test.Fn", "Api"],
      ["Worker", "sst.test.Fn", "Worker"],
    ]);
    expect(seen[0]!.provider("test")).toBe(account);
    expect(seen[1]!.provider("test")).toBeUndefined();
    // What the plugin consumed is gone from the receiver's links; the state still records the link as given.
    expect(api!.links.map((l) => [l.name, l.include])).toEqual([
      ["A", [{ type: "environment", env: { A: "1" } }]],
      ["B", []],
      ["C", []],
    ]);
    expect(graph.links.find((l) => l.name === "B")!.include).toEqual([permission("b:write", "b:read")]);
  });

  it("gives link taps the linked resource and the receiver, so a link can differ per receiver", async () => {
    const contexts: LinkContext[] = [];
    const kernel = new Kernel();
    kernel.hooks.link.tap("per-receiver", (payload, ctx) => {
      contexts.push(ctx);
      return ctx.receiver?.type === "sst.test.Fn" ? { ...payload, properties: { ...payload.properties, via: ctx.receiver.name } } : payload;
    });
    let settings: Linkable | undefined;
    let api: Fn | undefined;
    const graph = await synthApp({
      kernel,
      run() {
        settings = new Linkable("Settings", { properties: { a: 1 } });
        api = new Fn("Api", { link: [settings] });
      },
    });
    expect(contexts.map((c) => [c.name, c.type, c.resource === settings, c.receiver?.component === api])).toEqual([
      ["Settings", "sst.sst.Linkable", true, true],
      ["Settings", "sst.sst.Linkable", true, false],
    ]);
    expect(contexts[1]!.receiver).toBeUndefined();
    expect(api!.links[0]!.properties).toEqual({ a: 1, via: "Api" });
    expect(graph.links[0]!.properties).toEqual({ a: 1 });
  });

  it("calls receive once per receiver with all its links, also for a receiver that is not a component", async () => {
    const calls: [string, string[], boolean][] = [];
    const kernel = new Kernel();
    kernel.hooks.receive.tap("count", (links, receiver) => {
      calls.push([receiver.name, links.map((l) => l.name), receiver.component !== undefined]);
      return links;
    });
    await synthApp({
      kernel,
      run() {
        const a = new Linkable("A", { properties: {} });
        const b = new Linkable("B", { properties: {} });
        new Fn("Api", { link: [a, b] });
        resolveLinks([b], { name: "Dev", type: "sst.live.Dev", provider: () => undefined });
      },
    });
    expect(calls).toEqual([
      ["Api", ["A", "B"], true],
      ["Dev", ["B"], false],
    ]);
  });

  it("asks a linkable for its payload once, however many receivers link it", async () => {
    let calls = 0;
    class Counted extends Linkable {
      override getSSTLink() {
        calls++;
        return super.getSSTLink();
      }
    }
    await synthApp({
      run() {
        const db = new Counted("Db", { properties: { host: "h" } });
        for (const name of ["One", "Two", "Three"]) new Fn(name, { link: [db] });
      },
    });
    expect(calls).toBe(1);
  });

  it("links a resource listed twice once", async () => {
    let api: Fn | undefined;
    await synthApp({
      run() {
        const a = new Linkable("A", { properties: {} });
        api = new Fn("Api", { link: [a, a] });
      },
    });
    expect(api!.links.map((l) => l.name)).toEqual(["A"]);
  });

  it("links a child component under its own name, without recording it in the state", async () => {
    let api: Fn | undefined;
    const graph = await synthApp({
      run() {
        const media = new Box("Media", { inner: true });
        api = new Fn("Api", { link: [media.inner] });
      },
    });
    expect(api!.links).toEqual([{ name: "MediaInner", type: "sst.test.Box", properties: { bucketId: expect.anything(), size: 1 }, include: [] }]);
    expect(graph.links.map((l) => l.name)).toEqual(["Media"]);
  });

  it("refuses two links of one receiver that share a name, ignoring case", async () => {
    const error = await sstError(() =>
      synthApp({
        run() {
          const media = new Box("Media", { inner: true });
          const other = new Linkable("MEDIAINNER", { properties: {} });
          new Fn("Api", { link: [media.inner, other] });
        },
      }),
    );
    expect(error.code).toBe("E_LINK_NAME_CLASH");
    expect(error.message).toBe('"Api" links two resources named "MediaInner" and "MEDIAINNER": a receiver reads links by name, ignoring case.');
  });

  it("refuses something in a link list that is not a resource", async () => {
    const error = await sstError(() => synthApp({ run: () => void new Fn("Api", { link: [undefined] }) }));
    expect(error.code).toBe("E_LINK_NOT_LINKABLE");
    expect(error.message).toBe("A link list holds undefined, not a resource.");
  });

  it("refuses a linkable named with the SST_RESOURCE_ prefix when it is created", async () => {
    const error = await sstError(() => synthApp({ run: () => void new Linkable("SST_RESOURCE_Db", { properties: {} }) }));
    expect(error.code).toBe("E_NAME_RESERVED");
    expect(error.message).toBe(
      'Component name "SST_RESOURCE_Db" (sst:sst:Linkable) starts with "SST_RESOURCE_", the prefix of link env vars: runtimes would read the link under another name.',
    );
  });
});
