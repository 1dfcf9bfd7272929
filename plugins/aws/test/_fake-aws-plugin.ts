/**
 * Installs a stand-in aws provider plugin where the engine of a sandbox looks for plugins
 * (`<SST_CONFIG_DIR>/pulumi/plugins/resource-aws-v<version>/`), so an app that uses the default aws
 * provider runs through the real engine without the real plugin (which these machines cannot get).
 */
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";

const FAKE = join(import.meta.dirname, "fixtures", "fake-aws-provider.mjs");

/** The @pulumi/aws version: the plugin version the engine asks for. */
export const AWS_PLUGIN_VERSION: string = JSON.parse(readFileSync(createRequire(import.meta.url).resolve("@pulumi/aws/package.json"), "utf8")).version;

/** Writes the plugin into the config dir `home` (a sandbox's SST_CONFIG_DIR). */
export function installFakeAwsPlugin(home: string): void {
  const dir = join(home, "pulumi", "plugins", `resource-aws-v${AWS_PLUGIN_VERSION}`);
  mkdirSync(dir, { recursive: true });
  const bin = join(dir, "pulumi-resource-aws");
  writeFileSync(bin, `#!/bin/sh\nexec "${process.execPath}" "${FAKE}" "$@"\n`);
  chmodSync(bin, 0o755);
}
