/** The AWS bootstrap for every app that uses the aws provider, whatever its home (against moto). */
import { GetParameterCommand, SSMClient } from "@aws-sdk/client-ssm";
import { beforeEach, describe, expect, it } from "vitest";
import { Kernel, runBootstrap, validateApp, withPluginDefaults, type Home } from "@sst/core";
import { aws, BOOTSTRAP_PARAMETER, BOOTSTRAP_VERSION } from "@sst/aws";
import { MOTO, useMoto } from "./_moto.js";

const moto = useMoto();

function setup(home: string) {
  const kernel = new Kernel({ plugins: [aws()] });
  const app = withPluginDefaults(kernel, validateApp({ name: "shop", home, providers: { aws: { region: "us-east-1" } } } as never, "dev"));
  return { kernel, app };
}

async function recorded(): Promise<unknown> {
  const ssm = new SSMClient({ region: "us-east-1" });
  try {
    const out = await ssm.send(new GetParameterCommand({ Name: BOOTSTRAP_PARAMETER }));
    return JSON.parse(out.Parameter!.Value!);
  } catch {
    return undefined;
  } finally {
    ssm.destroy();
  }
}

describe.skipIf(!MOTO)("the aws bootstrap of an app", () => {
  beforeEach(() => moto.reset());

  it("runs for an app whose home is not aws, giving useBootstrap('aws') the asset bucket", async () => {
    const { kernel, app } = setup("local");
    const results = await runBootstrap({ kernel, app, home: {} as Home, command: "deploy" });
    const result = results.aws as { asset: string; state: string; version: number };
    expect(result.asset).toMatch(/^sst-asset-[a-z]{12}$/);
    expect(result.version).toBe(BOOTSTRAP_VERSION);
    expect(await recorded()).toEqual(result);
    // A second command finds the same buckets.
    expect((await runBootstrap({ kernel, app, home: {} as Home, command: "deploy" })).aws).toEqual(result);
  });

  it("reuses what the aws home bootstrapped, without a second round trip", async () => {
    const { kernel, app } = setup("aws");
    const fromHome = { version: BOOTSTRAP_VERSION, state: "sst-state-home", asset: "sst-asset-home" };
    const results = await runBootstrap({ kernel, app, home: { bootstrap: async () => fromHome } as unknown as Home, command: "deploy" });
    expect(results.aws).toBe(fromHome);
    expect(await recorded()).toBeUndefined();
  });

  it("stops with the credentials error before anything is created when there are none", async () => {
    const { kernel, app } = setup("local");
    const saved = { id: process.env.AWS_ACCESS_KEY_ID, secret: process.env.AWS_SECRET_ACCESS_KEY };
    delete process.env.AWS_ACCESS_KEY_ID;
    delete process.env.AWS_SECRET_ACCESS_KEY;
    try {
      await expect(runBootstrap({ kernel, app, home: {} as Home, command: "deploy" })).rejects.toMatchObject({ code: "E_AWS_CREDENTIALS" });
    } finally {
      process.env.AWS_ACCESS_KEY_ID = saved.id;
      process.env.AWS_SECRET_ACCESS_KEY = saved.secret;
    }
    expect(await recorded()).toBeUndefined();
  });
});
