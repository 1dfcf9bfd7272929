/**
 * The bridge binary (`plugins/live/bridge`, Go) for an architecture: the copy built into the package at pack
 * time when there is one, else built here with the Go toolchain into the user cache (once per source change).
 */
import { execFile } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync } from "node:fs";
import { homedir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { SSTError } from "@sst/core";

const root = fileURLToPath(new URL("../../", import.meta.url));
/** The bridge's Go sources. */
export const BRIDGE_SOURCE = join(root, "bridge");

export type BridgeArchitecture = "x86_64" | "arm64";

/** Hash of the bridge's sources: the cache key of a build. */
export function bridgeSourceHash(): string {
  const hash = createHash("sha256");
  for (const file of readdirSync(BRIDGE_SOURCE).filter((f) => /\.(go|mod|sum)$/.test(f)).sort()) {
    hash.update(file).update("\0").update(readFileSync(join(BRIDGE_SOURCE, file))).update("\0");
  }
  return hash.digest("hex").slice(0, 16);
}

/**
 * Where a packed @sst/live keeps its prebuilt bridge for `architecture` (a directory holding only
 * `bootstrap`: it is deployed as the function's code), and the file naming the sources it was built from.
 */
export function prebuiltBridge(architecture: BridgeArchitecture): { binary: string; sourceHash: string } {
  return { binary: join(root, "dist", "bridge", architecture, "bootstrap"), sourceHash: join(root, "dist", "bridge", `${architecture}.source-hash`) };
}

/**
 * Path of a `bootstrap` for `architecture` (Linux, static): the prebuilt one when it was built from these
 * sources, else one built here into the cache.
 */
export async function bridgeBinary(architecture: BridgeArchitecture, cacheDir = defaultCache()): Promise<string> {
  const prebuilt = prebuiltBridge(architecture);
  if (existsSync(prebuilt.binary) && existsSync(prebuilt.sourceHash) && readFileSync(prebuilt.sourceHash, "utf8").trim() === bridgeSourceHash()) {
    return prebuilt.binary;
  }
  const out = join(cacheDir, `${bridgeSourceHash()}-${architecture}`, "bootstrap");
  if (existsSync(out)) return out;
  mkdirSync(join(out, ".."), { recursive: true });
  const partial = `${out}.${process.pid}.tmp`;
  try {
    await promisify(execFile)("go", ["build", "-trimpath", "-buildvcs=false", "-ldflags=-s -w", "-o", partial, "."], {
      cwd: BRIDGE_SOURCE,
      env: { ...process.env, CGO_ENABLED: "0", GOOS: "linux", GOARCH: architecture === "arm64" ? "arm64" : "amd64", GOFLAGS: "-mod=mod" },
    });
  } catch (error) {
    const detail = (error as { stderr?: string }).stderr?.trim() || (error as Error).message;
    throw new SSTError({
      code: "E_LIVE_BRIDGE_BUILD",
      message: `Could not build the sst dev bridge for ${architecture}: ${detail}`,
      hint: "This copy of @sst/live has no prebuilt bridge, so it needs Go (https://go.dev/dl) on your PATH; or install a published @sst/live.",
    });
  }
  renameSync(partial, out); // atomic: a concurrent build of the same sources writes the same bytes
  return out;
}

function defaultCache(): string {
  return join(process.env.XDG_CACHE_HOME ?? join(homedir(), ".cache"), "sst", "live-bridge");
}
