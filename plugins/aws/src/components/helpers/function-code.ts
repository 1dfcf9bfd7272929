/**
 * From a built artifact to the code Lambda runs: `hook.postbuild` on a copy of the package (the build cache
 * stays as built), a deterministic zip (`.sst/artifacts/<Name>.zip`), and its key in the bootstrap's asset
 * bucket, `assets/<Name>-<sha256 of the zip>.zip`: an unchanged function has the same key, so nothing updates.
 */
import { cp, rm } from "node:fs/promises";
import { join } from "node:path";
import * as pulumi from "@pulumi/pulumi";
import { SSTError, useBootstrap, useProgram, type Artifact } from "@sst/core";
import type { AwsBootstrap } from "../../bootstrap.js";
import { zipDirectory } from "../../build/zip.js";

/** Where a function's code goes. */
export interface CodeObject {
  /** The asset bucket. */
  bucket: string;
  /** The object key. */
  key: string;
  /** The zip to upload; undefined when builds were skipped (offline), where the object is a placeholder. */
  zip?: string;
}

/** The asset bucket name used when there is no bootstrap and nothing is deployed (offline synth). */
export const OFFLINE_BUCKET = "sst-asset-offline";

/**
 * Packages `artifact` (a build's, or under `sst dev` the live bridge's directory) for the function `name`. Under skipped builds (`sst diff --offline`, tests without
 * `build`), the key is a stable placeholder (`assets/<Name>-skipped.zip`) and nothing is read or written.
 */
export function codeObject(
  name: string,
  artifact: pulumi.Output<Pick<Artifact, "dir" | "skipped">>,
  options: {
    postbuild?: (dir: string) => Promise<void>;
    /** Whether the zip goes to the asset bucket (which must then exist); else it is given to Lambda directly. */
    bucket: boolean;
  },
): pulumi.Output<CodeObject> {
  const { postbuild } = options;
  const program = useProgram("sst.aws.Function");
  const bucket = useBootstrap<AwsBootstrap>("aws")?.asset;
  const file = name.replace(/[^A-Za-z0-9_-]/g, "_") + (program.dev ? ".dev" : "");
  const base = join(program.root, ".sst", "artifacts");
  return artifact.apply(async (a): Promise<CodeObject> => {
    if (a.skipped) return { bucket: bucket ?? OFFLINE_BUCKET, key: `assets/${name}-skipped.zip` };
    if (!bucket && options.bucket) {
      throw new SSTError({
        code: "E_AWS_BOOTSTRAP_MISSING",
        message: `Function "${name}": there is no AWS bootstrap (asset bucket) to upload its code to.`,
        hint: 'Run it through the sst CLI with the aws provider configured (providers: { aws: {} }), or pass bootstrap: { aws: { asset: "..." } } to synth.',
      });
    }
    let dir = a.dir;
    if (postbuild && !program.dev) {
      dir = join(base, `${file}.postbuild`);
      await rm(dir, { recursive: true, force: true });
      await cp(a.dir, dir, { recursive: true });
      try {
        await postbuild(dir);
      } catch (error) {
        throw new SSTError({
          code: "E_FUNCTION_POSTBUILD",
          message: `Function "${name}": hook.postbuild failed: ${error instanceof Error ? error.message : String(error)}`,
          hint: `It ran on ${dir}.`,
        });
      }
    }
    const zip = await zipDirectory(dir, join(base, `${file}.zip`));
    return { bucket: bucket ?? OFFLINE_BUCKET, key: `assets/${name}-${zip.hash}.zip`, zip: zip.path };
  });
}

/** The code of a function given its zip directly: the zip, or a tiny placeholder offline. */
export function codeArchive(code: pulumi.Output<CodeObject>): pulumi.Output<pulumi.asset.Archive> {
  return code.apply((c) =>
    c.zip ? new pulumi.asset.FileArchive(c.zip) : new pulumi.asset.AssetArchive({ "placeholder.txt": new pulumi.asset.StringAsset("builds were skipped") }),
  );
}

/** The object's content: the zip, or a tiny placeholder offline. */
export function codeSource(code: pulumi.Output<CodeObject>): pulumi.Output<pulumi.asset.Asset> {
  return code.apply((c) => (c.zip ? new pulumi.asset.FileAsset(c.zip) : new pulumi.asset.StringAsset("placeholder: builds were skipped")));
}
