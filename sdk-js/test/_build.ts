// Builds sdk-js/dist from the current source for tests that spawn real `node` on the package.
// Test files run in parallel, so builds are serialised with flock; tsc is incremental, so the
// second caller finds nothing to do.
import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";

const sdkRoot = fileURLToPath(new URL("..", import.meta.url));
const tsc = fileURLToPath(new URL("../../node_modules/typescript/bin/tsc", import.meta.url));

export function buildSdk(): void {
  execFileSync("flock", ["/tmp/sst-sdk-js-build.lock", process.execPath, tsc, "-p", "tsconfig.json"], {
    cwd: sdkRoot,
    stdio: "inherit",
  });
}
