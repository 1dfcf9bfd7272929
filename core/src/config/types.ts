/**
 * The shape of `sst.config.ts`: what `$config({...})` takes and what `app()` returns. These interfaces are
 * the documentation users see in their editor, so each field carries the docs' wording, default and example.
 */

/**
 * Where the state of the app is stored: `"local"` (core), or a home a plugin registers
 * (`"aws"` with `@sst/aws`, `"cloudflare"` with `@sst/cloudflare`).
 */
export type HomeName = "local" | (string & {});

/** What happens to resources when they are removed from the app or the stage is removed. */
export type Removal = "remove" | "retain" | "retain-all";

/** A provider entry: a version string, or the provider's args plus an optional `version` and `package`. */
export type ProviderConfig = string | ({ version?: string; package?: string } & Record<string, unknown>);

export interface AppInput {
  /** The stage this app is being run for. */
  stage: string;
}

export interface App {
  /**
   * The name of the app, used to prefix the names of its resources. Must start with a letter and contain
   * only letters, numbers and hyphens. Renaming an app orphans its old resources.
   * @example `name: "my-sst-app"`
   */
  name: string;
  /**
   * The provider SST uses to store the app's state and secrets: `"local"` (this machine), or the home of an
   * installed provider plugin (`"aws"` needs `@sst/aws`: `sst add aws`). A plugin's home also makes its
   * provider one of the app's providers.
   * @example `home: "aws"`
   */
  home: HomeName;
  /**
   * How resources are handled when they have to be removed:
   * `remove` removes them; `retain` keeps stateful resources such as S3 buckets and DynamoDB tables
   * (each provider plugin names its stateful types); `retain-all` keeps everything.
   * @default `"retain"`
   * @example `removal: input.stage === "production" ? "retain" : "remove"`
   */
  removal?: Removal;
  /**
   * If `true`, `sst remove` refuses to run on this stage. It does not stop resources being removed by a deploy;
   * use `removal` for that.
   * @default `false`
   * @example `protect: input.stage === "production"`
   */
  protect?: boolean;
  /**
   * The providers this app uses: a version string, or the provider's config. The `home` provider is added
   * automatically with its default config.
   * @default The `home` provider.
   * @example `providers: { aws: { region: "us-west-2" }, cloudflare: "6.22.1" }`
   */
  providers?: Record<string, ProviderConfig>;
  /**
   * A semver range of the SST CLI this app supports; every command fails when the running CLI is outside it.
   * @example `version: ">= 0.1.0"`
   */
  version?: string;
}

export interface Config {
  /**
   * Plugins this app uses beyond the ones the CLI adds for its providers. Applied before `app()` runs.
   * @example `plugins: [hello({ greeting: "Hi" })]`
   */
  plugins?: import("../plugin.js").Plugin[];
  /** Called first, with the stage; returns the app's config. May be async. */
  app(input: AppInput): App | Promise<App>;
  /** The program: creates the app's resources. Its return value becomes the app's outputs. */
  run(): unknown | Promise<unknown>;
  /** Settings for the SST Console (autodeploy and workflow). Kept as given; read by the commands that use it. */
  console?: Record<string, unknown>;
}

/** The resolved, validated app: what `$app` holds during `run()`. */
export interface ResolvedApp {
  name: string;
  stage: string;
  home: HomeName;
  removal: Removal;
  protect: boolean;
  /** Every provider, normalised to an object, the home provider included. */
  providers: Record<string, { version?: string; package?: string } & Record<string, unknown>>;
  version?: string;
}
