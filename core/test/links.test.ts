import * as pulumi from "@pulumi/pulumi";
import { describe, expect, it } from "vitest";
import {
  Kernel,
  Linkable,
  Secret,
  linkEnvironment,
  linkProperties,
  linkType,
  rawLink,
  resolveLinks,
  secretsFromEnv,
  type ResolvedLink,
} from "@sst/core";
import { synthApp } from "@sst/core/testing";
import { Box, Other, Thing, sstError, sstErrorSync } from "./_helpers.js";

/** Resolves an Output inside a run (the mocks resolve everything). */
const value = <T>(output: pulumi.Input<T>) => new Promise<T>((resolve) => pulumi.output(output).apply((v) => resolve(v as T)));

describe("link names", () => {
  it("refuses a name used twice", async () => {
    const error = await sstError(() =>
      synthApp({
        run() {
          new Linkable("Settings", { properties: {} });
          new Linkable("Settings", { properties: {} });
        },
      }),
    );
    expect(error.code).toBe("E_NAME_TAKEN");
    expect(error.message).toBe('Component name "Settings" is used twice. Names must be unique across the app.');
    expect(error.hint).toBe("Rename one of them.");
  });

  it("refuses names that differ only in case, across component classes", async () => {
    const error = await sstError(() =>
      synthApp({
        run() {
          new Box("Media");
          new Secret("MEDIA", "x");
        },
      }),
    );
    expect(error.code).toBe("E_NAME_TAKEN");
    expect(error.message).toBe('Component name "MEDIA" clashes with "Media". Names must be unique across the app, ignoring case.');
  });

  it.each(["App", "app", "APP"])("reserves %j for the app itself", async (name) => {
    const error = await sstError(() => synthApp({ run: () => void new Linkable(name, { properties: {} }) }));
    expect(error.code).toBe("E_NAME_RESERVED");
    expect(error.message).toBe(`Component name "${name}" (sst:sst:Linkable) is reserved: "App" holds the app's name and stage at runtime.`);
  });

  it("leaves raw resources that are not linkable out of the link names", async () => {
    const graph = await synthApp({
      run() {
        new Thing("settings");
        new Linkable("Settings", { properties: {} });
      },
    });
    expect(graph.links.map((l) => l.name)).toEqual(["Settings"]);
  });

  it("counts only top-level components: a child component may reuse a name elsewhere in the tree", async () => {
    const graph = await synthApp({
      run() {
        new Box("Media", { inner: true });
        new Linkable("MediaInnerX", { properties: {} });
      },
    });
    expect(graph.find("MediaInner")).toBeDefined();
  });

  it("makes raw resources of a wrapped class take part in the name check", async () => {
    const error = await sstError(() =>
      synthApp({
        run() {
          Linkable.wrap(Thing, () => ({ properties: {} }));
          new Thing("Uploads");
          new Linkable("uploads", { properties: {} });
        },
      }),
    );
    expect(error.code).toBe("E_NAME_TAKEN");
  });

  it("writes link types sst.aws.Bucket style", () => {
    expect(linkType("sst:aws:Bucket")).toBe("sst.aws.Bucket");
    expect(linkType("aws:s3/bucketV2:BucketV2")).toBe("aws.s3/bucketV2.BucketV2");
  });
});

describe("sst.Linkable", () => {
  it("puts its properties and includes in the graph's links and in its LinkRef's outputs", async () => {
    const graph = await synthApp({
      run() {
        const thing = new Thing("Db");
        new Linkable("Settings", {
          properties: { host: thing.id, port: 5432, tls: true, nested: { a: "b" } },
          include: [Linkable.env({ DB_HOST: "db.internal" }), { type: "aws.permission", actions: ["s3:*"] }],
        });
      },
    });
    const properties = { host: "Db-id", port: 5432, tls: true, nested: { a: "b" }, type: "sst.sst.Linkable" };
    const include = [
      { type: "environment", env: { DB_HOST: "db.internal" } },
      { type: "aws.permission", actions: ["s3:*"] },
    ];
    expect(graph.links).toEqual([{ name: "Settings", type: "sst.sst.Linkable", properties, include }]);
    const ref = graph.get("SettingsLinkRef");
    expect(ref.type).toBe("sst:sst:LinkRef");
    expect(ref.outputs).toEqual({ target: "Settings", properties, include });
  });

  it("links components that implement getSSTLink, under their own type", async () => {
    const graph = await synthApp({ run: () => void new Box("Media") });
    expect(graph.links).toEqual([
      { name: "Media", type: "sst.test.Box", properties: { bucketId: "MediaBucket-id", size: 1, type: "sst.test.Box" }, include: [] },
    ]);
  });

  it("requires a properties object", async () => {
    const error = await sstError(() => synthApp({ run: () => void new Linkable("Settings", {} as never) }));
    expect(error.code).toBe("E_LINKABLE_PROPERTIES");
    expect(error.hint).toBe('new sst.Linkable("Settings", { properties: { foo: "bar" } })');
  });

  it("makes an environment include with Linkable.env", () => {
    expect(Linkable.env({ A: "1" })).toEqual({ type: "environment", env: { A: "1" } });
  });
});

describe("Linkable.wrap", () => {
  it("overrides how a built-in class links", async () => {
    const graph = await synthApp({
      run() {
        Linkable.wrap(Box, (box) => ({ properties: { wrapped: true, id: box.bucket.id } }));
        new Box("Media");
      },
    });
    expect(graph.links).toEqual([{ name: "Media", type: "sst.test.Box", properties: { wrapped: true, id: "MediaBucket-id", type: "sst.test.Box" }, include: [] }]);
  });

  it("makes a raw resource class linkable, with the instance passed to the callback", async () => {
    const graph = await synthApp({
      run() {
        Linkable.wrap(Thing, (thing) => ({ properties: { id: thing.id }, include: [Linkable.env({ THING: "1" })] }));
        new Thing("Uploads");
        new Other("NotWrapped");
      },
    });
    expect(graph.links).toEqual([
      {
        name: "Uploads",
        type: "test.index.Thing",
        properties: { id: "Uploads-id", type: "test.index.Thing" },
        include: [{ type: "environment", env: { THING: "1" } }],
      },
    ]);
  });

  it("rejects something that is not a resource class", async () => {
    const error = await sstError(() => synthApp({ run: () => Linkable.wrap(class Plain {}, () => ({ properties: {} })) }));
    expect(error.code).toBe("E_LINK_WRAP_TARGET");
    expect(error.message).toBe("sst.Linkable.wrap: Plain is not a component or Pulumi resource class.");
  });

  it("does not carry over to the next program", async () => {
    await synthApp({ run: () => Linkable.wrap(Thing, () => ({ properties: {} })) });
    const graph = await synthApp({ run: () => void new Thing("Uploads") });
    expect(graph.links).toEqual([]);
  });
});

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
    expect(seen).toEqual([{ name: "Settings", type: "sst.sst.Linkable" }]);
    expect(graph.links[0]).toEqual({
      name: "Settings",
      type: "sst.sst.Linkable",
      properties: { a: 1, permissions: 1, type: "sst.sst.Linkable" },
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
    await synthApp({
      kernel,
      async run() {
        const a = new Linkable("A", { properties: { x: 1 }, include: [Linkable.env({ SHARED: "a", ONLY_A: "a" })] });
        const b = new Linkable("B", { properties: { y: 2 }, include: [Linkable.env({ SHARED: "b" }), { type: "aws.permission" }] });
        const links = resolveLinks([a, b]);
        env = linkEnvironment(links);
        properties = await value(linkProperties(links));
      },
    });
    expect(env).toEqual({ SHARED: "b", ONLY_A: "a", A_SEEN: "1", B_SEEN: "1" });
    expect(properties).toEqual({ A: { x: 1, type: "sst.sst.Linkable" }, B: { y: 2, type: "sst.sst.Linkable" } });
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
    expect(error.message).toBe('"Plain" (test:index:Thing) cannot be linked.');
    expect(error.hint).toContain("sst.Linkable.wrap(Class");
  });
});

describe("sst.Secret", () => {
  it("takes its value from the stage's secrets, over the placeholder", async () => {
    let seen: string | undefined;
    await synthApp({
      secrets: { ApiKey: "from-secrets" },
      async run() {
        seen = await value(new Secret("ApiKey", "placeholder").value);
      },
    });
    expect(seen).toBe("from-secrets");
  });

  it("falls back to the placeholder", async () => {
    let secret: Secret | undefined;
    let seen: string | undefined;
    await synthApp({
      async run() {
        secret = new Secret("ApiKey", "placeholder");
        seen = await value(secret.value);
      },
    });
    expect(seen).toBe("placeholder");
    expect(secret!.placeholder).toBe("placeholder");
  });

  it("fails without a value or placeholder, naming the command that sets it", async () => {
    const error = await sstError(() => synthApp({ stage: "prod", run: () => void new Secret("ApiKey") }));
    expect(error.code).toBe("E_SECRET_MISSING");
    expect(error.message).toBe('Secret "ApiKey" is not set for stage "prod".');
    expect(error.hint).toContain("sst secret set ApiKey <value> --stage prod");
  });

  it("marks its value as a secret Output", async () => {
    let isSecret: boolean | undefined;
    await synthApp({
      secrets: { ApiKey: "s3cr3t" },
      async run() {
        isSecret = await (new Secret("ApiKey").value as any).isSecret;
      },
    });
    expect(isSecret).toBe(true);
  });

  it("never shows its value in the synth: inputs, outputs, links and LinkRefs read [secret]", async () => {
    const graph = await synthApp({
      secrets: { ApiKey: "s3cr3t-value" },
      run() {
        const secret = new Secret("ApiKey");
        new Thing("Client", { password: secret.value });
        new Linkable("Settings", { properties: { key: secret.value, plain: "visible" } });
        return { key: secret.value, plain: "visible" };
      },
    });
    expect(JSON.stringify(graph.result)).not.toContain("s3cr3t-value");
    expect(graph.get("Client").inputs.password).toBe("[secret]");
    expect(graph.outputs).toEqual({ key: "[secret]", plain: "visible" });
    expect(graph.links.find((l) => l.name === "ApiKey")!.properties).toEqual({ value: "[secret]", type: "sst.sst.Secret" });
    expect(graph.links.find((l) => l.name === "Settings")!.properties).toEqual({ key: "[secret]", plain: "visible", type: "sst.sst.Linkable" });
  });

  it.each(["apiKey", "Api-Key", "1Key", "Api Key"])("rejects the name %j", async (name) => {
    const error = await sstError(() => synthApp({ run: () => void new Secret(name, "x") }));
    expect(error.code).toBe("E_SECRET_NAME");
    expect(error.message).toBe(
      `Invalid secret name "${name}". Secret names start with a capital letter and contain only letters, numbers and underscores.`,
    );
  });

  it("accepts underscores in the name", async () => {
    const graph = await synthApp({ run: () => void new Secret("API_KEY_2", "x") });
    expect(graph.get("API_KEY_2").type).toBe("sst:sst:Secret");
  });

  it("rejects a placeholder that is not a string", async () => {
    expect((await sstError(() => synthApp({ run: () => void new Secret("ApiKey", 3 as never) }))).code).toBe("E_SECRET_PLACEHOLDER");
  });

  it("cannot be created outside run()", () => {
    expect(sstErrorSync(() => new Secret("ApiKey", "x")).code).toBe("E_OUTSIDE_RUN");
  });

  it("reads SST_SECRET_<Name> variables as secret values", () => {
    expect(secretsFromEnv({ SST_SECRET_ApiKey: "a", SST_SECRET_DB_URL: "b", SST_STAGE: "dev", OTHER: "c" })).toEqual({ ApiKey: "a", DB_URL: "b" });
  });
});
