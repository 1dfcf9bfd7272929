import { afterAll, describe, expect, it } from "vitest";
import {
  Kernel,
  LocalHome,
  definePlugin,
  loadApp,
  runBootstrap,
  useBootstrap,
  validateApp,
  withPluginDefaults,
  type Home,
  type ProgramContext,
} from "@sst/core";
import { synth, synthApp } from "@sst/core/testing";
import { fixture, removeFixture, sstError } from "./_helpers.js";

const dirs: string[] = [];
afterAll(() => dirs.forEach(removeFixture));

/** A home that keeps state like the local one and has a bootstrap step (its result is keyed by the app's `home`). */
class BootHome extends LocalHome {
  calls = 0;
  constructor(readonly result: unknown) {
    super();
  }
  async bootstrap() {
    this.calls++;
    return this.result;
  }
}

/** A plugin contributing the `mem` home (async factory) and, optionally, a bootstrap tap. */
const memHome = (home: Home = new LocalHome()) =>
  definePlugin({
    name: "mem",
    apply(kernel) {
      kernel.registry.home("mem", async () => home);
    },
  });

describe("the home registry is open", () => {
  it("rejects a home no plugin provides, naming the available homes and the package to install", async () => {
    const error = await sstError(() => synth({ app: { home: "aws" }, run() {} }));
    expect(error.code).toBe("E_CONFIG_HOME_UNKNOWN");
    expect(error.message).toBe('home "aws" is not available: no plugin of this app provides it (available: "local").');
    expect(error.hint).toBe('Install @sst/aws, which provides it: sst add aws   (or use home: "local")');
  });

  it("accepts a home a plugin registers, and lists it among the available ones", async () => {
    const kernel = new Kernel({ plugins: [memHome()] });
    expect(withPluginDefaults(kernel, validateApp({ name: "a", home: "mem" }, "dev")).home).toBe("mem");
    const error = await sstError(() => synth({ kernel, app: { home: "gcp" }, run() {} }));
    expect(error.message).toContain('(available: "local", "mem")');
  });

  it("lets a home factory be async", async () => {
    const home = new LocalHome();
    const kernel = new Kernel({ plugins: [memHome(home)] });
    const factory = kernel.registry.homes.get("mem")!;
    await expect(factory(validateApp({ name: "a", home: "mem" }, "dev"))).resolves.toBe(home);
  });

  it("checks the home of a real sst.config.ts once the config's plugins are applied", async () => {
    const config = (home: string) =>
      `export default $config({\n  plugins: [{ name: "mem", apply(k) { k.registry.home("mem", () => { throw new Error("not opened while loading"); }) } }],\n  app() { return { name: "x", home: "${home}" } },\n  async run() {},\n});\n`;
    const good = fixture("homes", { "sst.config.ts": config("mem") });
    const bad = fixture("homes", { "sst.config.ts": config("gcp") });
    dirs.push(good, bad);
    const loaded = await loadApp({ kernel: new Kernel(), stage: "dev", cwd: good });
    expect(loaded.app.home).toBe("mem");
    const error = await sstError(() => loadApp({ kernel: new Kernel(), stage: "dev", cwd: bad }));
    expect(error.code).toBe("E_CONFIG_HOME_UNKNOWN");
    expect(error.hint).toContain("sst add gcp");
  });

  it("checks the home a config tap leaves, not the one app() returned", async () => {
    const swap = (to: string) => definePlugin({ name: "swap", apply: (k) => k.hooks.config.tap("swap", (app) => ({ ...app, home: to })) });
    expect((await sstError(() => synth({ plugins: [swap("nowhere")], run() {} }))).message).toContain('home "nowhere" is not available');
    let home: unknown;
    await synth({ plugins: [swap("local")], app: { home: "later" }, run: () => void (home = (globalThis as any).$app.home) });
    expect(home).toBe("local");
  });
});

describe("bootstrap", () => {
  const app = validateApp({ name: "a", home: "boot" }, "dev");

  it("stores the home's result under the home's name and each tap's under its plugin's, taps seeing the home's", async () => {
    const home = new BootHome({ asset: "sst-asset-abc" });
    const kernel = new Kernel();
    let seen: unknown;
    kernel.hooks.bootstrap.tapPromise("live", async (context) => {
      seen = context.results.boot;
      context.results.live = { http: "https://example.test/event", command: context.command };
    });
    const results = await runBootstrap({ kernel, app, home, command: "deploy" });
    expect(results).toEqual({ boot: { asset: "sst-asset-abc" }, live: { http: "https://example.test/event", command: "deploy" } });
    expect(seen).toEqual({ asset: "sst-asset-abc" });
    expect(home.calls).toBe(1);
  });

  it("runs the taps for a home without a bootstrap step", async () => {
    const kernel = new Kernel();
    kernel.hooks.bootstrap.tap("p", (context) => void (context.results.p = 1));
    expect(await runBootstrap({ kernel, app: validateApp({ name: "a", home: "local" }, "dev"), home: new LocalHome(), command: "diff" })).toEqual({ p: 1 });
  });

  it("reports a failing home bootstrap as a plugin error naming the home", async () => {
    const home = new BootHome(undefined);
    home.bootstrap = async () => {
      throw new Error("AccessDenied");
    };
    const error = await sstError(() => runBootstrap({ kernel: new Kernel(), app, home, command: "deploy" }));
    expect(error.code).toBe("E_PLUGIN_FAILED");
    expect(error.message).toBe('Plugin "boot" failed in hook "home.bootstrap": AccessDenied');
  });

  it("gives the results to run() through useBootstrap and to program taps through the context", async () => {
    const kernel = new Kernel();
    let context: ProgramContext | undefined;
    kernel.hooks.program.before.tap("p", (c) => void (context = c));
    const graph = await synth({
      kernel,
      bootstrap: { aws: { asset: "sst-asset-test" } },
      run: () => ({ asset: useBootstrap<{ asset: string }>("aws")?.asset, live: useBootstrap("live") ?? "none" }),
    });
    expect(graph.outputs).toEqual({ asset: "sst-asset-test", live: "none" });
    expect(context?.bootstrap).toEqual({ aws: { asset: "sst-asset-test" } });
    expect(Object.isFrozen(context?.bootstrap)).toBe(true);
  });

  it("has nothing bootstrapped when none is given (as offline)", async () => {
    expect((await synth({ run: () => ({ aws: useBootstrap("aws") === undefined }) })).outputs).toEqual({ aws: true });
  });

  it("refuses useBootstrap outside run()", async () => {
    expect((await sstError(() => useBootstrap("aws"))).code).toBe("E_OUTSIDE_RUN");
  });
});

describe("the synth harness", () => {
  it("is also exported under its former name", () => {
    expect(synthApp).toBe(synth);
  });

  it("merges `providers` over the app's and runs the config hook, as a real load does", async () => {
    const kernel = new Kernel();
    kernel.hooks.config.tap("p", (app, context) => ({ ...app, removal: context.command === "test" ? "remove" : "retain" }));
    let seen: any;
    await synth({
      kernel,
      app: { providers: { fake: { version: "1.0.0", package: "@pulumi/pulumi" } } },
      providers: { aws: { version: "7.48.0", region: "eu-west-1" } },
      run: () => void (seen = (globalThis as any).$app),
    });
    expect(seen.providers).toEqual({ fake: { version: "1.0.0", package: "@pulumi/pulumi" }, aws: { version: "7.48.0", region: "eu-west-1" } });
    expect(seen.removal).toBe("remove");
  });
});
