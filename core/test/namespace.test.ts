// The `sst` global answers a namespace or component nobody registered with a user error that says what
// provides it, instead of "Cannot read properties of undefined".
import { afterAll, describe, expect, it } from "vitest";
import { Kernel, definePlugin } from "@sst/core";
import { synthConfig } from "@sst/core/testing";
import { Box, fixture, removeFixture, sstError } from "./_helpers.js";

const dirs: string[] = [];
afterAll(() => dirs.forEach(removeFixture));

/** An sst.config.ts whose run() is `body`. */
function app(body: string): string {
  const dir = fixture("namespace", {
    "sst.config.ts": `export default $config({
  app() { return { name: "ns-app", home: "local" }; },
  async run() {
    ${body}
  },
});
`,
  });
  dirs.push(dir);
  return dir;
}

const boxes = definePlugin({ name: "boxes", apply: (kernel) => kernel.registry.component("boxes.Box", Box) });

describe("the sst namespace, through a synth of sst.config.ts", () => {
  it("names the provider plugin's package and the sst add command for a namespace that is not installed", async () => {
    const error = await sstError(() => synthConfig({ cwd: app(`new sst.aws.Vpc("Net");`), stage: "test" }));
    expect(error.code).toBe("E_NAMESPACE_MISSING");
    expect(error.message).toBe("sst.aws is not available: no plugin registered it.");
    expect(error.hint).toBe(
      "If it is a provider's, run `sst add aws` (it installs @sst/aws and adds it to `providers`); else add the plugin that provides it to `plugins: [...]` in sst.config.ts. Namespaces registered now: none.",
    );
  });

  it("says no plugin registered an unknown namespace, and lists the registered ones", async () => {
    const error = await sstError(() => synthConfig({ cwd: app(`new sst.foo.Bar("X");`), stage: "test", plugins: [boxes] }));
    expect(error.code).toBe("E_NAMESPACE_MISSING");
    expect(error.message).toBe("sst.foo is not available: no plugin registered it.");
    expect(error.hint).toContain("Namespaces registered now: sst.boxes.");
  });

  it("lists a namespace's components when one is misspelt", async () => {
    const error = await sstError(() => synthConfig({ cwd: app(`new sst.boxes.Boks("B");`), stage: "test", plugins: [boxes] }));
    expect(error.code).toBe("E_COMPONENT_MISSING");
    expect(error.message).toBe("sst.boxes.Boks is not a registered component.");
    expect(error.hint).toBe("sst.boxes has: sst.boxes.Box. Check the spelling, or update the plugin that provides sst.boxes.");
  });

  it("lists core's components for a misspelt top-level one", async () => {
    const error = await sstError(() => synthConfig({ cwd: app(`new sst.Linkabel("L", { properties: {} });`), stage: "test" }));
    expect(error.code).toBe("E_COMPONENT_MISSING");
    expect(error.hint).toBe("sst has: sst.Linkable, sst.Secret. Check the spelling, or update the plugin that provides sst.");
  });

  it("still serves what is registered, and answers probes (await, JSON, in) without an error", async () => {
    const graph = await synthConfig({
      cwd: app(`new sst.boxes.Box("B");
    new sst.Linkable("L", { properties: { a: 1 } });
    const awaited = await sst.boxes;
    return { json: JSON.stringify(sst), has: "aws" in sst, same: awaited === sst.boxes };`),
      stage: "test",
      plugins: [boxes],
    });
    expect(graph.get("B").type).toBe("sst:test:Box");
    expect(graph.get("L").type).toBe("sst:sst:Linkable");
    expect(graph.outputs).toEqual({ json: '{"boxes":{}}', has: false, same: true });
  });
});

describe("registry.namespace", () => {
  it("lets a tap assign a namespace of its own", () => {
    const ns = new Kernel().registry.namespace();
    ns.custom = { Thing: Box };
    expect(ns.custom.Thing).toBe(Box);
  });
});
