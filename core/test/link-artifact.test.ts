import * as pulumi from "@pulumi/pulumi";
import { describe, expect, it } from "vitest";
import { Component, Linkable, Secret, decryptLinks, linkArtifact, resolveLinks, type LinkArtifact } from "@sst/core";
import { synthApp } from "@sst/core/testing";
import { sstError } from "./_helpers.js";

/** A function-like receiver: encodes its links for its artifact, as a provider plugin's Function will. */
class Fn extends Component {
  static readonly __pulumiType = "sst:test:Fn";
  readonly artifact: pulumi.Output<LinkArtifact>;
  constructor(name: string, args: { link?: unknown[] }) {
    super(Fn.__pulumiType, name, {});
    this.artifact = linkArtifact(resolveLinks(args.link, this));
  }
}

const resolve = <T>(output: pulumi.Output<T>) => new Promise<T>((done) => output.apply((v) => done(v)));

/** Synthesises a small app and returns the artifact of its function `Api`. */
async function artifactOf(options: { linkSecret?: string; greeting?: string } = {}) {
  let artifact: LinkArtifact | undefined;
  let secret: boolean | undefined;
  await synthApp({
    app: { name: "shop" },
    stage: "prod",
    linkSecret: options.linkSecret,
    secrets: { ApiKey: "k-123" },
    async run() {
      const settings = new Linkable("Settings", { properties: { greeting: options.greeting ?? "hi", nested: { b: 1, a: [2, 3] } } });
      const key = new Secret("ApiKey");
      const fn = new Fn("Api", { link: [settings, key] });
      artifact = await resolve(fn.artifact);
      secret = await (fn.artifact as unknown as { isSecret: Promise<boolean> }).isSecret;
    },
  });
  return { artifact: artifact!, secret: secret! };
}

describe("linkArtifact", () => {
  it("gives resource.enc and the env that opens it, holding every link with its type", async () => {
    const { artifact } = await artifactOf();
    expect(Object.keys(artifact.files)).toEqual(["resource.enc"]);
    expect(Object.keys(artifact.env).sort()).toEqual(["SST_KEY", "SST_KEY_FILE", "SST_RESOURCE_App"]);
    expect(JSON.parse(artifact.env.SST_RESOURCE_App!)).toEqual({ name: "shop", stage: "prod" });
    expect(artifact.env.SST_KEY_FILE).toBe("resource.enc");
    expect(decryptLinks(artifact.env.SST_KEY!, Buffer.from(artifact.files["resource.enc"]!, "base64"))).toEqual({
      Settings: { greeting: "hi", nested: { a: [2, 3], b: 1 }, type: "sst.sst.Linkable" },
      ApiKey: { type: "sst.sst.Secret", value: "k-123" },
    });
  });

  it("is byte-identical across two synths of the same program (a no-op deploy stays a no-op)", async () => {
    const first = await artifactOf();
    const second = await artifactOf();
    expect(second.artifact.files["resource.enc"]).toBe(first.artifact.files["resource.enc"]);
    expect(second.artifact.env).toEqual(first.artifact.env);
  });

  it("changes the key when a link changes, and when the stage's link secret does", async () => {
    const base = await artifactOf();
    const changed = await artifactOf({ greeting: "hello" });
    const otherStage = await artifactOf({ linkSecret: Buffer.alloc(32, 1).toString("base64") });
    const keys = new Set([base, changed, otherStage].map((a) => a.artifact.env.SST_KEY));
    expect(keys.size).toBe(3);
  });

  it("is a secret Output: SST_KEY opens the file", async () => {
    expect((await artifactOf()).secret).toBe(true);
  });

  it("fetches a lazy link secret once, on the first artifact, and never for a run that encodes none", async () => {
    let fetched = 0;
    const linkSecret = async () => (fetched++, Buffer.alloc(32, 5).toString("base64"));
    await synthApp({ linkSecret, run: () => void new Linkable("Settings", { properties: {} }) });
    expect(fetched).toBe(0);
    let keys: string[] = [];
    await synthApp({
      linkSecret,
      async run() {
        const settings = new Linkable("Settings", { properties: {} });
        const artifacts = ["One", "Two", "Three"].map((name) => new Fn(name, { link: [settings] }).artifact);
        keys = await Promise.all(artifacts.map(async (a) => (await resolve(a)).env.SST_KEY!));
      },
    });
    expect(fetched).toBe(1);
    expect(new Set(keys).size).toBe(1);
  });

  it("fails with a user error when the program run has no link secret", async () => {
    const error = await sstError(() => artifactOf({ linkSecret: "" }));
    expect(error.code).toBe("E_LINK_SECRET_MISSING");
    expect(error.hint).toContain("pass `linkSecret` to runProgram");
  });
});
