/**
 * `sst-env.d.ts` for Workers: bound links typed as `@cloudflare/workers-types` classes where that package is
 * installed, so the examples' handlers type-check against the generated file; their properties otherwise.
 * Also type-checks an example's `sst.config.ts` against the editor globals.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { renderRootTypes, writeConfigTypes, writeTypes, DTS_FILE } from "@sst/core";
import { synthConfig } from "@sst/core/testing";
import { cloudflare, workersTypes } from "@sst/cloudflare";

const examples = join(import.meta.dirname, "..", "..", "..", "examples");
process.env.CLOUDFLARE_DEFAULT_ACCOUNT_ID ??= "0123456789abcdef0123456789abcdef";

function check(files: string[], types: string[]): string[] {
  const program = ts.createProgram(files, {
    strict: true,
    noEmit: true,
    skipLibCheck: true,
    target: ts.ScriptTarget.ES2022,
    lib: ["lib.es2022.d.ts"],
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    types,
  });
  return ts.getPreEmitDiagnostics(program).map((d) => `${d.file?.fileName ?? ""}: ${ts.flattenDiagnosticMessageText(d.messageText, "\n")}`);
}

describe("sst-env.d.ts for Workers", () => {
  it("declares each bound link as its @cloudflare/workers-types class, and other links by their properties", async () => {
    const root = join(examples, "cloudflare-bindings");
    const graph = await synthConfig({ cwd: root, stage: "test", plugins: [cloudflare()] });
    const dts = renderRootTypes(graph.links, [workersTypes], root);
    expect(dts).toContain('    "MyBucket": import("@cloudflare/workers-types").R2Bucket\n');
    expect(dts).toContain('    "MyKv": import("@cloudflare/workers-types").KVNamespace\n');
    expect(dts).toContain('    "MyDb": import("@cloudflare/workers-types").D1Database\n');
    expect(dts).toContain('    "MyQueue": import("@cloudflare/workers-types").Queue\n');
    expect(dts).toContain('    "Settings": {\n      "value": string\n      "type": "sst.sst.Linkable"\n    }');
  });

  it("declares bound links by their properties where @cloudflare/workers-types is not installed", () => {
    const root = mkdtempSync(join(tmpdir(), "sst-cf-types-"));
    try {
      const link = { name: "MyBucket", type: "sst.cloudflare.Bucket", properties: {}, include: [{ type: "cloudflare.binding", binding: "r2BucketBindings", properties: {} }] };
      expect(renderRootTypes([link], [workersTypes], root)).toContain('    "MyBucket": {\n      "type": "sst.cloudflare.Bucket"\n    }');
    } finally {
      rmSync(root, { recursive: true });
    }
  });

  it("types a service binding as Service and text bindings as string", () => {
    const link = (binding: string) => ({ name: "X", type: "t", properties: {}, include: [{ type: "cloudflare.binding", binding, properties: {} }] });
    expect(workersTypes(link("serviceBindings"), { root: examples })).toBe('import("@cloudflare/workers-types").Service');
    expect(workersTypes(link("secretTextBindings"), { root: examples })).toBe("string");
    expect(workersTypes({ name: "X", type: "t", properties: {} }, { root: examples })).toBeUndefined();
  });

  it.each(["cloudflare-bindings", "cloudflare-hono"])("type-checks the %s handlers against the generated file, and catches a misuse", async (name) => {
    const root = join(examples, name);
    const graph = await synthConfig({ cwd: root, stage: "test", plugins: [cloudflare()] });
    writeTypes({ root, links: graph.links, receivers: graph.result.receivers, typers: [workersTypes] });
    const handlers = name === "cloudflare-hono" ? ["index.ts"] : ["index.ts", "consumer.ts"];
    const files = [...handlers.map((f) => join(root, f)), join(root, DTS_FILE)];
    expect(check(files, ["@cloudflare/workers-types"])).toEqual([]);
    const bad = join(root, "bad.ts");
    writeFileSync(bad, 'import { Resource } from "sst";\nexport const n: number = Resource.MyBucket.get("k");\n');
    try {
      expect(check([bad, join(root, DTS_FILE)], ["@cloudflare/workers-types"]).join("\n")).toContain("Promise<R2ObjectBody | null>");
    } finally {
      rmSync(bad);
    }
  });

  it("type-checks sst.config.ts against the editor globals, and catches a misspelt component", () => {
    // One program for both files: @pulumi/cloudflare's types take seconds to load.
    const root = join(examples, "cloudflare-bindings");
    writeConfigTypes(root, [{ alias: "cloudflare", pkg: "@pulumi/cloudflare" }], ["@sst/cloudflare"]);
    const typo = join(root, "typo.config.ts");
    writeFileSync(typo, readFileSync(join(root, "sst.config.ts"), "utf8").replace("sst.cloudflare.Worker(", "sst.cloudflare.Workr("));
    try {
      const problems = check([join(root, "sst.config.ts"), typo], ["node"]);
      expect(problems.filter((p) => !p.startsWith(typo))).toEqual([]);
      expect(problems.join("\n")).toContain("Property 'Workr' does not exist");
    } finally {
      rmSync(typo);
    }
  });
});
