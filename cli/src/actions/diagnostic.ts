/** The work behind `sst diagnostic`: logs and versions, redacted, in one zip under `.sst/`. */
import { FALLBACK_STAGE, findConfig } from "@sst/core";
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { arch, platform, release } from "node:os";
import { dirname, join, relative } from "node:path";
import { findPulumi, PULUMI_VERSION, pulumiVersion } from "../engine/pulumi.js";
import { openProject, type ProjectArgs } from "../project.js";
import { openHome, readSecrets } from "../home/open.js";
import { envSecrets, redact } from "../util/redact.js";
import { createZip, type ZipEntry } from "../util/zip.js";
import { VERSION } from "../version.js";
import { logger } from "../ui/logger.js";

/** Every value to hide: the stage's and the fallback secrets, their passphrases and the link secret, when they can be read. */
async function knownSecrets(args: ProjectArgs): Promise<{ values: string[]; note: string; stage?: string }> {
  const values = envSecrets();
  try {
    const project = await openProject(args, "diagnostic");
    const home = await openHome(project.kernel, project.app);
    let count = 0;
    const linkSecret = await home.getLinkSecret({ app: project.app.name, stage: project.app.stage });
    if (linkSecret) values.push(linkSecret);
    for (const stage of [project.app.stage, FALLBACK_STAGE]) {
      const ref = { app: project.app.name, stage };
      const passphrase = await home.getPassphrase(ref);
      if (!passphrase) continue;
      const secrets = Object.values(await readSecrets(home, ref, passphrase));
      values.push(passphrase, ...secrets);
      count += secrets.length;
    }
    return { values, note: `${count} secret value(s) of stage "${project.app.stage}" and the fallback set redacted`, stage: project.app.stage };
  } catch (error) {
    return { values, note: `the stage's secrets could not be read (${(error as Error).message.split("\n")[0]}); only SST_SECRET_* values were redacted` };
  }
}

function files(dir: string): string[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  return names.sort().flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : [path];
  });
}

function engineVersion(): string | null {
  try {
    const dir = findPulumi();
    return (dir && pulumiVersion(dir)) || null;
  } catch {
    return null;
  }
}

export async function diagnostic(args: ProjectArgs): Promise<void> {
  const root = dirname(await findConfig({ config: args.config }));
  const { values, note, stage } = await knownSecrets(args);
  const logDir = join(root, ".sst", "log");
  const logs = files(logDir);
  const entries: ZipEntry[] = logs.map((path) => ({
    name: `log/${relative(logDir, path).split("\\").join("/")}`,
    data: redact(readFileSync(path, "utf8"), values),
    date: statSync(path).mtime,
  }));
  const versions = {
    cli: VERSION,
    node: process.version,
    os: `${platform()} ${release()} ${arch()}`,
    "@pulumi/pulumi": PULUMI_VERSION,
    pulumi: engineVersion(),
    stage: stage ?? null,
    logs: logs.length,
    redaction: note,
    created: new Date().toISOString(),
  };
  entries.push({ name: "versions.json", data: redact(JSON.stringify(versions, null, 2) + "\n", values) });
  const stamp = new Date().toISOString().replace(/[-:]/g, "").replace(/\..*/, "").replace("T", "-");
  const out = join(root, ".sst", `diagnostic-${stamp}.zip`);
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, createZip(entries));
  logger.success(`Wrote ${relative(process.cwd(), out) || out} (${logs.length} log file${logs.length === 1 ? "" : "s"}; ${note})`);
}
