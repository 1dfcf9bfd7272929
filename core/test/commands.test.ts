import { afterEach, describe, expect, it } from "vitest";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { Kernel, commandManifest, definePlugin, readCommandManifest, type Command } from "@sst/core";
import { appDirectory, discoverCommands } from "@sst/core/command";
import { fixture, removeFixture, sstError } from "./_helpers.js";

const greet: Command = {
  name: "greet",
  description: "Say hello",
  args: { to: { type: "string", description: "Who", default: "world" }, loud: { type: "boolean" } },
  examples: ["sst greet --to you"],
  run: () => undefined,
};

const plugin = (name: string, ...commands: Command<any>[]) =>
  definePlugin({ name, apply: (kernel) => commands.forEach((c) => kernel.registry.command(c)) });

describe("the command registry", () => {
  it("keeps each command with the plugin that added it", () => {
    const kernel = new Kernel({ plugins: [plugin("greeter", greet)] });
    expect(kernel.registry.commands.get("greet")).toEqual({ ...greet, plugin: "greeter" });
  });

  it("refuses a name two plugins add, naming both", async () => {
    const error = await sstError(() => new Kernel({ plugins: [plugin("a", greet), plugin("b", greet)] }));
    expect(error.code).toBe("E_COMMAND_CLASH");
    expect(error.message).toBe('Plugins "a" and "b" both add the command `sst greet`.');
  });

  it.each([
    [{ ...greet, name: "Greet" }, 'the name "Greet" must be lower-case letters, digits and dashes, starting with a letter'],
    [{ ...greet, description: " " }, "`greet` needs a one-line description"],
    [{ ...greet, run: undefined }, "`greet` needs a `run` function"],
    [{ ...greet, args: { stage: { type: "string" } } }, 'the argument "stage" of `greet` is a global flag every command already has'],
    [{ ...greet, args: { to: { type: "text" } } }, 'the argument "to" of `greet` needs a type: string, boolean, enum or positional'],
    [{ ...greet, args: { color: { type: "enum" } } }, 'the enum argument "color" of `greet` needs its options as strings'],
    [{ ...greet, examples: "sst greet" }, "the examples of `greet` must be strings"],
  ])("refuses an invalid command, naming the plugin: %#", async (command, problem) => {
    const error = await sstError(() => new Kernel({ plugins: [plugin("greeter", command as unknown as Command)] }));
    expect(error.code).toBe("E_COMMAND_INVALID");
    expect(error.message).toBe(`Plugin "greeter" adds an invalid command: ${problem}.`);
  });
});

describe("the command manifest", () => {
  it("is the commands without run, sorted by name, as JSON", () => {
    const other: Command = { name: "alpha", description: "First", run: () => undefined };
    const manifest = commandManifest([greet, other]);
    expect(Object.keys(manifest)).toEqual(["alpha", "greet"]);
    expect(manifest).toEqual({
      alpha: { description: "First" },
      greet: { description: "Say hello", args: greet.args, examples: ["sst greet --to you"] },
    });
    expect(JSON.parse(JSON.stringify(manifest))).toEqual(manifest);
  });

  it("reads sst.commands from package.json, and nothing from a package without it", () => {
    const commands = commandManifest([greet]);
    expect(readCommandManifest({ name: "p", sst: { commands } }, "p/package.json")).toEqual(commands);
    expect(readCommandManifest({ name: "p" }, "p/package.json")).toEqual({});
    expect(readCommandManifest({ name: "p", sst: { other: true } }, "p/package.json")).toEqual({});
  });

  it("names the package and every problem of a malformed manifest", async () => {
    const error = await sstError(() =>
      readCommandManifest({ name: "bad-plugin", sst: { commands: { Greet: { description: "x" }, ok: {} } } }, "/app/node_modules/bad-plugin/package.json"),
    );
    expect(error.code).toBe("E_COMMAND_MANIFEST");
    expect(error.problems.map((p) => p.message)).toEqual([
      'bad-plugin (/app/node_modules/bad-plugin/package.json): the name "Greet" must be lower-case letters, digits and dashes, starting with a letter.',
      "bad-plugin (/app/node_modules/bad-plugin/package.json): `ok` needs a one-line description.",
    ]);
    expect((await sstError(() => readCommandManifest({ name: "p", sst: { commands: [] } }, "f"))).message).toContain("`sst.commands` must be an object");
  });
});

describe("finding plugin commands from the app's package.json", () => {
  const dirs: string[] = [];
  afterEach(() => dirs.splice(0).forEach(removeFixture));

  const pkg = (name: string, commands?: Record<string, unknown>) => JSON.stringify({ name, ...(commands ? { sst: { commands } } : {}) });

  function app(files: Record<string, string>): string {
    const dir = fixture("commands", files);
    dirs.push(dir);
    return dir;
  }

  it("reads the manifests of dependencies and devDependencies, and skips packages not installed or without one", () => {
    const dir = app({
      "package.json": JSON.stringify({ dependencies: { "plugin-a": "1", missing: "1", plain: "1" }, devDependencies: { "@scope/plugin-b": "1" } }),
      "node_modules/plugin-a/package.json": pkg("plugin-a", { zeta: { description: "Z" } }),
      "node_modules/plain/package.json": pkg("plain"),
      "node_modules/@scope/plugin-b/package.json": pkg("@scope/plugin-b", { alpha: { description: "A", examples: ["sst alpha"] } }),
      "node_modules/not-a-dependency/package.json": pkg("not-a-dependency", { nope: { description: "N" } }),
    });
    expect(discoverCommands(dir)).toEqual([
      { name: "alpha", package: "@scope/plugin-b", description: "A", examples: ["sst alpha"] },
      { name: "zeta", package: "plugin-a", description: "Z" },
    ]);
  });

  it("finds a dependency installed in a parent's node_modules, as Node resolves it", () => {
    const dir = app({
      "apps/web/package.json": JSON.stringify({ dependencies: { hoisted: "1" } }),
      "node_modules/hoisted/package.json": pkg("hoisted", { up: { description: "U" } }),
    });
    expect(discoverCommands(join(dir, "apps/web")).map((c) => `${c.package}:${c.name}`)).toEqual(["hoisted:up"]);
  });

  it("refuses two packages adding one command, naming both", async () => {
    const dir = app({
      "package.json": JSON.stringify({ dependencies: { one: "1", two: "1" } }),
      "node_modules/one/package.json": pkg("one", { same: { description: "1" } }),
      "node_modules/two/package.json": pkg("two", { same: { description: "2" } }),
    });
    const error = await sstError(() => discoverCommands(dir));
    expect(error.code).toBe("E_COMMAND_CLASH");
    expect(error.message).toBe("Plugins one and two both add the command `sst same`.");
  });

  it("finds nothing without a package.json", () => {
    expect(discoverCommands(app({}))).toEqual([]);
  });

  it("takes the app directory from sst.config.ts upward, else the nearest package.json, else --config", () => {
    const dir = app({
      "sst.config.ts": "",
      "package.json": "{}",
      "packages/fn/package.json": "{}",
      "packages/fn/src/index.ts": "",
      "other/app/sst.config.ts": "",
    });
    expect(appDirectory(join(dir, "packages/fn/src"))).toBe(dir);
    expect(appDirectory(join(dir, "packages/fn/src"), "../../../other/app/sst.config.ts")).toBe(join(dir, "other/app"));
    const bare = app({ "package.json": "{}", "src/x.ts": "" });
    mkdirSync(join(bare, "src", "deep"), { recursive: true });
    writeFileSync(join(bare, "src", "deep", "package.json"), "{}");
    expect(appDirectory(join(bare, "src", "deep"))).toBe(join(bare, "src", "deep"));
  });
});
