/**
 * Runs `npm install` in a project. `SST_SKIP_INSTALL=1` skips every install (tests and offline setups use it);
 * the command then says what it would have installed.
 */
import { SSTError } from "@sst/core";
import { spawn } from "node:child_process";
import { logger } from "../ui/logger.js";

export function installSkipped(env: NodeJS.ProcessEnv = process.env): boolean {
  return env.SST_SKIP_INSTALL === "1" || env.SST_SKIP_INSTALL === "true";
}

/** `npm install [--save-dev] <specs...>` in `root`; returns false when skipped. */
export async function npmInstall(root: string, specs: string[], options: { dev?: boolean } = {}): Promise<boolean> {
  const args = ["install", ...(options.dev ? ["--save-dev"] : []), ...specs, "--no-audit", "--no-fund"];
  const shown = `npm ${args.slice(0, -2).join(" ")}`;
  if (installSkipped()) {
    logger.log(`  skipped: ${shown} (SST_SKIP_INSTALL is set)`);
    return false;
  }
  logger.log(`  $ ${shown}`);
  const code = await new Promise<number>((resolve, reject) => {
    const child = spawn("npm", args, { cwd: root, stdio: "inherit", shell: process.platform === "win32" });
    child.on("error", reject);
    child.on("exit", (status) => resolve(status ?? 1));
  }).catch((cause: NodeJS.ErrnoException) => {
    throw new SSTError(
      {
        code: cause.code === "ENOENT" ? "E_NPM_MISSING" : "E_INSTALL_FAILED",
        message: cause.code === "ENOENT" ? "npm was not found on PATH." : `${shown} could not start: ${cause.message}`,
        hint: "Install Node.js with npm, or set SST_SKIP_INSTALL=1 and install the packages yourself.",
      },
      { cause },
    );
  });
  if (code !== 0) {
    throw new SSTError({ code: "E_INSTALL_FAILED", message: `${shown} failed (exit code ${code}); see its output above.` });
  }
  return true;
}
