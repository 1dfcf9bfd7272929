/**
 * The work behind `sst secret`. Values are read and written through the app's home, sealed with the stage's
 * passphrase (the fallback set with its own). Values are printed only by `list`, and never logged.
 * Changes go through `updateSecrets`, a compare-and-swap on the blob, so concurrent commands all land; they
 * do not wait for the stage lock: a deploy that holds it keeps the values it read when it started.
 */
import { FALLBACK_STAGE, SSTError, type Home, type StageRef } from "@sst/core";
import { readFile } from "node:fs/promises";
import { resolve } from "node:path";
import { openProject, type ProjectArgs } from "../project.js";
import { openHome, passphraseFor, readSecrets, updateSecrets } from "../stage/home.js";
import { formatDotenv, parseDotenv } from "../util/dotenv.js";

export const SECRET_NAME = /^[A-Z][a-zA-Z0-9_]*$/;

interface SecretArgs extends ProjectArgs {
  fallback?: boolean;
}

function badName(name: string) {
  return {
    code: "E_SECRET_NAME_INVALID",
    message: `Secret name "${name}" is not valid: it must start with an upper-case letter and contain only letters, numbers and underscores.`,
    hint: "For example: StripeSecret, API_KEY.",
  };
}

function checkName(name: string): void {
  if (!SECRET_NAME.test(name)) throw new SSTError(badName(name));
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
  checkName(args.name);
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
  process.stdout.write(`✓ Set "${args.name}" for ${label}. ${await nextStep(home, ref)}\n`);
}

export async function secretRemove(args: SecretArgs & { name: string }): Promise<void> {
  checkName(args.name);
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
  process.stdout.write(`✓ Removed "${args.name}" from ${label}. ${await nextStep(home, ref)}\n`);
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
    ...problems.map((p) => ({ code: "E_DOTENV_LINE", message: `${args.file}: ${p.message}`, hint: "Each line must be NAME=value (values may be quoted)." })),
    ...entries.filter((e) => !SECRET_NAME.test(e.name)).map((e) => ({ ...badName(e.name), message: `${args.file}: line ${e.line}: ${badName(e.name).message}` })),
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
  process.stdout.write(`✓ Set ${names.length} secret${names.length === 1 ? "" : "s"} for ${label}: ${names.join(", ")}. ${await nextStep(home, ref)}\n`);
}

export async function secretList(args: SecretArgs): Promise<void> {
  const { home, ref, label } = await openSet(args);
  const fallbackRef = { app: ref.app, stage: FALLBACK_STAGE };
  const fallbackPass = await home.getPassphrase(fallbackRef);
  const fallback = fallbackPass ? await readSecrets(home, fallbackRef, fallbackPass) : {};
  // A stage that was never deployed and has no secrets is most likely a typo: say so.
  const own = args.fallback ? fallback : await readSecrets(home, ref, await passphraseFor(home, ref, { create: false }));
  const inherited = args.fallback ? {} : Object.fromEntries(Object.entries(fallback).filter(([name]) => !(name in own)));
  const lines = Object.keys(own).sort().map((name) => formatDotenv(name, own[name]!));
  if (Object.keys(inherited).length) {
    lines.push(`# fallback values (${label} has none of its own for these)`);
    for (const name of Object.keys(inherited).sort()) lines.push(formatDotenv(name, inherited[name]!));
  }
  if (!lines.length) {
    process.stderr.write(`No secrets are set for ${label}.\n`);
    return;
  }
  process.stdout.write(lines.join("\n") + "\n");
}
