import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import ts from "typescript";
import { afterAll, describe, expect, it } from "vitest";
import { canUnplugNetwork, sst } from "./run-cli.js";

const repo = join(import.meta.dirname, "..", "..");
// Inside the repo, so the fixture's imports (@sst/core, plugin-hello) resolve against its node_modules.
const scratch = mkdtempSync(join(repo, "cli", "test", ".tmp-plugin-types-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/**
 * An app whose `providers` lists `hello`: its plugin `@sst/hello` (plugin-hello under a provider's plugin
 * name) is applied automatically, so nothing in sst.config.ts imports it; `@pulumi/hello` is the provider.
 */
const files: Record<string, string> = {
  "package.json": JSON.stringify({ name: "auto", private: true, type: "module" }),
  "node_modules/@sst/hello/package.json": JSON.stringify({ name: "@sst/hello", type: "module", main: "index.js", types: "index.d.ts" }),
  "node_modules/@sst/hello/index.js": 'export { hello as default } from "@sst-examples/plugin-hello";\n',
  "node_modules/@sst/hello/index.d.ts": 'export * from "@sst-examples/plugin-hello";\nexport { hello as default } from "@sst-examples/plugin-hello";\n',
  "node_modules/@pulumi/hello/package.json": JSON.stringify({ name: "@pulumi/hello", type: "module", main: "index.js", types: "index.d.ts" }),
  "node_modules/@pulumi/hello/index.js": 'export const region = "local";\n',
  "node_modules/@pulumi/hello/index.d.ts": "export declare const region: string;\n",
  "sst.config.ts": `/// <reference path="./.sst/platform/config.d.ts" />
export default $config({
  app() {
    return { name: "auto", home: "local", providers: { hello: "1.0.0" } };
  },
  async run() {
    const greeting = new sst.hello.Greeting("Greeting", { to: "world", greeting: hello.region });
    return { text: greeting.text };
  },
});
`,
};

const program = (file: string) =>
  ts.createProgram([file], {
    strict: true,
    noEmit: true,
    skipLibCheck: true,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    types: ["node"],
  });

function typeErrors(file: string): string[] {
  return ts.getPreEmitDiagnostics(program(file)).map((d) => ts.flattenDiagnosticMessageText(d.messageText, "\n"));
}

/** The doc comment an editor shows for the argument `name` of the first `new ...(..., { name })` in `file`. */
function argumentDocs(file: string, name: string): string {
  const p = program(file);
  const checker = p.getTypeChecker();
  let docs = "";
  const visit = (node: ts.Node): void => {
    if (ts.isObjectLiteralExpression(node) && ts.isNewExpression(node.parent) && !docs) {
      const symbol = checker.getContextualType(node)?.getProperty(name);
      docs = ts.displayPartsToString(symbol?.getDocumentationComment(checker));
    }
    node.forEachChild(visit);
  };
  visit(p.getSourceFile(file)!);
  return docs;
}

describe("types of a plugin applied automatically for a provider", () => {
  const dir = join(scratch, "auto");
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }

  it("sst types writes a config.d.ts that imports the plugin's package, so sst.config.ts type-checks", () => {
    const r = sst(["types", "--stage", "t"], { cwd: dir, offline: canUnplugNetwork() });
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    const dts = readFileSync(join(dir, ".sst", "platform", "config.d.ts"), "utf8");
    expect(dts).toContain('import "@sst/hello";\n');
    expect(dts).toContain('import * as _hello from "@pulumi/hello";');
    expect(typeErrors(join(dir, "sst.config.ts"))).toEqual([]);
  });

  it("carries the plugin's argument docs to the editor", () => {
    expect(argumentDocs(join(dir, "sst.config.ts"), "to")).toBe("Who to greet.");
  });

  it("fails the check on a typo in a component argument, naming the argument", () => {
    const typo = join(dir, "typo.config.ts");
    writeFileSync(typo, files["sst.config.ts"]!.replace('{ to: "world"', '{ too: "world"'));
    const errors = typeErrors(typo).join("\n");
    expect(errors).toContain("'too' does not exist in type 'GreetingArgs'");
  });

  it("without the generated import the component is untyped, so the check above is real", () => {
    const bare = join(dir, "bare.config.ts");
    writeFileSync(bare, files["sst.config.ts"]!.replace("/// <reference path=\"./.sst/platform/config.d.ts\" />", '/// <reference types="@sst/core/global" />'));
    expect(typeErrors(bare).join("\n")).toContain("Property 'hello' does not exist on type 'SSTNamespace'");
  });
});
