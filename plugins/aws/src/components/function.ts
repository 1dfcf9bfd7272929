/**
 * `sst.aws.Function` (../docs 35-function.md): a Lambda function built from a handler by the kernel's build
 * owner, with its IAM role, log group, links and URL.
 *
 * STATUS: the public API below (constructor, `arn`, `name`, `url`, `nodes`, `getSSTLink`, `static get`) is the
 * contract other components build on; the "function" helper completes every arg of the docs page.
 */
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { Component, linkArtifact, linkEnvironment, requestBuild, resolveLinks, type ComponentArgs, type LinkPayload, type Transform } from "@sst/core";
import type { PermissionStatement } from "./helpers/permission.js";

/** The runtimes a Function takes. */
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

export interface FunctionArgs extends ComponentArgs {
  /**
   * Path to the handler, relative to the project root: `src/api.handler` (file `src/api.ts`, export `handler`).
   */
  handler: pulumi.Input<string>;
  /**
   * The runtime.
   * @default `"nodejs20.x"`
   */
  runtime?: pulumi.Input<FunctionRuntime>;
  /**
   * Resources to link: their properties reach the handler through `Resource.<Name>`, their permissions its role.
   * @example `link: [bucket, stripeKey]`
   */
  link?: pulumi.Input<any[]>;
  /** Environment variables of the function. */
  environment?: pulumi.Input<Record<string, pulumi.Input<string>>>;
  /** IAM permissions added to the function's role. */
  permissions?: pulumi.Input<PermissionStatement[]>;
  /**
   * The maximum run time.
   * @default `"20 seconds"`
   */
  timeout?: pulumi.Input<`${number} ${"second" | "seconds" | "minute" | "minutes"}`>;
  /**
   * The memory.
   * @default `"1024 MB"`
   */
  memory?: pulumi.Input<`${number} ${"MB" | "GB"}`>;
  /** A function URL: `true` for a public one. @default `false` */
  url?: pulumi.Input<boolean | { authorization?: pulumi.Input<"none" | "iam">; cors?: pulumi.Input<boolean | Record<string, unknown>> }>;
  /** Node.js build options. */
  nodejs?: pulumi.Input<Record<string, unknown>>;
  /** Change how the function's resources are created. */
  transform?: {
    function?: Transform<aws.lambda.FunctionArgs>;
    role?: Transform<aws.iam.RoleArgs>;
    logGroup?: Transform<aws.cloudwatch.LogGroupArgs>;
    eventInvokeConfig?: Transform<aws.lambda.FunctionEventInvokeConfigArgs>;
  };
}

/** The builder key (`hooks.build.for(key)`) of a runtime. */
export function builderOf(runtime: FunctionRuntime): string {
  if (runtime.startsWith("nodejs")) return "nodejs";
  if (runtime.startsWith("python")) return "python";
  if (runtime === "rust") return "rust";
  return "go";
}

export class Function extends Component {
  static readonly __pulumiType = "sst:aws:Function";
  readonly #function: aws.lambda.Function;
  readonly #role: aws.iam.Role;
  readonly #logGroup: aws.cloudwatch.LogGroup;
  readonly #url: pulumi.Output<string | undefined>;

  constructor(name: string, args: FunctionArgs, opts: pulumi.ComponentResourceOptions = {}) {
    super(Function.__pulumiType, name, args, opts);
    const runtime = (args.runtime ?? "nodejs20.x") as FunctionRuntime;
    const links = resolveLinks(args.link as unknown[] | undefined, this);
    const artifact = linkArtifact(links);
    this.#role = this.create("role", aws.iam.Role, "Role", {
      assumeRolePolicy: JSON.stringify(aws.iam.assumeRolePolicyForPrincipal({ Service: "lambda.amazonaws.com" })),
      managedPolicyArns: ["arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole"],
      inlinePolicies: pulumi.output(args.permissions ?? []).apply((statements) =>
        statements.length
          ? [{ name: "inline", policy: pulumi.output(policyDocument(statements)).apply((d) => JSON.stringify(d)) }]
          : [],
      ),
    });
    this.#logGroup = this.create("logGroup", aws.cloudwatch.LogGroup, "LogGroup", { retentionInDays: 0 });
    const built = requestBuild({
      name,
      runtime: builderOf(runtime),
      handler: args.handler,
      properties: pulumi.output(args.nodejs ?? {}) as unknown as pulumi.Output<Record<string, unknown>>,
      files: artifact.apply((a) => Object.fromEntries(Object.entries(a.files).map(([n, b64]) => [n, Buffer.from(b64, "base64")]))),
      plugin: "@sst/aws",
    });
    this.#function = this.create("function", aws.lambda.Function, "Function", {
      role: this.#role.arn,
      runtime: runtime === "go" || runtime === "rust" ? "provided.al2023" : runtime,
      handler: built.handler,
      code: built.apply((a) => new pulumi.asset.FileArchive(a.dir)),
      timeout: 20,
      memorySize: 1024,
      loggingConfig: { logFormat: "Text", logGroup: this.#logGroup.name },
      environment: { variables: pulumi.all([artifact.env, args.environment ?? {}, linkEnvironment(links)]).apply(([a, e, l]) => ({ ...l, ...e, ...a })) },
    });
    this.#url = pulumi.output(args.url ?? false).apply((url) => {
      if (!url) return pulumi.output(undefined);
      const config = typeof url === "object" ? url : {};
      return this.create("url", aws.lambda.FunctionUrl, "Url", {
        functionName: this.#function.name,
        authorizationType: config.authorization === "iam" ? "AWS_IAM" : "NONE",
      }).functionUrl;
    });
  }

  /** The ARN of the Lambda function. */
  get arn(): pulumi.Output<string> {
    return this.#function.arn;
  }

  /** The name of the Lambda function. */
  get name(): pulumi.Output<string> {
    return this.#function.name;
  }

  /** The function URL if `url` is enabled. */
  get url(): pulumi.Output<string | undefined> {
    return this.#url;
  }

  /** The underlying resources this component creates. */
  override get nodes(): { function: aws.lambda.Function; role: aws.iam.Role; logGroup: aws.cloudwatch.LogGroup; eventInvokeConfig?: aws.lambda.FunctionEventInvokeConfig } {
    return { function: this.#function, role: this.#role, logGroup: this.#logGroup };
  }

  protected override outputs() {
    return { arn: this.arn, name: this.name };
  }

  getSSTLink(): LinkPayload {
    return { properties: { name: this.name, url: this.url } };
  }
}

/** An IAM policy document from `PermissionStatement`s. */
export function policyDocument(statements: PermissionStatement[]) {
  return pulumi.output({
    Version: "2012-10-17",
    Statement: statements.map((s) => ({
      Effect: s.effect === "deny" ? "Deny" : "Allow",
      Action: s.actions,
      Resource: s.resources,
    })),
  });
}
