/**
 * The work behind `sst secret`. Values are read and written through the app's home, sealed with the stage's
 * passphrase (the fallback set with its own). Values are printed only by `list`, and never logged.
 * Changes go through `updateSecrets`, a compare-and-swap on the blob, so concurrent commands all land; they
 * do not wait for the stage lock: a deploy that holds it keeps the values it read when it started.
 */
import {
  checkSecretName,
  dotenvProblems,
  FALLBACK_STAGE,
  formatDotenv,
  parseDotenv,
  secretNameProblem,
  SSTError,
  type Home,
  type StageRef,
} from "@sst/core";
import { readFile } from "node:fs/promises";
import { resolve } from "node:path";
import { openProject, type ProjectArgs } from "../project.js";
import { fallbackSecrets, openHome, passphraseFor, readSecrets, stageSecrets, updateSecrets } from "../home/open.js";
import { logger, printData } from "../ui/logger.js";

interface SecretArgs extends ProjectArgs {
  fallback?: boolean;
}

async function openSet(args: SecretArgs): Promise<{ home: Home; ref: StageRef; label: string }> {
  const project = await openProject(args, "secret");
  const home = await openHome(project.kernel, project.app);
  const stage = args.fallback ? FALLBACK_STAGE : project.app.stage;
  const label = args.fallback ? "the fallback set" : `stage "${stage}"`;
  return { home, ref: { app: project.app.name, stage }, label };
}

/** What to do next: deploy, later if a command that holds the stage's lock is still running on old values. */
async function nextStep(home: Home, ref: StageRef): Promise<string> {
  const held = ref.stage === FALLBACK_STAGE ? undefined : await home.readLock(ref).catch(() => undefined);
  if (!held) return "Run `sst deploy` to update.";
  return `\`sst ${held.command}\` is running on this stage with the values it read when it started: run \`sst deploy\` after it ends.`;
}

async function readStdin(): Promise<string | undefined> {
  if (process.stdin.isTTY) return undefined;
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  // `echo value | sst secret set X` and files end with a newline that is not part of the value.
  return Buffer.concat(chunks).toString("utf8").replace(/\r?\n$/, "");
}

export async function secretSet(args: SecretArgs & { name: string; value?: string }): Promise<void> {
  checkSecretName(args.name);
  const value = args.value ?? (await readStdin());
  if (!value) {
    throw new SSTError({
      code: "E_SECRET_VALUE_MISSING",
      message: `No value given for secret "${args.name}".`,
      hint: `Pass it as an argument (sst secret set ${args.name} <value>) or on stdin (sst secret set ${args.name} < file).`,
    });
  }
  const { home, ref, label } = await openSet(args);
  const passphrase = await passphraseFor(home, ref, { create: true });
  await updateSecrets(home, ref, passphrase, (secrets) => void (secrets[args.name] = value));
  logger.success(`Set "${args.name}" for ${label}. ${await nextStep(home, ref)}`);
}

export async function secretRemove(args: SecretArgs & { name: string }): Promise<void> {
  checkSecretName(args.name);
  const { home, ref, label } = await openSet(args);
  const notSet = new SSTError({
    code: "E_SECRET_NOT_SET",
    message: `Secret "${args.name}" is not set for ${label}.`,
    hint: `Run \`sst secret list${args.fallback ? " --fallback" : ""}\` to see the secrets that are set.`,
  });
  const passphrase = await home.getPassphrase(ref);
  if (!passphrase) throw notSet;
  await updateSecrets(home, ref, passphrase, (secrets) => {
    if (!(args.name in secrets)) throw notSet;
    delete secrets[args.name];
  });
  logger.success(`Removed "${args.name}" from ${label}. ${await nextStep(home, ref)}`);
}

export async function secretLoad(args: SecretArgs & { file: string }): Promise<void> {
  const path = resolve(args.file);
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (cause) {
    throw new SSTError({ code: "E_FILE_UNREADABLE", message: `Cannot read ${args.file}: ${(cause as Error).message}` }, { cause });
  }
  const { entries, problems } = parseDotenv(text);
  const all = [
    ...dotenvProblems(args.file, problems),
    ...entries.flatMap((e) => {
      const problem = secretNameProblem(e.name);
      return problem ? [{ ...problem, message: `${args.file}: line ${e.line}: ${problem.message}` }] : [];
    }),
  ];
  if (all.length) throw new SSTError(all);
  if (!entries.length) {
    throw new SSTError({ code: "E_SECRET_LOAD_EMPTY", message: `${args.file} holds no NAME=value lines; nothing was set.` });
  }
  const { home, ref, label } = await openSet(args);
  const passphrase = await passphraseFor(home, ref, { create: true });
  await updateSecrets(home, ref, passphrase, (secrets) => {
    for (const entry of entries) secrets[entry.name] = entry.value;
  });
  const names = [...new Set(entries.map((e) => e.name))];
  logger.success(`Set ${names.length} secret${names.length === 1 ? "" : "s"} for ${label}: ${names.join(", ")}. ${await nextStep(home, ref)}`);
}

export async function secretList(args: SecretArgs): Promise<void> {
  const { home, ref, label } = await openSet(args);
  // A stage that was never deployed and has no secrets is most likely a typo: passphraseFor says so.
  const { own, inherited } = args.fallback
    ? { own: await fallbackSecrets(home, ref.app), inherited: {} as Record<string, string> }
    : await stageSecrets(home, ref, await passphraseFor(home, ref, { create: false }));
  const lines = Object.keys(own).sort().map((name) => formatDotenv(name, own[name]!));
  if (Object.keys(inherited).length) {
    lines.push(`# fallback values (${label} has none of its own for these)`);
    for (const name of Object.keys(inherited).sort()) lines.push(formatDotenv(name, inherited[name]!));
  }
  if (!lines.length) {
    logger.info(`No secrets are set for ${label}.`);
    return;
  }
  // Dotenv lines: the command's data (`sst secret list > .env`), not a message.
  printData(lines.join("\n") + "\n");
}
