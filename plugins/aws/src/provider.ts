/**
 * The app's default AWS provider (`sst:aws`), built from `providers.aws` as SST builds it: the region the
 * home would use, SST's default tags, `assumeRole` in the provider's own spelling, and whatever else the
 * config says passed on as provider args. Credentials and the profile stay out of the provider's inputs
 * (which the state stores): they reach the engine and the provider plugin as environment variables.
 *
 * @example
 * providers: { aws: { region: "eu-west-1", profile: "prod", assumeRole: { roleArn: "arn:aws:iam::1:role/deploy" } } }
 * // → args { region: "eu-west-1", assumeRoles: [{ roleArn: "arn:aws:iam::1:role/deploy" }], defaultTags: { tags: { "sst:app", "sst:stage" } } }
 * // → env  { AWS_PROFILE: "prod" }
 */
import type { DefaultProviderSpec, ProviderFactoryInput } from "@sst/core";
import { awsHomeConfig } from "./config.js";

/** Provider args that are credentials: moved to the variables the provider plugin reads instead. */
const SECRET_ARGS: Record<string, string> = {
  accessKey: "AWS_ACCESS_KEY_ID",
  secretKey: "AWS_SECRET_ACCESS_KEY",
  token: "AWS_SESSION_TOKEN",
};

/** `providers.aws` keys that configure SST, not the provider. */
const NOT_ARGS = new Set(["profile", "assumeRole", "version", "package"]);

function defaultTags(value: unknown, app: { name: string; stage: string }): { tags: Record<string, unknown> } & Record<string, unknown> {
  const given = value && typeof value === "object" ? (value as Record<string, unknown>) : {};
  const tags = given.tags && typeof given.tags === "object" ? (given.tags as Record<string, unknown>) : {};
  return { ...given, tags: { ...tags, "sst:app": app.name, "sst:stage": app.stage } };
}

/**
 * The factory `kernel.registry.provider("aws", ...)` takes. The region is `providers.aws.region`, then
 * `AWS_REGION`, `AWS_DEFAULT_REGION`, `us-east-1` (what the aws home uses, so state and resources agree).
 * `assumeRole` (SST's spelling, one role) becomes `assumeRoles: [role]`; `assumeRoles` is passed as is.
 * The profile (`providers.aws.profile`) becomes `AWS_PROFILE` for the engine; `accessKey`, `secretKey`
 * and `token` become `AWS_ACCESS_KEY_ID`, `AWS_SECRET_ACCESS_KEY` and `AWS_SESSION_TOKEN`. The default
 * tags `sst:app` and `sst:stage` are added to the user's `defaultTags.tags` (SST's win on a clash).
 */
export function awsProvider({ config, app }: ProviderFactoryInput): DefaultProviderSpec {
  const args: Record<string, unknown> = {};
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(config)) {
    if (value === undefined || NOT_ARGS.has(key)) continue;
    if (key in SECRET_ARGS) {
      if (typeof value === "string") env[SECRET_ARGS[key]!] = value;
      continue;
    }
    args[key] = value;
  }
  args.region = awsHomeConfig({ providers: { aws: config } }).region;
  const role = config.assumeRole;
  if (config.assumeRoles === undefined && role && typeof role === "object" && !Array.isArray(role)) {
    const { durationSeconds, ...rest } = role as Record<string, unknown>;
    args.assumeRoles = [typeof durationSeconds === "number" ? { ...rest, duration: `${durationSeconds}s` } : rest];
  }
  args.defaultTags = defaultTags(config.defaultTags, app);
  if (typeof config.profile === "string" && config.profile) env.AWS_PROFILE = config.profile;
  return { args, env };
}
