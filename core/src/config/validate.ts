/**
 * Checks what `app()` returned and fills in the defaults. Reports every problem at once, each naming the
 * field, the bad value and what is allowed.
 */
import semver from "semver";
import { SSTError, type Problem } from "../errors.js";
import type { ResolvedApp } from "./types.js";

export const APP_NAME = /^[a-zA-Z][a-zA-Z0-9-]*$/;
export const STAGE_NAME = /^[a-zA-Z0-9-]+$/;
/** Home names look like provider names; whether one exists is checked once plugins are applied (`withPluginDefaults`). */
const HOME_NAME = /^[a-z][a-z0-9-]*$/;
const REMOVALS = ["remove", "retain", "retain-all"];
const KNOWN = new Set(["name", "home", "removal", "protect", "providers", "version", "watch", "state", "types"]);

const show = (v: unknown) => (typeof v === "string" ? `"${v}"` : JSON.stringify(v) ?? String(v));

export function validateStage(stage: unknown): Problem | undefined {
  if (typeof stage !== "string" || !STAGE_NAME.test(stage)) {
    return {
      code: "E_STAGE_INVALID",
      message: `Stage ${show(stage)} is not valid: use only letters, numbers and hyphens.`,
      hint: "Pass another with --stage, e.g. --stage my-stage.",
    };
  }
  return undefined;
}

/** `cliVersion` undefined (a test, no CLI running): `version` is only checked to be a valid range. */
export function validateApp(input: unknown, stage: string, cliVersion?: string): ResolvedApp {
  const problems: Problem[] = [];
  const stageProblem = validateStage(stage);
  if (stageProblem) problems.push(stageProblem);
  if (typeof input !== "object" || input === null || Array.isArray(input)) {
    throw new SSTError({
      code: "E_CONFIG_APP_RETURN",
      message: `app() in sst.config.ts must return an object like { name: "my-app", home: "aws" }, got ${show(input)}.`,
    });
  }
  const app = input as Record<string, unknown>;
  if (app.name === undefined) {
    problems.push({ code: "E_CONFIG_NAME_MISSING", message: "app() must return a `name`.", hint: 'Add name: "my-app".' });
  } else if (typeof app.name !== "string" || !APP_NAME.test(app.name)) {
    problems.push({
      code: "E_CONFIG_NAME_INVALID",
      message: `App name ${show(app.name)} is not valid: it must start with a letter and contain only letters, numbers and hyphens.`,
    });
  }
  if (app.home === undefined) {
    problems.push({
      code: "E_CONFIG_HOME_MISSING",
      message: "app() must return a `home`: where state is stored.",
      hint: 'Add home: "local", or the home of a provider plugin (e.g. "aws" with @sst/aws).',
    });
  } else if (typeof app.home !== "string" || !HOME_NAME.test(app.home)) {
    problems.push({
      code: "E_CONFIG_HOME_INVALID",
      message: `home ${show(app.home)} is not valid: use "local" or the name of a plugin's home (lower-case letters, numbers and hyphens).`,
    });
  }
  if (app.removal !== undefined && !REMOVALS.includes(app.removal as string)) {
    problems.push({
      code: "E_CONFIG_REMOVAL_INVALID",
      message: `removal ${show(app.removal)} is not valid; use "remove", "retain" or "retain-all".`,
    });
  }
  if (app.protect !== undefined && typeof app.protect !== "boolean") {
    problems.push({ code: "E_CONFIG_PROTECT_INVALID", message: `protect must be true or false, got ${show(app.protect)}.` });
  }
  for (const field of ["backend", "removalPolicy"].filter((f) => f in app)) {
    problems.push({
      code: "E_CONFIG_DEPRECATED",
      message: `\`${field}\` is no longer supported.`,
      hint: "Use `home` for where state lives and `removal` for the removal policy.",
    });
  }
  for (const key of Object.keys(app)) {
    if (!KNOWN.has(key) && key !== "backend" && key !== "removalPolicy") {
      problems.push({
        code: "E_CONFIG_UNKNOWN_FIELD",
        message: `app() returned an unknown field \`${key}\`.`,
        hint: `Known fields: ${[...KNOWN].join(", ")}.`,
      });
    }
  }
  const providers = normaliseProviders(app.providers, problems);
  const home = app.home as ResolvedApp["home"];
  if (app.version !== undefined) {
    if (typeof app.version !== "string" || semver.validRange(app.version) === null) {
      problems.push({
        code: "E_CONFIG_VERSION_INVALID",
        message: `version ${show(app.version)} is not a semver range (e.g. "0.1.0" or ">= 0.1.0").`,
      });
    } else if (cliVersion !== undefined && !semver.satisfies(cliVersion, app.version, { includePrerelease: true })) {
      problems.push({
        code: "E_CONFIG_VERSION_MISMATCH",
        message: `This app needs SST ${app.version}, but the CLI is ${cliVersion}.`,
        hint: `Run: npm install sst@"${app.version}"  (or sst upgrade)`,
      });
    }
  }
  if (problems.length) throw new SSTError(problems);
  return {
    name: app.name as string,
    stage,
    home,
    removal: (app.removal as ResolvedApp["removal"]) ?? "retain",
    protect: (app.protect as boolean | undefined) ?? false,
    providers,
    version: app.version as string | undefined,
  };
}

function normaliseProviders(value: unknown, problems: Problem[]): ResolvedApp["providers"] {
  const out: ResolvedApp["providers"] = {};
  if (value === undefined) return out;
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    problems.push({
      code: "E_CONFIG_PROVIDERS_INVALID",
      message: `providers must be an object like { aws: "7.48.0" }, got ${show(value)}.`,
    });
    return out;
  }
  for (const [name, config] of Object.entries(value)) {
    if (typeof config === "string") out[name] = { version: config };
    else if (typeof config === "object" && config !== null && !Array.isArray(config)) out[name] = { ...(config as object) };
    else {
      problems.push({
        code: "E_CONFIG_PROVIDER_INVALID",
        message: `providers.${name} must be a version string or an object of provider args, got ${show(config)}.`,
        hint: `e.g. providers: { ${name}: "1.2.3" } or { ${name}: { version: "1.2.3", ... } }`,
      });
    }
  }
  return out;
}
