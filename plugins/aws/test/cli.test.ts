/**
 * `sst` with `home: "aws"` end to end, against moto: without credentials it stops before writing anything;
 * with them, examples/app-hello deploys with the real Pulumi engine, redeploys as a no-op and is removed,
 * its state in the bootstrap's state bucket; a held lock stops it until `sst unlock`. The app uses the default
 * aws provider, so the engine needs the aws provider plugin: a stand-in is installed in each sandbox (the
 * real one cannot be had here), and without it `sst deploy` stops before anything is written.
 */
import { GetObjectCommand, ListObjectsV2Command } from "@aws-sdk/client-s3";
import { GetParameterCommand } from "@aws-sdk/client-ssm";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { AwsHome, BOOTSTRAP_PARAMETER, credentialsFor } from "@sst/aws";
import { ENGINE, sandbox, sst, type Sandbox } from "../../../cli/test/engine.js";
import { MOTO, motoEnv, useMoto } from "./_moto.js";
import { AWS_PLUGIN_VERSION, installFakeAwsPlugin } from "./_fake-aws-plugin.js";

const moto = useMoto();
const example = join(import.meta.dirname, "..", "..", "..", "examples", "app-hello");
const boxes: Sandbox[] = [];
afterAll(() => boxes.forEach((b) => b.cleanup()));

/** examples/app-hello with `home: "aws"`, in a sandbox inside the repo so `@sst/aws` resolves. */
function awsApp(options: { plugin?: boolean } = {}): Sandbox {
  const box = sandbox(example, ["sst.config.ts", "package.json"]);
  boxes.push(box);
  if (options.plugin !== false) installFakeAwsPlugin(box.home);
  const config = join(box.dir, "sst.config.ts");
  writeFileSync(config, readFileSync(config, "utf8").replace('home: "local"', 'home: "aws"'));
  return box;
}

const home = () => new AwsHome({ config: { region: "us-east-1" }, credentials: credentialsFor({ region: "us-east-1" }) });

describe.skipIf(!MOTO)("sst with home aws", () => {
  it("without credentials prints which credentials it looked for and exits 1, writing nothing", async () => {
    await moto.reset();
    const box = awsApp();
    const env = { ...motoEnv(moto.endpoint), AWS_ACCESS_KEY_ID: "", AWS_SECRET_ACCESS_KEY: "", AWS_PROFILE: "nobody" };
    const r = await sst(box, ["deploy", "--stage", "nocreds"], env);
    expect(r.code).toBe(1);
    // One line and its hint: no SDK notice, no stack.
    expect(r.stderr.split("\n")[0]).toBe('✕ No valid AWS credentials from profile "nobody" in region us-east-1: Could not load credentials from any providers');
    expect(r.stderr).toContain('No valid AWS credentials from profile "nobody" in region us-east-1');
    expect(r.stderr).toContain("aws sso login --profile nobody");
    expect(r.stderr).not.toMatch(/\n\s+at /);
    await expect(home().ssm.send(new GetParameterCommand({ Name: BOOTSTRAP_PARAMETER }))).rejects.toMatchObject({ name: "ParameterNotFound" });
  });

  it.skipIf(!ENGINE)("without the aws provider plugin stops before the home is touched, naming the plugin and sst install", async () => {
    await moto.reset();
    const box = awsApp({ plugin: false });
    const r = await sst(box, ["deploy", "--stage", "noplugin"], motoEnv(moto.endpoint));
    expect(r.code).toBe(1);
    const [first, ...rest] = r.stderr.trim().split("\n");
    expect(first).toBe(
      `✕ providers.aws: the Pulumi provider plugin "aws" v${AWS_PLUGIN_VERSION} is not installed (looked in ${join(box.home, "pulumi", "plugins")}).`,
    );
    expect(rest.join("\n")).toContain(`Run: sst install   (it runs pulumi plugin install resource aws ${AWS_PLUGIN_VERSION}; needs internet)`);
    expect(rest.every((line) => line.startsWith(" "))).toBe(true);
    await expect(home().ssm.send(new GetParameterCommand({ Name: BOOTSTRAP_PARAMETER }))).rejects.toMatchObject({ name: "ParameterNotFound" });
  });

  it.skipIf(!ENGINE)("deploys app-hello, redeploys it as a no-op and removes it, its state in the state bucket", async () => {
    const box = awsApp();
    const env = motoEnv(moto.endpoint);
    const stage = "moto";
    const first = await sst(box, ["deploy", "--stage", stage], env);
    expect(first.code, first.stderr).toBe(0);
    const h = home();
    const { state } = await h.bootstrap();
    const key = `app/app-hello/${stage}.json`;
    const stored = JSON.parse(
      Buffer.from(await (await h.s3.send(new GetObjectCommand({ Bucket: state, Key: key }))).Body!.transformToByteArray()).toString(),
    );
    const urns: string[] = stored.checkpoint.latest.resources.map((r: { urn: string }) => r.urn);
    expect(urns.some((u) => u.endsWith("::GreetingMessage"))).toBe(true);
    // The default aws provider, through the stand-in plugin: region and SST's tags in state, no credentials.
    const provider = stored.checkpoint.latest.resources.find((r: { type: string }) => r.type === "pulumi:providers:aws");
    expect(provider.urn).toMatch(/::sst:aws$/);
    expect(provider.inputs).toMatchObject({ region: "us-east-1", version: AWS_PLUGIN_VERSION });
    expect(JSON.stringify(provider.inputs)).not.toContain("testing");
    expect(await h.listStages("app-hello")).toEqual([stage]);
    expect(await h.readLock({ app: "app-hello", stage })).toBeUndefined();
    // `sst state list --stages` lists the stages from the state bucket.
    const stages = await sst(box, ["state", "list", "--stages", "--stage", stage], env);
    expect(stages.stdout.trim()).toBe(`${stage}  (current)`);

    // A lock another command holds stops the deploy, naming it; `sst unlock` deletes it.
    const ref = { app: "app-hello", stage };
    await h.lock(ref, { created: "2026-11-25T09:00:00.000Z", updateID: "other", command: "remove" });
    const locked = await sst(box, ["deploy", "--stage", stage], env);
    expect(locked.code).toBe(1);
    expect(locked.stderr).toContain("locked by `sst remove` (started 2026-11-25T09:00:00.000Z)");
    const unlocked = await sst(box, ["unlock", "--stage", stage], env);
    expect(unlocked.code, unlocked.stderr).toBe(0);
    expect(await h.readLock(ref)).toBeUndefined();

    const again = await sst(box, ["deploy", "--stage", stage], env);
    expect(again.code, again.stderr).toBe(0);
    expect(again.stdout).toMatch(/No changes/i);

    const removed = await sst(box, ["remove", "--stage", stage], env);
    expect(removed.code, removed.stderr).toBe(0);
    const after = await h.getState({ app: "app-hello", stage });
    const left = after ? JSON.parse(after.toString()).checkpoint?.latest?.resources ?? [] : [];
    expect(left).toEqual([]);
    // The bootstrap stays: the remove leaves the account's buckets and record alone.
    expect((await h.s3.send(new ListObjectsV2Command({ Bucket: state }))).KeyCount).toBeGreaterThan(0);
    h.destroy();
  });
});
