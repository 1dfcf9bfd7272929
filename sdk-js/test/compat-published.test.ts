// SST's own published SDK (npm `sst`, pinned) must read what our encoder writes: the wire format
// is the compatibility promise of spec/link-format.md. Only non-clashing data is used, because
// SST's JS SDK lets the file win on a clash where ours lets env win.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { encodeLinks, type LinkTarget, type Links } from "@sst/core/resource-env";
import { describe, expect, it } from "vitest";
import { publishedSst, publishedSstPrefix, PUBLISHED_SST_VERSION } from "./_published.js";
import { cleanEnv } from "./_vectors.js";

// Installed on first use into a cache outside the repo (never a workspace dependency: see _published.ts).
const prefix = publishedSst();
const publishedEntry = createRequire(join(prefix, "package.json")).resolve("sst/resource"); // its export map's Node entry
// Its export map hides package.json; it sits three levels above dist/resource/node.js.
const publishedVersion = JSON.parse(readFileSync(join(publishedEntry, "../../../package.json"), "utf8")).version;
const child = fileURLToPath(new URL("./fixtures/read-published.mjs", import.meta.url));

const app = { name: "compat", stage: "test" };
const links: Links = {
  MyBucket: { name: "compat-test-mybucket", type: "sst.aws.Bucket" },
  Ünïcödé: { value: "👩‍💻 漢字 \"quoted\" \\ slash", type: "sst.sst.Secret" },
  Api: { url: "https://api.example.com", routes: [{ path: "/", methods: ["GET"] }], deep: { a: { b: null } }, type: "sst.aws.ApiGatewayV2" },
};
for (let i = 0; i < 100; i++) links[`Link${i}`] = { name: `bucket-${i}`, type: "sst.aws.Bucket" };

/** Encodes with our encoder, lays the artifact out as a cwd, and reads it back with SST's SDK. */
function readWithPublished(target: LinkTarget): Record<string, unknown> {
  const { env, file } = encodeLinks({ app, links, target, secret: Buffer.alloc(32, 3).toString("base64") });
  const cwd = mkdtempSync(join(tmpdir(), "sst-compat-"));
  if (file) writeFileSync(join(cwd, file.name), file.bytes);
  const stdout = execFileSync(
    process.execPath,
    [child, pathToFileURL(publishedEntry).href, JSON.stringify(["App", ...Object.keys(links)])],
    { cwd, env: { ...cleanEnv(), ...env }, encoding: "utf8" },
  );
  return JSON.parse(stdout);
}

describe(`SST's published SDK (sst@${publishedVersion})`, () => {
  it("is the pinned version, imported through its own export map from the cache outside the repo", () => {
    expect(publishedVersion).toBe(PUBLISHED_SST_VERSION);
    expect(PUBLISHED_SST_VERSION).toBe("4.17.1");
    expect(publishedEntry).toBe(join(publishedSstPrefix(), "node_modules", "sst", "dist", "resource", "node.js"));
    expect(publishedEntry.startsWith(fileURLToPath(new URL("../../", import.meta.url)))).toBe(false);
  });

  it("needs neither its CLI binary nor the network: its Node entry imports only built-ins and its own shared.js", () => {
    const imports = [...readFileSync(publishedEntry, "utf8").matchAll(/^import .* from "([^"]+)";?$/gm)].map((m) => m[1]);
    expect(imports.sort()).toEqual(["./shared.js", "crypto", "fs", "process"]);
  });

  it.each(["file", "env", "env-json"] as const)("reads every link and App our encoder writes for target %s", (target) => {
    expect(readWithPublished(target)).toEqual({ App: app, ...links });
  });
});
