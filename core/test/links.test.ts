import * as pulumi from "@pulumi/pulumi";
import { describe, expect, it } from "vitest";
import {
  Linkable,
  Secret,
  linkType,
  readLinkRef,
  wireLinks,
  secretsFromEnv,
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
    expect(graph.get("MediaInner")).toMatchObject({ type: "sst:test:Box", parent: graph.get("Media").urn });
    expect(graph.links.map((l) => l.name)).toEqual(["Media", "MediaInnerX"]);
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
    const properties = { host: "Db-id", port: 5432, tls: true, nested: { a: "b" } };
    const include = [
      { type: "environment", env: { DB_HOST: "db.internal" } },
      { type: "aws.permission", actions: ["s3:*"] },
    ];
    expect(graph.links).toEqual([{ name: "Settings", type: "sst.sst.Linkable", properties, include }]);
    const ref = graph.get("SettingsLinkRef");
    expect(ref.type).toBe("sst:sst:LinkRef");
    // The state keeps SST's shape: `type` inside the properties.
    expect(ref.outputs).toEqual({ target: "Settings", properties: { ...properties, type: "sst.sst.Linkable" }, include });
  });

  it("links components that implement getSSTLink, under their own type", async () => {
    const graph = await synthApp({ run: () => void new Box("Media") });
    expect(graph.links).toEqual([
      { name: "Media", type: "sst.test.Box", properties: { bucketId: "MediaBucket-id", size: 1 }, include: [] },
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
    expect(graph.links).toEqual([{ name: "Media", type: "sst.test.Box", properties: { wrapped: true, id: "MediaBucket-id" }, include: [] }]);
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
        properties: { id: "Uploads-id" },
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

describe("links in the state (LinkRef outputs)", () => {
  it("reads a LinkRef as SST and every earlier version wrote it, taking type out of the properties", () => {
    const outputs = {
      target: "Bucket",
      properties: { name: "app-dev-bucket", type: "sst.aws.Bucket" },
      include: [{ type: "aws.permission", actions: ["s3:*"] }, "junk", null],
    };
    expect(readLinkRef(outputs)).toEqual({
      name: "Bucket",
      type: "sst.aws.Bucket",
      properties: { name: "app-dev-bucket" },
      include: [{ type: "aws.permission", actions: ["s3:*"] }],
    });
    expect(readLinkRef({ target: "Bare" })).toEqual({ name: "Bare", type: "", properties: {}, include: [] });
    expect(readLinkRef({ properties: {} })).toBeUndefined();
    expect(readLinkRef(undefined)).toBeUndefined();
  });

  it("writes the wire shape back: what it read encodes as it was written", () => {
    const read = readLinkRef({ target: "Bucket", properties: { name: "b", type: "sst.aws.Bucket" }, include: [] })!;
    expect(wireLinks([read])).toEqual({ Bucket: { name: "b", type: "sst.aws.Bucket" } });
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
    expect(graph.links.find((l) => l.name === "ApiKey")!.properties).toEqual({ value: "[secret]" });
    expect(graph.links.find((l) => l.name === "Settings")!.properties).toEqual({ key: "[secret]", plain: "visible" });
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
