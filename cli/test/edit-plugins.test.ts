import { SSTError } from "@sst/core";
import { describe, expect, it } from "vitest";
import { addPlugin } from "../src/edit/plugins.js";

const hello = { package: "@sst-examples/plugin-hello", factory: "hello" };
const INIT = [
  '/// <reference path="./.sst/platform/config.d.ts" />',
  "",
  "export default $config({",
  "  app(input) {",
  '    return { name: "my-app", home: "local" };',
  "  },",
  "  async run() {",
  "    // untouched    spacing",
  "  },",
  "});",
  "",
].join("\n");

describe("the plugins transform of sst add", () => {
  it("imports the factory after the reference comment and adds `plugins` as the first property, the rest byte for byte", () => {
    expect(addPlugin(INIT, "sst.config.ts", hello)).toBe(
      INIT.replace("\nexport default $config({\n", '\nimport { hello } from "@sst-examples/plugin-hello";\n\nexport default $config({\n  plugins: [hello()],\n'),
    );
  });

  it("imports after the last import and appends to an existing plugins array, in its style and quotes", () => {
    const inline = "import { other } from 'other';\nexport default $config({ plugins: [other()], app() { return { name: 'x' }; }, async run() {} });\n";
    expect(addPlugin(inline, "sst.config.ts", hello)).toBe(
      "import { other } from 'other';\nimport { hello } from '@sst-examples/plugin-hello';\nexport default $config({ plugins: [other(), hello()], app() { return { name: 'x' }; }, async run() {} });\n",
    );
    const multiline = [
      'import { a } from "a";',
      "export default $config({",
      "  plugins: [",
      "    a(), // first",
      "  ],",
      "  app() { return { name: \"x\" }; },",
      "  async run() {},",
      "});",
      "",
    ].join("\n");
    expect(addPlugin(multiline, "sst.config.ts", hello)).toBe(
      multiline.replace('import { a } from "a";\n', 'import { a } from "a";\nimport { hello } from "@sst-examples/plugin-hello";\n').replace("    a(), // first\n", "    a(), // first\n    hello(),\n"),
    );
    const empty = 'export default $config({ plugins: [], app() { return { name: "x" }; }, async run() {} });\n';
    expect(addPlugin(empty, "sst.config.ts", hello)).toContain("plugins: [hello()], app()");
  });

  it("leaves a config that already lists the plugin unchanged, and uses the name it is imported under", () => {
    const listed = INIT.replace("export default $config({\n", 'import { hello as hi } from "@sst-examples/plugin-hello";\nexport default $config({\n  plugins: [hi({ greeting: "Hey" })],\n');
    expect(addPlugin(listed, "sst.config.ts", hello)).toBe(listed);
    const importedOnly = INIT.replace("export default $config({\n", 'import { hello as hi } from "@sst-examples/plugin-hello";\nexport default $config({\n');
    expect(addPlugin(importedOnly, "sst.config.ts", hello)).toBe(importedOnly.replace("$config({\n", "$config({\n  plugins: [hi()],\n"));
  });

  it("imports under another name when the file already declares the factory's name", () => {
    const clash = INIT.replace("export default", 'const hello = "taken";\nexport default');
    const out = addPlugin(clash, "sst.config.ts", hello);
    expect(out).toContain('import { hello as helloPlugin } from "@sst-examples/plugin-hello";');
    expect(out).toContain("plugins: [helloPlugin()],");
  });

  it("refuses a config it cannot edit, naming the file and what to write by hand", () => {
    const computed = INIT.replace("export default $config({\n", "const list = [];\nexport default $config({\n  plugins: list,\n");
    expect(() => addPlugin(computed, "sst.config.ts", hello)).toThrow("Could not edit sst.config.ts: `plugins` is not an array literal.");
    expect(() => addPlugin("export default {};\n", "sst.config.ts", hello)).toThrow("it has no `export default $config({...})`");
    expect(() => addPlugin("export default $config({\n", "sst.config.ts", hello)).toThrow("it does not parse");
    const error = (() => {
      try {
        addPlugin("export default {};\n", "sst.config.ts", hello);
      } catch (caught) {
        return caught as SSTError;
      }
    })();
    expect(error).toBeInstanceOf(SSTError);
    expect(error!.code).toBe("E_ADD_CONFIG_SHAPE");
    expect(error!.hint).toContain('import { hello } from "@sst-examples/plugin-hello";');
  });
});
