/**
 * For the Node.js builder's tests: a copy of the fixture app in a temporary directory (outside the repository, so
 * nothing resolves from its node_modules), builds through the real build owner, unzipping, and invoking a built
 * handler in a child Node process the way Lambda's runtime loads it.
 */
import { spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { Kernel, requestBuild, synth, validateApp, type Artifact, type BuildEvent } from "@sst/core";
import { aws } from "@sst/aws";
import yauzl from "yauzl";

const FIXTURES = join(import.meta.dirname, "fixtures");

/** A fresh copy of `fixtures/node-app` (with its `file:` packages beside it and `cjs-dep` in node_modules). */
export function nodeApp(): { root: string; base: string; remove: () => void } {
  const base = mkdtempSync(join(tmpdir(), "sst-node-build-"));
  for (const dir of ["node-app", "node-dep-cjs", "node-pkg-install"]) cpSync(join(FIXTURES, dir), join(base, dir), { recursive: true });
  const root = join(base, "node-app");
  cpSync(join(FIXTURES, "node-dep-cjs"), join(root, "node_modules", "cjs-dep"), { recursive: true });
  return { root, base, remove: () => rmSync(base, { recursive: true, force: true }) };
}

export interface NodeRequest {
  handler: string;
  properties?: Record<string, unknown>;
}

/** Builds each function through the kernel's build owner with the aws plugin's builders; the artifacts by name. */
export async function buildFunctions(root: string, requests: Record<string, NodeRequest>, events: BuildEvent[] = [], dev = false) {
  const result = await synth({
    kernel: new Kernel({ plugins: [aws()] }),
    app: validateApp({ name: "app", home: "local" }, "test"),
    root,
    dev,
    secrets: {},
    build: { onEvent: (e) => events.push(e) },
    run() {
      return Object.fromEntries(
        Object.entries(requests).map(([name, r]) => [name, requestBuild({ name, runtime: "nodejs", handler: r.handler, properties: r.properties ?? {} })]),
      );
    },
  });
  return result.outputs as Record<string, Artifact>;
}

/** Calls `handler` (`src/api.handler`) of the package in `dir` with `event`, in a child Node process whose cwd is `dir`. */
export function invoke(dir: string, handler: string, event: unknown = {}, nodeOptions: string[] = []): { result?: unknown; stderr: string } {
  const dot = handler.lastIndexOf(".");
  const base = handler.slice(0, dot);
  const file = [".mjs", ".js", ".cjs"].map((ext) => join(dir, base + ext)).find((f) => existsSync(f));
  if (!file) throw new Error(`no ${base}.{mjs,js,cjs} in ${dir}`);
  // As Lambda's runtime does: import() an .mjs file, require() a .js or .cjs one.
  const script = `
    import { createRequire } from "node:module";
    import { pathToFileURL } from "node:url";
    const [file, name, event] = process.argv.slice(1);
    const mod = file.endsWith(".mjs") ? await import(pathToFileURL(file).href) : createRequire(file)(file);
    const result = await mod[name](JSON.parse(event), { awsRequestId: "req-1" });
    process.stdout.write(JSON.stringify(result));`;
  const child = spawnSync(process.execPath, [...nodeOptions, "--input-type=module", "-e", script, file, handler.slice(dot + 1), JSON.stringify(event)], {
    cwd: dir,
    encoding: "utf8",
    env: { PATH: process.env.PATH },
  });
  return { result: child.status === 0 ? JSON.parse(child.stdout) : undefined, stderr: child.stderr };
}

export interface ZipEntry {
  path: string;
  mode: number;
  data: Buffer;
}

/** The entries of a zip, in the order stored, with their unix mode and bytes. */
export async function readZip(file: string): Promise<ZipEntry[]> {
  const zip = await new Promise<yauzl.ZipFile>((resolve, reject) => yauzl.open(file, { lazyEntries: true }, (e, z) => (e ? reject(e) : resolve(z))));
  const entries: ZipEntry[] = [];
  await new Promise<void>((resolve, reject) => {
    zip.on("error", reject);
    zip.on("end", () => resolve());
    zip.on("entry", (entry: yauzl.Entry) => {
      zip.openReadStream(entry, (error, stream) => {
        if (error) return reject(error);
        const chunks: Buffer[] = [];
        stream.on("data", (c: Buffer) => chunks.push(c));
        stream.on("end", () => {
          entries.push({ path: entry.fileName, mode: entry.externalFileAttributes >>> 16, data: Buffer.concat(chunks) });
          zip.readEntry();
        });
        stream.on("error", reject);
      });
    });
    zip.readEntry();
  });
  return entries;
}

/** Writes the zip's files under `dir`, with their modes. */
export async function unzip(file: string, dir: string): Promise<void> {
  for (const entry of await readZip(file)) {
    const target = join(dir, entry.path);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, entry.data, { mode: entry.mode & 0o777 });
  }
}
