import * as aws from "@pulumi/aws";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { commandManifest, Kernel, type ResolvedApp } from "@sst/core";
import { synth } from "@sst/core/testing";
import { describe, expect, it, vi } from "vitest";
import { Greeting, hello } from "@sst-examples/plugin-hello";

describe("plugin-hello", () => {
  it("is written only against @sst/core's public entry point and Pulumi", () => {
    const dir = join(import.meta.dirname, "..", "src");
    const specifiers = readdirSync(dir).flatMap((file) =>
      [...readFileSync(join(dir, file), "utf8").matchAll(/^(?:import|export)[^;]*?from "([^"]+)"/gm)].map((m) => m[1]!),
    );
    const external = specifiers.filter((s) => !s.startsWith("."));
    expect(new Set(external)).toEqual(new Set(["@sst/core", "@pulumi/pulumi"]));
  });

  it("adds sst.hello.Greeting to the sst namespace", async () => {
    let seen: unknown;
    await synth({ plugins: [hello()], run: () => void (seen = (globalThis as any).sst.hello.Greeting) });
    expect(seen).toBe(Greeting);
  });

  it("creates the greeting's message as a child named after the component", async () => {
    const graph = await synth({
      plugins: [hello({ greeting: "Hi" })],
      run: () => void new Greeting("Welcome", { to: "Ada" }),
    });
    const component = graph.get("Welcome", "sst:hello:Greeting");
    const [message] = graph.children(component);
    expect(message!.name).toBe("WelcomeMessage");
    expect(message!.type).toBe("pulumi-nodejs:dynamic/hello:Message");
    expect(message!.inputs).toMatchObject({ greeting: "Hi", to: "Ada" });
  });

  it("links its text, with the link type written sst.hello.Greeting", async () => {
    const graph = await synth({ plugins: [hello()], run: () => void new Greeting("Welcome", { to: "Ada" }) });
    expect(graph.links).toEqual([
      { name: "Welcome", type: "sst.hello.Greeting", properties: { text: "Hello, Ada!" }, include: [] },
    ]);
  });

  it("lets the user's transform change the message args", async () => {
    const graph = await synth({
      plugins: [hello()],
      run: () => void new Greeting("Welcome", { to: "Ada", transform: { message: { greeting: "Bonjour" } } }),
    });
    expect(graph.get("WelcomeMessage").inputs).toMatchObject({ greeting: "Bonjour" });
  });

  it("tags every taggable resource through the transform hook, and leaves components alone", async () => {
    const graph = await synth({
      plugins: [hello({ tag: "demo" })],
      providers: { aws: "7.48.0" },
      run: () => {
        new aws.s3.BucketV2("Raw", { tags: { team: "core" } });
        new Greeting("Welcome", { to: "Ada" });
      },
    });
    expect(graph.get("Raw").inputs.tags).toEqual({ team: "core", "hello:plugin": "demo" });
    expect(graph.get("Welcome").inputs).not.toHaveProperty("tags");
    expect(graph.get("WelcomeMessage").inputs).not.toHaveProperty("tags");
  });

  it("reads its greeting option through usePluginOptions, an explicit greeting winning", async () => {
    const graph = await synth({
      plugins: [hello({ greeting: "Hi" })],
      run: () => {
        new Greeting("Default", { to: "a" });
        new Greeting("Own", { to: "b", greeting: "Hey" });
      },
    });
    expect(graph.get("DefaultMessage").inputs.greeting).toBe("Hi");
    expect(graph.get("OwnMessage").inputs.greeting).toBe("Hey");
  });

  it("says which plugin is missing when a Greeting is created without it", async () => {
    await expect(synth({ run: () => void new Greeting("G", { to: "a" }) })).rejects.toMatchObject({
      code: "E_PLUGIN_MISSING",
      message: expect.stringContaining('"hello" plugin'),
    });
  });

  it("keeps each kernel's greeting option separate", async () => {
    const a = await synth({ plugins: [hello({ greeting: "Hi" })], run: () => void new Greeting("G", { to: "a" }) });
    const b = await synth({ plugins: [hello({ greeting: "Yo" })], run: () => void new Greeting("G", { to: "b" }) });
    expect(a.get("GMessage").inputs.greeting).toBe("Hi");
    expect(b.get("GMessage").inputs.greeting).toBe("Yo");
  });

  it("describes in package.json exactly the commands it registers (sst --help reads only the file)", () => {
    const pkg = JSON.parse(readFileSync(join(import.meta.dirname, "..", "package.json"), "utf8"));
    const kernel = new Kernel({ plugins: [hello()] });
    expect(Object.keys(pkg.sst.commands)).toEqual(["hello"]);
    expect(pkg.sst.commands).toEqual(commandManifest(kernel.registry.commands.values()));
  });

  it("`sst hello` greets with the plugin's greeting option and the app's name", async () => {
    const kernel = new Kernel({ plugins: [hello({ greeting: "Hi" })] });
    const log = vi.spyOn(console, "log").mockImplementation(() => undefined);
    try {
      const app = { name: "demo", stage: "dev" } as ResolvedApp;
      const run = kernel.registry.commands.get("hello")!.run;
      // `sst hello` uses none of the CLI's services.
      const cli = { engine: () => Promise.reject(new Error("not in this test")), linkEnvironment: () => Promise.reject(new Error("not in this test")) };
      const context = { kernel, app, root: "/app", configPath: "/app/sst.config.ts", run: () => undefined, cli };
      await run({ ...context, args: { _: [], to: "Ada" } });
      await run({ ...context, args: { _: [], to: "Ada", loud: true } });
      expect(log.mock.calls).toEqual([["Hi, Ada! (from demo, stage dev)"], ["HI, ADA! (from demo, stage dev)"]]);
    } finally {
      log.mockRestore();
    }
  });
});
