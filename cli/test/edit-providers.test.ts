import { describe, expect, it } from "vitest";
import { setProvider } from "../src/edit/set-provider.js";

const aws = { version: "7.48.0" };
const vercel = { version: "5.4.1", package: "@pulumiverse/vercel" };

describe("the providers transform of sst add", () => {
  it("creates `providers` in the object app() returns, keeping the rest of the file byte for byte", () => {
    const source = [
      "/// <reference path=\"./.sst/platform/config.d.ts\" />",
      "export default $config({",
      "  app(input) {",
      "    const other = () => { return { decoy: true }; };",
      "    return {",
      '      name: "my-app",',
      '      home: "aws", // where state lives',
      "    };",
      "  },",
      "  async run() {",
      "    // untouched    spacing",
      "  },",
      "});",
      "",
    ].join("\n");
    const out = setProvider(source, "sst.config.ts", "aws", aws);
    expect(out).toBe(source.replace('      home: "aws", // where state lives\n', '      home: "aws", // where state lives\n      providers: { aws: "7.48.0" },\n'));
  });

  it("adds to an existing providers object, or updates the entry in place", () => {
    const source = `export default $config({
  app() {
    return {
      name: 'x',
      home: 'local',
      providers: {
        cloudflare: '6.0.0',
        aws: '6.0.0'
      },
    };
  },
  async run() {},
});
`;
    const added = setProvider(source, "sst.config.ts", "vercel", vercel);
    expect(added).toContain("        aws: '6.0.0',\n        vercel: { package: '@pulumiverse/vercel', version: '5.4.1' }\n      },");
    const updated = setProvider(source, "sst.config.ts", "aws", aws);
    expect(updated).toBe(source.replace("aws: '6.0.0'", "aws: '7.48.0'"));
  });

  it("keeps a provider's args and sets its version (and package) inside them", () => {
    const source = `export default $config({
  app() {
    return { name: "x", home: "aws", providers: { aws: { region: "us-west-2", version: "6.0.0" }, vercel: { team: "t" } } };
  },
  async run() {},
});
`;
    let out = setProvider(source, "sst.config.ts", "aws", aws);
    expect(out).toContain('aws: { region: "us-west-2", version: "7.48.0" }');
    out = setProvider(out, "sst.config.ts", "vercel", vercel);
    expect(out).toContain('vercel: { team: "t", package: "@pulumiverse/vercel", version: "5.4.1" }');
  });

  it("handles arrow functions, empty objects, shorthand entries and quoted keys", () => {
    expect(setProvider("export default $config({ app: () => ({}), run() {} });", "f.ts", "aws", aws)).toBe(
      'export default $config({ app: () => ({ providers: { aws: "7.48.0" } }), run() {} });',
    );
    expect(setProvider("export default $config({ app() { return { providers: { aws } }; }, run() {} });", "f.ts", "aws", aws)).toContain(
      'providers: { aws: "7.48.0" }',
    );
    expect(setProvider('export default $config({ app() { return { providers: { "vercel-dns": "1" } }; }, run() {} });', "f.ts", "vercel-dns", vercel)).toContain(
      '"vercel-dns": { package: "@pulumiverse/vercel", version: "5.4.1" }',
    );
  });

  it("refuses shapes it cannot edit, saying what to add by hand", () => {
    const cases: [string, string][] = [
      ["const c = {}; export default c;", "has no `export default $config({...})`"],
      ["export default $config(config);", "not given an object literal"],
      ["export default $config({ run() {} });", "has no `app()` function"],
      ["export default $config({ app() { return base; }, run() {} });", "does not `return { ... }` an object literal"],
      ["export default $config({ app() { return { providers: base }; }, run() {} });", "`providers` is not an object literal"],
      ["export default $config({ app() { return { ", "does not parse"],
    ];
    for (const [source, message] of cases) {
      expect(() => setProvider(source, "sst.config.ts", "aws", aws)).toThrow(message);
    }
  });
});
