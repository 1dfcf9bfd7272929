/**
 * Which stage a command runs on: `--stage`, then `SST_STAGE` (process env, then the app's `.env`), then the
 * personal stage saved in `.sst/stage`, then the user's name.
 *
 * Only the personal stage is saved to `.sst/stage`: the one derived from the user's name (or read back from
 * that file). Saving `--stage production` there would make the next bare `sst deploy` hit production, which
 * is not what anyone expects from a one-off flag.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { userInfo } from "node:os";
import { join } from "node:path";
import { SSTError } from "./errors.js";
import { validateStage } from "./config/validate.js";
import { dotenvProblems, parseDotenv } from "./dotenv.js";

/** Usernames that would make a personal stage look like a shared one. */
export const RESERVED_STAGE_USERNAMES = ["root", "admin", "prod", "dev", "production"];

export type StageSource = "flag" | "env" | "dotenv" | "file" | "username";

/** Where each source is, as an error names it. */
const FROM: Record<StageSource, string> = {
  flag: "--stage",
  env: "SST_STAGE",
  dotenv: "SST_STAGE in .env",
  file: ".sst/stage",
  username: "your username",
};

export interface StageOptions {
  /** The app root (where `.sst/` and `.env` live). */
  root: string;
  /** `--stage`. */
  flag?: string;
  env?: NodeJS.ProcessEnv;
  /** Override for tests; defaults to the OS user name. */
  username?: string;
}

/** Reads `<root>/.env` (an empty object when there is none); every bad line is reported at once. */
export function readDotenv(root: string): Record<string, string> {
  const path = join(root, ".env");
  if (!existsSync(path)) return {};
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (cause) {
    const reason = (cause as NodeJS.ErrnoException).code === "EISDIR" ? "it is a directory" : (cause as Error).message;
    throw new SSTError({ code: "E_DOTENV_INVALID", message: `${path} could not be read: ${reason}.`, hint: "Make .env a file of NAME=value lines, or remove it." }, { cause });
  }
  const { entries, problems } = parseDotenv(text);
  if (problems.length) throw new SSTError(dotenvProblems(path, problems));
  return Object.fromEntries(entries.map((e) => [e.name, e.value]));
}

export function resolveStage(options: StageOptions): { stage: string; source: StageSource } {
  const env = options.env ?? process.env;
  const file = join(options.root, ".sst", "stage");
  let found: { stage: string; source: StageSource } | undefined;
  if (options.flag !== undefined && options.flag !== "") found = { stage: options.flag, source: "flag" };
  else if (env.SST_STAGE) found = { stage: env.SST_STAGE, source: "env" };
  else {
    const dotenv = readDotenv(options.root).SST_STAGE;
    if (dotenv) found = { stage: dotenv, source: "dotenv" };
    else if (existsSync(file) && readFileSync(file, "utf8").trim()) {
      found = { stage: readFileSync(file, "utf8").trim(), source: "file" };
    }
  }
  if (!found) {
    const raw = options.username ?? safeUsername();
    const guess = raw.toLowerCase().replace(/[^a-z0-9-]/g, "");
    if (!guess || RESERVED_STAGE_USERNAMES.includes(guess)) {
      throw new SSTError({
        code: "E_STAGE_REQUIRED",
        message: guess
          ? `Your username "${guess}" cannot be used as a personal stage (reserved: ${RESERVED_STAGE_USERNAMES.join(", ")}).`
          : "Could not pick a personal stage from your username.",
        hint: "Pick a stage: pass --stage <name>, set SST_STAGE in your environment or .env, or write it to .sst/stage.",
      });
    }
    found = { stage: guess, source: "username" };
  }
  const problem = validateStage(found.stage);
  if (problem) throw new SSTError({ ...problem, message: `${FROM[found.source]}: ${problem.message}` });
  if (found.source === "username") {
    mkdirSync(join(options.root, ".sst"), { recursive: true });
    writeFileSync(file, found.stage + "\n");
  }
  return found;
}

function safeUsername(): string {
  try {
    return userInfo().username;
  } catch {
    return process.env.USER ?? "";
  }
}
