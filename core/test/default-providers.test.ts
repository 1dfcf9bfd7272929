import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { describe, expect, it } from "vitest";
import { Component, Kernel, defaultProviders, definePlugin, useProvider, validateApp, withPluginDefaults, type ProviderFactory } from "@sst/core";
import { synth } from "@sst/core/testing";
import { sstError, Thing } from "./_helpers.js";

/** What @sst/aws's factory does: region with a default, `profile` to the environment, SST's default tags. */
const awsFactory: ProviderFactory = ({ config, app }) => {
  const { profile, ...rest } = config;
  return {
    args: {
      ...rest,
      region: rest.region ?? "us-east-1",
      defaultTags: { tags: { "sst:app": app.name, "sst:stage": app.stage } },
    },
    env: typeof profile === "string" ? { AWS_PROFILE: profile } : undefined,
  };
};

const awsPlugin = (home = false) =>
  definePlugin({
    name: "aws",
    apply(kernel) {
      kernel.registry.provider("aws", awsFactory);
      if (home) kernel.registry.home("aws", () => ({}) as never);
    },
  });

/** A component whose child is an aws resource and which makes an invoke as itself. */
class Store extends Component {
  static readonly __pulumiType = "sst:test:Store";
  constructor(name: string, opts?: pulumi.ComponentResourceOptions) {
    super(Store.__pulumiType, name, {}, opts);
    new aws.s3.BucketV2(`${name}Bucket`, {}, { parent: this });
    aws.getRegionOutput({}, { parent: this });
  }
}

const AWS = { aws: { version: "7.48.0", region: "eu-west-1", profile: "prod-admin" } };

describe("default providers", () => {
  it("creates sst:aws once, with the pinned version, the region and SST's default tags, and no profile", async () => {
    const graph = await synth({ plugins: [awsPlugin()], providers: AWS, stage: "dev", run: () => void new aws.s3.BucketV2("Raw") });
    const providers = graph.byType("pulumi:providers:aws");
    expect(providers.map((p) => [p.name, p.version])).toEqual([["sst:aws", "7.48.0"]]);
    expect(providers[0]!.inputs).toMatchObject({ region: "eu-west-1" });
    expect(JSON.parse(providers[0]!.inputs.defaultTags as string)).toEqual({ tags: { "sst:app": "app", "sst:stage": "dev" } });
    expect(JSON.stringify(providers[0]!.inputs)).not.toContain("prod-admin");
    expect(Object.keys(providers[0]!.inputs)).not.toContain("profile");
  });

  it("gives it to every resource of the package without a provider, and to nothing else", async () => {
    const graph = await synth({
      plugins: [awsPlugin()],
      providers: AWS,
      run: () => {
        new aws.s3.BucketV2("Raw");
        new Store("Media");
        new Thing("Other");
      },
    });
    const urn = graph.get("sst:aws").urn;
    expect(graph.get("Raw").provider).toBe(urn);
    expect(graph.get("MediaBucket").provider).toBe(urn);
    expect(graph.get("Other").provider).toBeUndefined();
    expect(graph.get("Media").provider).toBeUndefined();
  });

  it("leaves a provider given explicitly, on the resource or inherited from a component", async () => {
    const graph = await synth({
      plugins: [awsPlugin()],
      providers: AWS,
      run: () => {
        const east = new aws.Provider("East", { region: "us-east-1" });
        new aws.s3.BucketV2("Own", {}, { provider: east });
        new Store("Far", { providers: { aws: east } });
      },
    });
    const east = graph.get("East").urn;
    expect(graph.get("Own").provider).toBe(east);
    expect(graph.get("FarBucket").provider).toBe(east);
  });

  it("serves invokes made with a component as parent", async () => {
    const providers: (string | undefined)[] = [];
    await synth({
      plugins: [awsPlugin()],
      providers: AWS,
      mocks: { call: (args) => (providers.push(args.provider), { name: "eu-west-1" }) },
      run: () => void new Store("Media"),
    });
    expect(providers).toHaveLength(1);
    expect(providers[0]).toMatch(/::pulumi:providers:aws::sst:aws::/);
  });

  it("is what useProvider gives component code", async () => {
    let given: unknown;
    const graph = await synth({
      plugins: [awsPlugin()],
      providers: AWS,
      run: () => ({ urn: ((given = useProvider("aws")) as pulumi.ProviderResource).urn }),
    });
    expect(given).toBeInstanceOf(aws.Provider);
    expect(graph.outputs.urn).toBe(graph.get("sst:aws").urn);
  });

  it("says which plugin brings a provider useProvider does not have", async () => {
    const error = await sstError(() => synth({ run: () => void useProvider("cloudflare") }));
    expect(error.code).toBe("E_PROVIDER_NONE");
    expect(error.hint).toContain("@sst/cloudflare: sst add cloudflare");
  });

  it("uses the installed package's version when none is pinned or the pin is a range", async () => {
    for (const version of [undefined, "^7.0.0"]) {
      const graph = await synth({ plugins: [awsPlugin()], providers: { aws: version ? { version } : {} }, run() {} });
      expect(graph.get("sst:aws").version).toBe("7.48.0");
    }
  });

  it("passes an exact pin on to the engine as the provider's version", async () => {
    const graph = await synth({ plugins: [awsPlugin()], providers: { aws: "6.66.0" }, run() {} });
    expect(graph.get("sst:aws").version).toBe("6.66.0");
  });

  it("makes the plugin's provider one of the app's, so `home: \"aws\"` alone uses it", async () => {
    let providers: unknown;
    const graph = await synth({ plugins: [awsPlugin(true)], app: { home: "aws" }, run: () => void (providers = (globalThis as any).$app.providers) });
    expect(providers).toEqual({ aws: {} });
    expect(graph.get("sst:aws").inputs).toMatchObject({ region: "us-east-1" });
  });

  it("keeps what the factory sends to the environment for the engine only", () => {
    const kernel = new Kernel({ plugins: [awsPlugin()] });
    const app = withPluginDefaults(kernel, validateApp({ name: "a", home: "local", providers: AWS }, "dev"));
    expect(defaultProviders(kernel, app)).toEqual([
      {
        name: "aws",
        version: "7.48.0",
        args: { region: "eu-west-1", defaultTags: { tags: { "sst:app": "a", "sst:stage": "dev" } } },
        env: { AWS_PROFILE: "prod-admin" },
      },
    ]);
  });

  it("reports a factory that throws as an error of the plugin's provider", async () => {
    const broken = definePlugin({
      name: "broken",
      apply: (k) =>
        k.registry.provider("aws", () => {
          throw new Error("no region");
        }),
    });
    const error = await sstError(() => synth({ plugins: [broken], run() {} }));
    expect(error.message).toBe('Plugin "aws" failed in hook "registry.provider": no region');
  });
});
