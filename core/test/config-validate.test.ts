import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { APP_NAME, STAGE_NAME, SSTError, validateApp, validateStage } from "@sst/core";
import { sstErrorSync } from "./_helpers.js";

const CLI = "0.4.2";
const ok = { name: "my-app", home: "local" };

/** The only problem `input` has, as validateApp reports it. */
function problemOf(input: unknown, stage = "dev", cli = CLI) {
  const error = sstErrorSync(() => validateApp(input, stage, cli));
  expect(error.problems).toHaveLength(1);
  return error.problems[0]!;
}

// One row per error code validate.ts can raise: [code, input, stage, exact message, hint (or undefined)].
const CASES: [string, unknown, string, string, string | undefined][] = [
  ["E_STAGE_INVALID", ok, "my_stage", 'Stage "my_stage" is not valid: use only letters, numbers and hyphens.', "Pass another with --stage, e.g. --stage my-stage."],
  ["E_CONFIG_APP_RETURN", "my-app", "dev", 'app() in sst.config.ts must return an object like { name: "my-app", home: "aws" }, got "my-app".', undefined],
  ["E_CONFIG_NAME_MISSING", { home: "local" }, "dev", "app() must return a `name`.", 'Add name: "my-app".'],
  ["E_CONFIG_NAME_INVALID", { ...ok, name: "1app" }, "dev", 'App name "1app" is not valid: it must start with a letter and contain only letters, numbers and hyphens.', undefined],
  ["E_CONFIG_HOME_MISSING", { name: "my-app" }, "dev", "app() must return a `home`: where state is stored.", 'Add home: "local", or the home of a provider plugin (e.g. "aws" with @sst/aws).'],
  ["E_CONFIG_HOME_INVALID", { ...ok, home: "My Home" }, "dev", 'home "My Home" is not valid: use "local" or the name of a plugin\'s home (lower-case letters, numbers and hyphens).', undefined],
  ["E_CONFIG_REMOVAL_INVALID", { ...ok, removal: "destroy" }, "dev", 'removal "destroy" is not valid; use "remove", "retain" or "retain-all".', undefined],
  ["E_CONFIG_PROTECT_INVALID", { ...ok, protect: "yes" }, "dev", 'protect must be true or false, got "yes".', undefined],
  ["E_CONFIG_DEPRECATED", { ...ok, backend: "s3" }, "dev", "`backend` is no longer supported.", "Use `home` for where state lives and `removal` for the removal policy."],
  ["E_CONFIG_UNKNOWN_FIELD", { ...ok, region: "us-east-1" }, "dev", "app() returned an unknown field `region`.", "Known fields: name, home, removal, protect, providers, version, watch, state, types."],
  ["E_CONFIG_PROVIDERS_INVALID", { ...ok, providers: ["aws"] }, "dev", 'providers must be an object like { aws: "7.48.0" }, got ["aws"].', undefined],
  ["E_CONFIG_PROVIDER_INVALID", { ...ok, providers: { aws: 7 } }, "dev", "providers.aws must be a version string or an object of provider args, got 7.", 'e.g. providers: { aws: "1.2.3" } or { aws: { version: "1.2.3", ... } }'],
  ["E_CONFIG_VERSION_INVALID", { ...ok, version: "latest-ish" }, "dev", 'version "latest-ish" is not a semver range (e.g. "0.1.0" or ">= 0.1.0").', undefined],
  ["E_CONFIG_VERSION_MISMATCH", { ...ok, version: ">= 1.0.0" }, "dev", "This app needs SST >= 1.0.0, but the CLI is 0.4.2.", 'Run: npm install sst@">= 1.0.0"  (or sst upgrade)'],
];

describe("validateApp error codes", () => {
  it.each(CASES)("reports %s with a message naming the field and the bad value", (code, input, stage, message, hint) => {
    const problem = problemOf(input, stage);
    expect(problem).toEqual(hint === undefined ? { code, message } : { code, message, hint });
  });

  it("has a case above for every error code validate.ts can raise", () => {
    const source = readFileSync(join(import.meta.dirname, "..", "src", "config", "validate.ts"), "utf8");
    const codes = new Set([...source.matchAll(/code: "(E_[A-Z_]+)"/g)].map((m) => m[1]));
    expect(codes.size).toBeGreaterThan(10);
    expect([...codes].sort()).toEqual(CASES.map((c) => c[0]).sort());
  });

  it("throws one SSTError whose code, message and hint are the problem's when there is one problem", () => {
    const error = sstErrorSync(() => validateApp({ name: "my-app" }, "dev", CLI));
    expect(error.code).toBe("E_CONFIG_HOME_MISSING");
    expect(error.message).toBe("app() must return a `home`: where state is stored.");
    expect(error.hint).toBe('Add home: "local", or the home of a provider plugin (e.g. "aws" with @sst/aws).');
  });
});

describe("app name and stage", () => {
  it.each(["a", "my-app", "App2", "a-b-c-1"])("accepts the app name %j", (name) => {
    expect(validateApp({ ...ok, name }, "dev", CLI).name).toBe(name);
  });

  it.each(["1app", "-app", "my_app", "my app", "app!", ""])("rejects the app name %j", (name) => {
    expect(problemOf({ ...ok, name }).code).toBe("E_CONFIG_NAME_INVALID");
  });

  it("rejects an app name that is not a string, showing the value", () => {
    expect(problemOf({ ...ok, name: 42 }).message).toBe(
      "App name 42 is not valid: it must start with a letter and contain only letters, numbers and hyphens.",
    );
  });

  it("uses the regexes the issue specifies", () => {
    expect(APP_NAME.source).toBe("^[a-zA-Z][a-zA-Z0-9-]*$");
    expect(STAGE_NAME.source).toBe("^[a-zA-Z0-9-]+$");
  });

  it.each(["dev", "pr-123", "123", "Prod-2"])("accepts the stage %j", (stage) => {
    expect(validateStage(stage)).toBeUndefined();
    expect(validateApp(ok, stage, CLI).stage).toBe(stage);
  });

  it.each(["my_stage", "a.b", "", "x y"])("rejects the stage %j", (stage) => {
    expect(validateStage(stage)?.code).toBe("E_STAGE_INVALID");
  });
});

describe("home, removal, protect", () => {
  // Which homes exist is known once plugins are applied (withPluginDefaults); here only the name's form counts.
  it.each(["aws", "cloudflare", "local", "gcp", "my-home2"])("accepts the well-formed home name %j", (home) => {
    expect(validateApp({ ...ok, home }, "dev", CLI).home).toBe(home);
  });

  it.each(["AWS", "my home", "", 3, "-x"])("rejects the home %j", (home) => {
    expect(problemOf({ ...ok, home }).code).toBe("E_CONFIG_HOME_INVALID");
  });

  it.each(["remove", "retain", "retain-all"])("accepts removal %j", (removal) => {
    expect(validateApp({ ...ok, removal }, "dev", CLI).removal).toBe(removal);
  });

  it("defaults removal to retain and protect to false", () => {
    const app = validateApp(ok, "dev", CLI);
    expect(app).toEqual({ name: "my-app", stage: "dev", home: "local", removal: "retain", protect: false, providers: {}, version: undefined });
  });

  it("keeps protect: true", () => {
    expect(validateApp({ ...ok, protect: true }, "dev", CLI).protect).toBe(true);
  });

  it("rejects protect given as a number", () => {
    expect(problemOf({ ...ok, protect: 1 }).message).toBe("protect must be true or false, got 1.");
  });

  it("names removalPolicy when that is the deprecated field used", () => {
    expect(problemOf({ ...ok, removalPolicy: "retain" }).message).toBe("`removalPolicy` is no longer supported.");
  });

  it("reports both deprecated fields when both are used", () => {
    const error = sstErrorSync(() => validateApp({ ...ok, backend: "s3", removalPolicy: "retain" }, "dev", CLI));
    expect(error.problems.map((p) => p.message)).toEqual([
      "`backend` is no longer supported.",
      "`removalPolicy` is no longer supported.",
    ]);
    expect(error.hint).toBe("Use `home` for where state lives and `removal` for the removal policy.");
  });

  it("accepts the fields SST v3 knows besides the core ones (watch, state, types)", () => {
    expect(() => validateApp({ ...ok, watch: ["src"], state: {}, types: {} }, "dev", CLI)).not.toThrow();
  });
});

describe("providers", () => {
  it("normalises a version string to { version }", () => {
    expect(validateApp({ ...ok, providers: { random: "4.16.0" } }, "dev", CLI).providers).toEqual({ random: { version: "4.16.0" } });
  });

  it("keeps an object of provider args as given", () => {
    const providers = { aws: { region: "us-west-2", version: "7.48.0", package: "@pulumi/aws" } };
    expect(validateApp({ ...ok, providers }, "dev", CLI).providers).toEqual(providers);
  });

  it("copies provider objects, so changing the result leaves the user's config alone", () => {
    const aws = { region: "us-west-2" };
    const app = validateApp({ ...ok, providers: { aws } }, "dev", CLI);
    app.providers.aws!.region = "eu-west-1";
    expect(aws.region).toBe("us-west-2");
  });

  it.each(["aws", "cloudflare", "local"])("adds no provider for the %s home by itself (the home's plugin brings its provider)", (home) => {
    expect(validateApp({ ...ok, home }, "dev", CLI).providers).toEqual({});
  });

  it.each([null, "aws", 3])("rejects providers given as %j", (providers) => {
    expect(problemOf({ ...ok, providers }).code).toBe("E_CONFIG_PROVIDERS_INVALID");
  });

  it.each([[["7.0.0"]], [null], [true]])("rejects one provider given as %j", (config) => {
    expect(problemOf({ ...ok, providers: { aws: config } }).code).toBe("E_CONFIG_PROVIDER_INVALID");
  });
});

describe("version", () => {
  it.each(["0.4.2", ">= 0.1.0", "^0.4.0", "0.x", "*"])("accepts the range %j when the CLI is 0.4.2", (version) => {
    expect(validateApp({ ...ok, version }, "dev", CLI).version).toBe(version);
  });

  it.each(["0.4.1", "< 0.4.0", "^1.0.0"])("rejects the range %j when the CLI is 0.4.2", (version) => {
    expect(problemOf({ ...ok, version }).code).toBe("E_CONFIG_VERSION_MISMATCH");
  });

  it("lets a prerelease CLI satisfy a plain range", () => {
    expect(validateApp({ ...ok, version: ">= 0.4.0" }, "dev", "0.5.0-beta.1").version).toBe(">= 0.4.0");
  });

  it("checks only the range's syntax when there is no CLI version (tests)", () => {
    expect(validateApp({ ...ok, version: ">= 99.0.0" }, "dev").version).toBe(">= 99.0.0");
    expect(sstErrorSync(() => validateApp({ ...ok, version: "not a range" }, "dev")).code).toBe("E_CONFIG_VERSION_INVALID");
  });

  it("rejects a version that is not a string", () => {
    expect(problemOf({ ...ok, version: 1 }).message).toBe('version 1 is not a semver range (e.g. "0.1.0" or ">= 0.1.0").');
  });
});

describe("several problems", () => {
  it("reports every problem in one error, in the order of the fields", () => {
    const error = sstErrorSync(() =>
      validateApp({ name: "1app", home: "G C P", removal: "nope", protect: "yes", region: "x", version: "^9.0.0" }, "bad_stage", CLI),
    );
    expect(error.problems.map((p) => p.code)).toEqual([
      "E_STAGE_INVALID",
      "E_CONFIG_NAME_INVALID",
      "E_CONFIG_HOME_INVALID",
      "E_CONFIG_REMOVAL_INVALID",
      "E_CONFIG_PROTECT_INVALID",
      "E_CONFIG_UNKNOWN_FIELD",
      "E_CONFIG_VERSION_MISMATCH",
    ]);
    expect(error.code).toBe("E_STAGE_INVALID");
    expect(error.message.split("\n")[0]).toBe("7 problems:");
    expect(error.message).toContain('\n  - App name "1app" is not valid');
    expect(error.message).toContain('\n  - home "G C P" is not valid');
  });

  it("joins the hints of all the problems", () => {
    const error = sstErrorSync(() => validateApp({}, "dev", CLI));
    expect(error.problems.map((p) => p.code)).toEqual(["E_CONFIG_NAME_MISSING", "E_CONFIG_HOME_MISSING"]);
    expect(error.hint).toBe('Add name: "my-app".\nAdd home: "local", or the home of a provider plugin (e.g. "aws" with @sst/aws).');
  });

  it("is an SSTError with no stack-trace noise in its message", () => {
    const error = sstErrorSync(() => validateApp({}, "dev", CLI));
    expect(error).toBeInstanceOf(SSTError);
    expect(error.name).toBe("SSTError");
    expect(error.message).not.toMatch(/\n\s+at /);
  });
});
