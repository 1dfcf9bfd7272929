/** Where SST keeps per-user files: `$SST_CONFIG_DIR`, else `$XDG_CONFIG_HOME/sst`, else `~/.config/sst`. */
import { statSync } from "node:fs";
import { homedir } from "node:os";
import { join } from "node:path";
import { SSTError } from "../errors.js";

export function configDir(env: NodeJS.ProcessEnv = process.env): string {
  if (env.SST_CONFIG_DIR) return directory(env.SST_CONFIG_DIR, "SST_CONFIG_DIR");
  const base = env.XDG_CONFIG_HOME ? directory(env.XDG_CONFIG_HOME, "XDG_CONFIG_HOME") : join(env.HOME || homedir(), ".config");
  return join(base, "sst");
}

/** `path`, when it is a directory or does not exist yet (it is created on first write); else `E_CONFIG_DIR`. */
function directory(path: string, variable: string): string {
  const stat = statSync(path, { throwIfNoEntry: false });
  if (stat && !stat.isDirectory()) {
    throw new SSTError({
      code: "E_CONFIG_DIR",
      message: `${variable}=${path} is not a directory.`,
      hint: `Point ${variable} at a directory (it is created if missing), or unset it to use ~/.config/sst.`,
    });
  }
  return path;
}
