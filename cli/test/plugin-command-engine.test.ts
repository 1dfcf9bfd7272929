/** A plugin command runs an engine operation through the CLI's services (`cli.engine`), as `sst dev` deploys. */
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { ENGINE, sandbox, sst } from "./engine.js";

const command = {
  description: "Deploy through the CLI's engine",
  args: { dev: { type: "boolean", description: "As sst dev" } },
};

describe.skipIf(!ENGINE)("cli.engine for plugin commands", () => {
  const box = sandbox();
  afterAll(() => box.cleanup());
  writeFileSync(join(box.dir, "package.json"), JSON.stringify({ name: "app", private: true, dependencies: { shipper: "*" } }));
  mkdirSync(join(box.dir, "node_modules", "shipper"), { recursive: true });
  writeFileSync(
    join(box.dir, "node_modules", "shipper", "package.json"),
    JSON.stringify({ name: "shipper", type: "module", main: "index.js", sst: { commands: { ship: command } } }),
  );
  writeFileSync(
    join(box.dir, "node_modules", "shipper", "index.js"),
    `export default () => ({ name: "shipper", apply(kernel) {
  let dev;
  kernel.hooks.program.before.tap("shipper", (context) => { dev = context.dev; });
  kernel.registry.command({ name: "ship", ...${JSON.stringify(command)}, async run({ cli, args }) {
    const result = await cli.engine("deploy", { dev: Boolean(args.dev) });
    console.log("SHIPPED ok=" + result.ok + " alpha=" + result.outputs.alpha + " dev=" + dev);
  } });
} });\n`,
  );
  const config = readFileSync(join(box.dir, "sst.config.ts"), "utf8");
  writeFileSync(join(box.dir, "sst.config.ts"), `import shipper from "shipper";\n${config.replace("export default $config({", "export default $config({\n  plugins: [shipper()],")}`);

  it("deploys the app as sst deploy does and hands back the outputs", async () => {
    const r = await sst(box, ["ship", "--stage", "t1"]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/✓\s+Complete/);
    expect(r.stdout).toContain("SHIPPED ok=true alpha=a1 dev=false");
  });

  it("runs the program with $dev when asked", async () => {
    const r = await sst(box, ["ship", "--dev", "--stage", "t1"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("SHIPPED ok=true alpha=a1 dev=true");
  });
});
