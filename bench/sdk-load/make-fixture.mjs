// Writes the bench fixture with our real encoder: fixture/resource.enc (100 links, fresh key)
// and fixture/env.json (the env the programs run with). Bundles the TS encoder with esbuild, so
// it needs no build of core. Usage: node make-fixture.mjs <fixture dir>
import { build } from "esbuild";
import { mkdir, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const root = fileURLToPath(new URL("../../", import.meta.url));
const dir = process.argv[2];
const bundle = join(dir, "encoder.mjs");
await mkdir(dir, { recursive: true });
await build({
  entryPoints: [join(root, "core/src/resource-env/index.ts")],
  bundle: true,
  platform: "node",
  format: "esm",
  outfile: bundle,
  logLevel: "warning",
});
const { encodeLinks } = await import(pathToFileURL(bundle).href);
await rm(bundle);

const links = {};
for (let i = 0; i < 100; i++) {
  const id = String(i).padStart(3, "0");
  links[`Link${id}`] = { name: `bench-bucket-${id}`, arn: `arn:aws:s3:::bench-bucket-${id}`, type: "sst.aws.Bucket" };
}
const { env, file } = encodeLinks({ app: { name: "bench", stage: "bench" }, links, target: "file", secret: Buffer.alloc(32, 3).toString("base64") });
await writeFile(join(dir, file.name), file.bytes);
await writeFile(join(dir, "env.json"), JSON.stringify(env));
