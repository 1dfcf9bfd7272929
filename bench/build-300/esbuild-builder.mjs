// A real Node.js builder for the bench, the way a provider plugin writes one: one `esbuild.build` per function
// (no context kept), bundle written straight to the artifact directory, the files esbuild read reported as the
// build's inputs (the cache key), esbuild's errors returned with their location.
import { build, version } from "esbuild";
import { join } from "node:path";
import { definePlugin, esbuildMessages } from "@sst/core";

export const esbuildBuilder = () =>
  definePlugin({
    name: "bench-esbuild",
    apply(kernel) {
      kernel.hooks.build.for("nodejs").tapPromise({ name: "bench-esbuild", version }, async (input) => {
        const entry = input.handler.replace(/\.[^.]+$/, ".ts");
        try {
          const result = await build({
            entryPoints: [join(input.root, entry)],
            absWorkingDir: input.root,
            outfile: join(input.out, "index.mjs"),
            bundle: true,
            minify: true,
            format: "esm",
            platform: "node",
            target: "node20",
            metafile: true,
            logLevel: "silent",
          });
          return { handler: "index.handler", out: input.out, inputs: Object.keys(result.metafile.inputs) };
        } catch (error) {
          return { handler: "index.handler", out: input.out, errors: esbuildMessages(error.errors ?? [{ text: String(error), location: null }]) };
        }
      });
    },
  });
