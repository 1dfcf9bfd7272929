/**
 * A sandbox for CLI tests: apps in a temp directory and a config dir of their own (`SST_CONFIG_DIR`), so
 * nothing touches ~/.config; installs are skipped (`SST_SKIP_INSTALL=1`) and the stage is `dev`.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sstAsync } from "./_registry.js";
import type { CliResult } from "./run-cli.js";

/** A provider-less app on the local home with a Secret (no placeholder) and a Linkable. */
export const LOCAL_APP = `/// <reference path="./.sst/platform/config.d.ts" />
export default $config({
  app() {
    return { name: "cli-test", home: "local" };
  },
  async run() {
    const key = new sst.Secret("ApiKey");
    const settings = new sst.Linkable("Settings", { properties: { retries: 3 } });
    return { key: key.value, settings: settings.urn };
  },
});
`;

export interface Sandbox {
  root: string;
  /** The `SST_CONFIG_DIR` of every run. */
  configDir: string;
  /** A new directory under the sandbox, with `sst.config.ts` when `config` is given, and other files. */
  dir(name: string, config?: string, files?: Record<string, string>): string;
  run(args: string[], options: { cwd: string; env?: Record<string, string>; input?: string; offline?: boolean }): Promise<CliResult>;
  cleanup(): void;
}

export function sandbox(): Sandbox {
  const root = mkdtempSync(join(tmpdir(), "sst-cli-"));
  const configDir = join(root, ".config-sst");
  return {
    root,
    configDir,
    dir(name, config, files = {}) {
      const dir = join(root, name);
      mkdirSync(dir, { recursive: true });
      if (config !== undefined) writeFileSync(join(dir, "sst.config.ts"), config);
      for (const [path, text] of Object.entries(files)) {
        mkdirSync(join(dir, path, ".."), { recursive: true });
        writeFileSync(join(dir, path), text);
      }
      return dir;
    },
    run(args, options) {
      const env = { SST_CONFIG_DIR: configDir, SST_STAGE: "dev", SST_SKIP_INSTALL: "1", ...options.env };
      return sstAsync(args, { ...options, env });
    },
    cleanup: () => rmSync(root, { recursive: true, force: true }),
  };
}

/** One `✕ message` line (plus an optional indented hint), no stack trace. */
export function expectUserError(result: CliResult): string {
  if (result.code !== 1) throw new Error(`expected exit 1, got ${result.code}\nstdout: ${result.stdout}\nstderr: ${result.stderr}`);
  const lines = result.stderr.trimEnd().split("\n");
  if (!lines[0]!.startsWith("✕ ")) throw new Error(`expected a ✕ line, got: ${result.stderr}`);
  if (/\n\s+at /.test(result.stderr)) throw new Error(`stack trace in: ${result.stderr}`);
  return result.stderr;
}
