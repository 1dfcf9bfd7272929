/**
 * Test helpers for commands that talk to the npm registry: a local registry on 127.0.0.1 serving minimal
 * version documents (`GET /<name>/<tag>`), and an async CLI runner (a sync spawn would block the server).
 */
import { spawn } from "node:child_process";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { dirname } from "node:path";
import { BIN, type CliResult } from "./run-cli.js";

/** name → dist-tag or version → document. */
export type Packages = Record<string, Record<string, Record<string, unknown>>>;

export interface Registry {
  url: string;
  /** Every path requested, in order. */
  requests: string[];
  close(): Promise<void>;
}

export async function startRegistry(packages: Packages): Promise<Registry> {
  const requests: string[] = [];
  const server: Server = createServer((req, res) => {
    const path = decodeURIComponent(req.url ?? "/");
    requests.push(path);
    const at = path.lastIndexOf("/");
    const doc = packages[path.slice(1, at)]?.[path.slice(at + 1)];
    res.writeHead(doc ? 200 : 404, { "content-type": "application/json" });
    res.end(doc ? JSON.stringify(doc) : JSON.stringify({ error: "Not found" }));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** Like `sst()` of run-cli.ts, without blocking this process's event loop; `bin` runs another sst install. */
export function sstAsync(
  args: string[],
  options: { cwd: string; env?: Record<string, string>; input?: string; offline?: boolean; bin?: string },
): Promise<CliResult> {
  const env = { HOME: process.env.HOME ?? "/tmp", PATH: dirname(process.execPath), ...options.env };
  const bin = options.bin ?? BIN;
  // offline: a fresh network namespace (`unshare -rn`), as run-cli.ts does.
  const [command, argv] = options.offline ? ["unshare", ["-rn", process.execPath, bin, ...args]] : [process.execPath, [bin, ...args]];
  return new Promise((resolve, reject) => {
    const child = spawn(command, argv, { cwd: options.cwd, env });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d) => (stdout += d));
    child.stderr.on("data", (d) => (stderr += d));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code: code ?? -1, stdout, stderr }));
    child.stdin.end(options.input ?? "");
  });
}

/** A provider package's version document: a package.json with a `pulumi` field. */
export function provider(name: string, version: string, alias: string): Record<string, unknown> {
  return { name, version, pulumi: { resource: true, name: alias, version } };
}
