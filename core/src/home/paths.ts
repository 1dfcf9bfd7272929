/** Where SST keeps per-user files: `$SST_CONFIG_DIR`, else `$XDG_CONFIG_HOME/sst`, else `~/.config/sst`. */
import { homedir } from "node:os";
import { join } from "node:path";

export function configDir(env: NodeJS.ProcessEnv = process.env): string {
  if (env.SST_CONFIG_DIR) return env.SST_CONFIG_DIR;
  const base = env.XDG_CONFIG_HOME || join(env.HOME || homedir(), ".config");
  return join(base, "sst");
}
