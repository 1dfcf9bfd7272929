/**
 * The engine's Node.js dynamic-provider plugin for one workspace: `<workspace>/plugins/pulumi-resource-pulumi-nodejs`,
 * a shell script that execs this Node with `provider-host.js` (the provider, stopped when its engine dies).
 * The workspace names it in the project settings (`plugins.providers`), which the engine prefers to `$PATH`
 * and to the plugin beside `pulumi`, so every engine (a managed install, SST_PULUMI_PATH, one on PATH) runs
 * this one. The shim passes the engine's pid on (`SST_ENGINE_PID`) for the host to watch.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

/** The provider host script. */
export const PROVIDER_HOST = fileURLToPath(new URL("./provider-host.js", import.meta.url));

const quote = (text: string) => `'${text.replace(/'/g, `'\\''`)}'`;

/** Writes the plugin into `<dir>/plugins` and returns that directory. */
export function writeProviderShim(dir: string): string {
  const plugins = join(dir, "plugins");
  mkdirSync(plugins, { recursive: true });
  const script = `#!/bin/sh\n# Written by sst: Pulumi's Node.js dynamic provider, stopped when its engine dies.\nexport SST_ENGINE_PID=$PPID\nexec ${quote(process.execPath)} ${quote(PROVIDER_HOST)} "$@"\n`;
  writeFileSync(join(plugins, "pulumi-resource-pulumi-nodejs"), script, { mode: 0o755 });
  return plugins;
}
