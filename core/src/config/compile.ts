/**
 * Compiles `sst.config.ts` with esbuild: TypeScript to ESM, local imports bundled, packages left external
 * (so the app's own installed versions are used), an inline source map so errors point at the user's file.
 * Top-level `import` statements are allowed (SST forbids them).
 */
import { build, type Message } from "esbuild";
import { mkdirSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { SSTError } from "../errors.js";
import { esbuildMessages, formatLocation } from "../build/messages.js";

export interface CompiledConfig {
  /** Absolute path of the compiled `.mjs`. */
  outfile: string;
}

function location(message: Message, root: string): string | undefined {
  return formatLocation(esbuildMessages([message])[0]!, root);
}

export async function compileConfig(configPath: string): Promise<CompiledConfig> {
  const root = dirname(configPath);
  const outdir = join(root, ".sst", "platform");
  mkdirSync(outdir, { recursive: true });
  const outfile = join(outdir, `sst.config.${process.pid}.${Date.now()}.mjs`);
  try {
    await build({
      entryPoints: [configPath],
      outfile,
      bundle: true,
      format: "esm",
      platform: "node",
      target: "node20",
      packages: "external",
      sourcemap: "inline",
      sourcesContent: false,
      logLevel: "silent",
      absWorkingDir: root,
      // Bundled CommonJS code in ESM needs `require`, `__filename` and `__dirname`.
      banner: {
        js: [
          `import { createRequire as __sstCreateRequire } from "node:module";`,
          `const require = __sstCreateRequire(import.meta.url);`,
        ].join("\n"),
      },
    });
  } catch (error) {
    const errors: Message[] = (error as { errors?: Message[] }).errors ?? [];
    if (errors.length === 0) throw error;
    throw new SSTError(
      errors.map((m) => ({
        code: "E_CONFIG_COMPILE",
        message: `${location(m, root) ?? basename(configPath)}: ${m.text}`,
      })),
      { location: location(errors[0]!, root) },
    );
  }
  return { outfile };
}
