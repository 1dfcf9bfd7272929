/** The arguments of `sst.aws.Function` (../docs 35-function.md), with their defaults. */
import type * as aws from "@pulumi/aws";
import type * as pulumi from "@pulumi/pulumi";
import type { ComponentArgs, Transform } from "@sst/core";
import type { PermissionStatement } from "./permission.js";
import type { Duration, Retention, Size } from "./function-units.js";

/** The runtimes a Function takes. `go` and `rust` deploy on `provided.al2023` with a `bootstrap` binary. */
export type FunctionRuntime =
  | "nodejs18.x"
  | "nodejs20.x"
  | "nodejs22.x"
  | "python3.9"
  | "python3.10"
  | "python3.11"
  | "python3.12"
  | "python3.13"
  | "go"
  | "rust"
  | "provided.al2023";

/** CORS of a function URL. Every field defaults as below; a given object is merged over the defaults. */
export interface FunctionUrlCors {
  /** @default `false` */
  allowCredentials?: pulumi.Input<boolean>;
  /** @default `["*"]` */
  allowHeaders?: pulumi.Input<pulumi.Input<string>[]>;
  /** @default `["*"]` */
  allowMethods?: pulumi.Input<pulumi.Input<"GET" | "POST" | "PUT" | "DELETE" | "HEAD" | "OPTIONS" | "PATCH" | "*">[]>;
  /** @default `["*"]` */
  allowOrigins?: pulumi.Input<pulumi.Input<string>[]>;
  /** @default `[]` */
  exposeHeaders?: pulumi.Input<pulumi.Input<string>[]>;
  /**
   * How long browsers cache a preflight response; at most `"1 day"`.
   * @default `"0 seconds"`
   */
  maxAge?: pulumi.Input<Duration>;
}

/** A Router-like component the function URL is served through (`url.router.instance`). */
export interface FunctionUrlRouter {
  /** The `sst.aws.Router` (anything with a `url` Output and a `route(pattern, url)` method). */
  instance: pulumi.Input<{ url: pulumi.Output<string>; route?: (pattern: string, url: pulumi.Input<string>) => unknown }>;
  /** Route requests of this domain pattern, e.g. `"api.example.com"`. */
  domain?: pulumi.Input<string>;
  /** @default `"/"` */
  path?: pulumi.Input<string>;
}

export interface FunctionUrlArgs {
  /**
   * `"none"` (public) or `"iam"` (signed requests, `AWS_IAM`).
   * @default `"none"`
   */
  authorization?: pulumi.Input<"none" | "iam">;
  /**
   * CORS of the URL: `true` for the defaults, `false` for none, an object merged over the defaults.
   * @default `true`
   */
  cors?: pulumi.Input<boolean | FunctionUrlCors>;
  /** Serve the URL through a Router instead of the bare function URL; `url` is then the Router's. */
  router?: FunctionUrlRouter;
}

export interface FunctionArgs extends ComponentArgs {
  /**
   * The handler. Node.js and Python: `{path}/{file}.{method}` (`src/api.handler`, no extension). Go: the
   * directory of the Go module (`./src`). Rust: the directory of the crate's `Cargo.toml` (`crates/api`). With
   * `bundle`, relative to the bundle's root (`index.handler`).
   */
  handler: pulumi.Input<string>;
  /** @default `"nodejs20.x"` */
  runtime?: pulumi.Input<FunctionRuntime>;
  /**
   * The instruction set (`go` and `rust` are cross-built for it).
   * @default `"x86_64"`
   */
  architecture?: pulumi.Input<"x86_64" | "arm64">;
  /**
   * Memory, 128 MB to 10240 MB in 1 MB steps.
   * @default `"1024 MB"`
   */
  memory?: pulumi.Input<Size>;
  /**
   * Ephemeral storage (`/tmp`), 512 MB to 10240 MB.
   * @default `"512 MB"`
   */
  storage?: pulumi.Input<Size>;
  /**
   * Maximum run time, 1 second to 15 minutes.
   * @default `"20 seconds"`
   */
  timeout?: pulumi.Input<Duration>;
  /**
   * Environment variables. Names start with a letter, have 2 or more characters, only letters, digits and `_`.
   * All the function's variables together (with SST's own and those of linked resources) stay under 4 KB.
   * Precedence, lowest first: the `environment` includes of `link`, this, SST's `SST_RESOURCE_App`, `SST_KEY`,
   * `SST_KEY_FILE` (which cannot be set here).
   * @example `environment: { DEBUG: "true" }`
   */
  environment?: pulumi.Input<Record<string, pulumi.Input<string>>>;
  /**
   * Resources to link: their properties reach the handler through `Resource.<Name>` (from `resource.enc` in the
   * package), their `aws.permission` includes become a policy on the function's role.
   * @example `link: [bucket, stripeKey]`
   */
  link?: pulumi.Input<any[]>;
  /**
   * IAM statements of the function's own policy (a `RolePolicy` on its role). Links add theirs separately.
   * @example `permissions: [{ actions: ["s3:GetObject"], resources: ["arn:aws:s3:::my-bucket/*"] }]`
   */
  permissions?: pulumi.Input<PermissionStatement[]>;
  /**
   * Managed policy ARNs attached to the role.
   * @example `policies: ["arn:aws:iam::aws:policy/ReadOnlyAccess"]`
   */
  policies?: pulumi.Input<pulumi.Input<string>[]>;
  /**
   * The ARN of an existing role to run as. No role is created, and nothing is attached to it: `permissions`,
   * `policies`, the VPC and logging policies, and the permissions of `link` must be granted on it by you.
   * @default A new role
   */
  role?: pulumi.Input<string>;
  /**
   * A function URL: `true` for a public one with CORS defaults.
   * @default `false`
   */
  url?: pulumi.Input<boolean | FunctionUrlArgs>;
  /**
   * Stream responses through the function URL (`invokeMode: "RESPONSE_STREAM"`); the handler uses
   * `awslambda.streamifyResponse`. Not through API Gateway, not in `sst dev`.
   * @default `false`
   */
  streaming?: pulumi.Input<boolean>;
  /**
   * CloudWatch logging, or `false` for none (no log group, no permission to write logs).
   * @default `{ retention: "1 month", format: "text" }`
   */
  logging?: pulumi.Input<
    | false
    | {
        /** @default `"1 month"` (not with `logGroup`) */
        retention?: pulumi.Input<Retention>;
        /** @default `"text"` */
        format?: pulumi.Input<"text" | "json">;
        /** The name of an existing log group to log to; none is created. */
        logGroup?: pulumi.Input<string>;
      }
  >;
  /**
   * Run in a VPC's private subnets: an `sst.aws.Vpc` (anything with `privateSubnets` and `securityGroups`
   * Outputs) or their ids. Adds `AWSLambdaVPCAccessExecutionRole` to the role.
   */
  vpc?: pulumi.Input<{ privateSubnets: pulumi.Input<pulumi.Input<string>[]>; securityGroups: pulumi.Input<pulumi.Input<string>[]> }>;
  /** Lambda layer ARNs (deployed functions only; not in `sst dev`). */
  layers?: pulumi.Input<pulumi.Input<string>[]>;
  /**
   * Files copied into the package after the build (`from` relative to `sst.config.ts`, `to` relative to the
   * package root, defaulting to `from`). Done by the runtime's builder (part of its cache key).
   */
  copyFiles?: pulumi.Input<{ from: pulumi.Input<string>; to?: pulumi.Input<string> }[]>;
  /** Node.js bundling options (esbuild), passed to the `nodejs` builder as `properties.nodejs`. */
  nodejs?: pulumi.Input<Record<string, unknown>>;
  /**
   * Python packaging. `container: true` (an image built with Docker) is not supported by this version and
   * fails with `E_FUNCTION_UNSUPPORTED`.
   */
  python?: pulumi.Input<{ container?: pulumi.Input<boolean> }>;
  /**
   * A directory (relative to `sst.config.ts`) that is the package as is: nothing is built; `handler` is
   * relative to it. Passed to the runtime's builder as `properties.bundle`.
   */
  bundle?: pulumi.Input<string>;
  /**
   * `postbuild(dir)` runs after the build, on a copy of the built package that is then zipped and deployed
   * (the build cache is left untouched). Not called in `sst dev`, nor when builds are skipped (offline).
   */
  hook?: { postbuild(dir: string): Promise<void> };
  /**
   * Publish a version on every change (`publish: true`); `nodes.function.version` is the latest one.
   * @default `false`
   */
  versioning?: pulumi.Input<boolean>;
  /**
   * `reserved`: the most concurrent executions (`0` stops all invocations). `provisioned`: instances kept warm,
   * on the `live` alias of the latest version (needs `versioning`).
   */
  concurrency?: pulumi.Input<{ reserved?: pulumi.Input<number>; provisioned?: pulumi.Input<number> }>;
  /**
   * Retries of asynchronous invocations, 0 to 2. Setting it creates a `FunctionEventInvokeConfig`.
   * @default `2` (Lambda's own default; no resource)
   */
  retries?: pulumi.Input<number>;
  /**
   * Mount EFS: an `sst.aws.Efs` (anything with `nodes.accessPoint.arn`) or an access point ARN.
   * @default path `"/mnt/efs"`
   */
  volume?: pulumi.Input<{ efs: pulumi.Input<string | { nodes: { accessPoint: { arn: pulumi.Output<string> } } }>; path?: pulumi.Input<string> }>;
  /** Tags of the function. */
  tags?: pulumi.Input<Record<string, pulumi.Input<string>>>;
  /** Shown in the AWS console. */
  description?: pulumi.Input<string>;
  /**
   * The Lambda function's name. Include the app and stage so stages do not clash; renaming replaces it.
   * @default `<app>-<stage>-<Name>Function-<random>` (64 characters at most)
   */
  name?: pulumi.Input<string>;
  /**
   * `false`: deploy the real function in `sst dev` instead of the live stub (read by the live plugin).
   * @default `true`
   */
  dev?: pulumi.Input<false>;
  /** Change how the function's resources are created. */
  transform?: {
    function?: Transform<aws.lambda.FunctionArgs>;
    role?: Transform<aws.iam.RoleArgs>;
    /** The role's policy holding `permissions` (created only with `permissions`). */
    policy?: Transform<aws.iam.RolePolicyArgs>;
    logGroup?: Transform<aws.cloudwatch.LogGroupArgs>;
    /** Created only with `retries`. */
    eventInvokeConfig?: Transform<aws.lambda.FunctionEventInvokeConfigArgs>;
    url?: Transform<aws.lambda.FunctionUrlArgs>;
    /** The two permissions of a public URL (`<Name>UrlPermission`, `<Name>UrlInvokePermission`). */
    urlPermission?: Transform<aws.lambda.PermissionArgs>;
    /** The S3 object of the code zip. */
    code?: Transform<aws.s3.BucketObjectv2Args>;
    /** The `current` alias (with `concurrency.provisioned`). */
    alias?: Transform<aws.lambda.AliasArgs>;
    /** The provisioned concurrency of the alias. */
    provisioned?: Transform<aws.lambda.ProvisionedConcurrencyConfigArgs>;
  };
}
