/**
 * `sst.aws.Function` (../docs 35-function.md): a Lambda function built from a handler by the kernel's build
 * owner, zipped deterministically and uploaded to the bootstrap's asset bucket, with its IAM role, log group,
 * links, URL, versions, concurrency and retries.
 *
 * Resources (each with its `transform` key): `role` (`<Name>Role`, unless `role` is given), `policy`
 * (`<Name>Policy`, the `permissions`), `logGroup` (`<Name>LogGroup`, `/aws/lambda/<function name>`), `code`
 * (`<Name>Code`, the zip in S3), `function` (`<Name>Function`), `url` (`<Name>Url`), `eventInvokeConfig`
 * (`<Name>EventInvokeConfig`, with `retries`), and `<Name>Alias` + `<Name>Provisioned` (with
 * `concurrency.provisioned`).
 *
 * Links of the function: their properties are encrypted into `resource.enc` in the package, opened with the
 * `SST_KEY` and `SST_KEY_FILE` variables; their `aws.permission` includes are attached to the role by the
 * plugin's `receive` tap (not here).
 */
import { dirname } from "node:path";
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import {
  Component,
  SSTError,
  linkArtifact,
  linkEnvironment,
  physicalName,
  registerReceiver,
  requestBuild,
  resolveLinks,
  useProgram,
  type LinkPayload,
} from "@sst/core";
import { FunctionEnvironmentUpdate } from "./function-environment-update.js";
import type { FunctionArgs, FunctionRuntime } from "./helpers/function-args.js";
import { codeArchive, codeObject, codeSource } from "./helpers/function-code.js";
import { checkArgs, liveFunction, plain } from "./helpers/function-checks.js";
import { liveCode } from "./helpers/function-dev.js";
import { checkNames, mergeEnvironment } from "./helpers/function-env.js";
import { LAMBDA_TRUST_POLICY, liveTrustPolicy, managedPolicies, roleNameOf } from "./helpers/function-role.js";
import { map, toInteger, toMegabytes, toRetentionDays, toSeconds, type Where } from "./helpers/function-units.js";
import { authorizationType, normalUrl, routerUrl, urlCors } from "./helpers/function-url.js";
import { permission, type PermissionStatement } from "./helpers/permission.js";
import { policyJson } from "./helpers/policy-document.js";
import { markGivenRole } from "../link/receive.js";

export type { FunctionArgs, FunctionRuntime, FunctionUrlArgs, FunctionUrlCors, FunctionUrlRouter } from "./helpers/function-args.js";
export { policyDocument } from "./helpers/policy-document.js";


/** The builder key (`hooks.build.for(key)`) of a runtime. */
export function builderOf(runtime: FunctionRuntime): string {
  if (runtime.startsWith("nodejs")) return "nodejs";
  if (runtime.startsWith("python")) return "python";
  if (runtime === "rust") return "rust";
  return "go";
}

/**
 * The directory of a function's source, relative to the project root: the handler file's (`src/api.handler` →
 * `src`), or the module's for Go and Rust; with `bundle`, the bundle's. Undefined when not a plain string.
 */
export function receiverDir(runtime: FunctionRuntime, handler: pulumi.Input<string>, bundle: pulumi.Input<string> | undefined): string | undefined {
  if (bundle !== undefined) return typeof bundle === "string" ? bundle : undefined;
  if (typeof handler !== "string") return undefined;
  if (runtime === "go" || runtime === "rust" || runtime === "provided.al2023") return handler;
  return dirname(handler.slice(0, handler.lastIndexOf(".") === -1 ? undefined : handler.lastIndexOf(".")));
}

/** Marks the args of `Function.get`: the function exists, nothing is created. */
const REFERENCE = Symbol("sst.aws.Function.reference");

export class Function extends Component {
  static readonly __pulumiType = "sst:aws:Function";
  readonly #function: aws.lambda.Function;
  readonly #role: aws.iam.Role;
  readonly #logGroup?: aws.cloudwatch.LogGroup;
  readonly #eventInvokeConfig?: aws.lambda.FunctionEventInvokeConfig;
  readonly #url: pulumi.Output<string | undefined>;
  #environmentUpdates = 0;

  constructor(name: string, args: FunctionArgs, opts: pulumi.ComponentResourceOptions = {}) {
    super(Function.__pulumiType, name, args, opts);
    const program = useProgram("sst.aws.Function");
    const reference = (args as { [REFERENCE]?: string })[REFERENCE];
    if (reference !== undefined) {
      this.#function = this.reference("function", aws.lambda.Function, "Function", reference);
      this.#role = this.reference("role", aws.iam.Role, "Role", this.#function.role.apply((arn) => roleNameOf(arn ?? "")));
      markGivenRole(this.#role);
      this.#url = pulumi.output(undefined);
      return;
    }
    const where = (arg: string): Where => ({ component: name, arg });
    const { runtime, logging, url, concurrency, versioning } = checkArgs(name, args);
    if (args.environment && !pulumi.Output.isInstance(args.environment)) checkNames(name, "environment", args.environment as Record<string, unknown>);

    // Under `sst dev` (unless `dev: false`) the live bridge is deployed in place of the code.
    const live = program.dev && args.dev !== false ? liveCode(liveFunction(name, runtime, args)) : undefined;

    // The role comes first: the plugin's `receive` tap attaches the links' permissions to `nodes.role`.
    const givenName = args.name !== undefined;
    const functionName = args.name ?? physicalName(program.app, 64, `${name}Function`);
    // A generated name is drawn at random on every run: the engine keeps the first (as core's naming rules do).
    const keepName = givenName ? {} : { ignoreChanges: ["name"] };
    let policy: aws.iam.RolePolicy | undefined;
    if (args.role !== undefined) {
      this.#role = this.reference("role", aws.iam.Role, "Role", pulumi.output(args.role).apply(roleNameOf));
      markGivenRole(this.#role);
    } else {
      this.#role = this.create("role", aws.iam.Role, "Role", {
        assumeRolePolicy: live ? liveTrustPolicy(live.accountRoot) : LAMBDA_TRUST_POLICY,
        managedPolicyArns: managedPolicies({ logging, vpc: args.vpc, policies: args.policies }),
      });
      if (args.permissions !== undefined || live) {
        const statements = pulumi.output(args.permissions ?? []).apply((p) => [...(p as PermissionStatement[]), ...(live?.permissions ?? [])]);
        policy = this.create("policy", aws.iam.RolePolicy, "Policy", { role: this.#role.name, policy: statements.apply(policyJson) });
      }
    }
    // The handler's code reads the links: `sst-env.d.ts` (typed `Resource`) goes beside its package.json.
    const source = receiverDir(runtime, args.handler, args.bundle);
    if (source !== undefined) registerReceiver(source);
    const links = resolveLinks(plain(name, "link", args.link ?? []), this);
    const linked = linkArtifact(links);

    if (logging !== false && logging.logGroup === undefined) {
      this.#logGroup = this.create(
        "logGroup",
        aws.cloudwatch.LogGroup,
        "LogGroup",
        {
          name: pulumi.interpolate`/aws/lambda/${functionName}`,
          retentionInDays: map(logging.retention ?? "1 month", (r) => toRetentionDays(r, where("logging.retention"))),
        },
        keepName,
      );
    }

    const architecture = args.architecture ?? "x86_64";
    const artifact = requestBuild({
      name,
      runtime: builderOf(runtime),
      handler: args.handler,
      properties: pulumi.output({
        runtime,
        architecture,
        nodejs: args.nodejs,
        python: args.python,
        bundle: args.bundle,
        copyFiles: args.copyFiles,
      }) as unknown as pulumi.Output<Record<string, unknown>>,
      files: linked.apply((a) => Object.fromEntries(Object.entries(a.files).map(([n, b64]) => [n, Buffer.from(b64, "base64")]))),
      plugin: "@sst/aws",
    });
    // The asset bucket is in the app's region, and Lambda takes code from S3 only in its own: a function on
    // another provider (`{ provider }`, maybe another region or account) gets its zip directly (50 MB at most).
    const provider = this.getProvider("aws:index:Provider");
    const viaBucket = provider === undefined || provider === program.providers.get("aws");
    const code = codeObject(name, live ? pulumi.output({ dir: live.dir, skipped: false }) : artifact, { postbuild: args.hook?.postbuild, bucket: viaBucket });
    const object = viaBucket ? this.create("code", aws.s3.BucketObjectv2, "Code", { bucket: code.bucket, key: code.key, source: codeSource(code) }) : undefined;

    // A live function tells sst dev its role, which sst dev assumes to run it locally with its permissions.
    const liveRole: Record<string, pulumi.Input<string>> = live ? { SST_FUNCTION_ROLE_ARN: this.#role.arn } : {};
    const environment = pulumi
      .all([linkEnvironment(links), args.environment ?? {}, linked.env, liveRole])
      .apply(([fromLinks, user, sst, role]) =>
        mergeEnvironment(name, fromLinks as Record<string, string>, user as Record<string, string>, {
          ...sst,
          ...live?.environment,
          ...Object.fromEntries(Object.entries(role).filter(([, v]) => typeof v === "string")),
        }),
      );
    const volume = args.volume === undefined ? undefined : pulumi.output(args.volume);
    const vpc = args.vpc === undefined ? undefined : pulumi.output(args.vpc);
    this.#function = this.create(
      "function",
      aws.lambda.Function,
      "Function",
      {
        name: functionName,
        description: args.description,
        role: args.role ?? this.#role.arn,
        runtime: live ? live.runtime : runtime === "go" || runtime === "rust" ? "provided.al2023" : runtime,
        handler: live ? live.handler : artifact.handler,
        s3Bucket: object?.bucket,
        s3Key: object?.key,
        code: object ? undefined : codeArchive(code),
        architectures: [architecture],
        memorySize: map(args.memory ?? "1024 MB", (v) => toMegabytes(v, where("memory"), 128, 10240)),
        ephemeralStorage: { size: map(args.storage ?? "512 MB", (v) => toMegabytes(v, where("storage"), 512, 10240)) },
        timeout: map(args.timeout ?? "20 seconds", (v) => toSeconds(v, where("timeout"), 1, 900)),
        environment: { variables: environment },
        loggingConfig:
          logging === false
            ? undefined
            : {
                logFormat: pulumi.output(logging.format ?? "text").apply((f) => (f === "json" ? "JSON" : "Text")),
                logGroup: logging.logGroup ?? this.#logGroup!.name,
              },
        // Layers are not used in `sst dev`: the code runs locally.
        layers: live ? undefined : args.layers,
        tags: args.tags,
        publish: versioning,
        reservedConcurrentExecutions: concurrency.reserved,
        vpcConfig: vpc && { subnetIds: vpc.privateSubnets, securityGroupIds: vpc.securityGroups },
        fileSystemConfig: volume && {
          arn: volume.efs.apply((efs) => (typeof efs === "string" ? efs : efs.nodes.accessPoint.arn)),
          localMountPath: volume.apply((v) => v.path ?? "/mnt/efs"),
        },
      },
      { ...keepName, dependsOn: policy ? [policy] : [] },
    );

    if (args.retries !== undefined) {
      this.#eventInvokeConfig = this.create("eventInvokeConfig", aws.lambda.FunctionEventInvokeConfig, "EventInvokeConfig", {
        functionName: this.#function.name,
        qualifier: "$LATEST",
        maximumRetryAttempts: map(args.retries, (v) => toInteger(v, where("retries"), 0, 2)),
      });
    }
    if (concurrency.provisioned !== undefined) {
      const alias = this.create("alias", aws.lambda.Alias, "Alias", {
        name: "current",
        functionName: this.#function.name,
        functionVersion: this.#function.version,
      });
      this.create("provisioned", aws.lambda.ProvisionedConcurrencyConfig, "Provisioned", {
        functionName: this.#function.name,
        qualifier: alias.name,
        provisionedConcurrentExecutions: concurrency.provisioned,
      });
    }
    this.#url = url ? this.#createUrl(name, url, args.streaming ?? false) : pulumi.output(undefined);
  }

  #createUrl(name: string, url: NonNullable<ReturnType<typeof normalUrl>>, streaming: pulumi.Input<boolean>): pulumi.Output<string> {
    // At once for a plain value (an Output is resolved in an apply, where the permissions are created too).
    const authorization = map(url.authorization ?? "none", (a) => {
      const type = authorizationType(name, a);
      if (type === "NONE") this.#publicUrlPermissions();
      return type;
    });
    const functionUrl = this.create("url", aws.lambda.FunctionUrl, "Url", {
      functionName: this.#function.name,
      authorizationType: authorization,
      cors: pulumi.output(url.cors ?? true).apply((c) => urlCors(name, c as boolean)),
      invokeMode: pulumi.output(streaming).apply((s) => (s ? "RESPONSE_STREAM" : "BUFFERED")),
    });
    if (!url.router) return functionUrl.functionUrl;
    const router = pulumi.output(url.router.instance);
    return pulumi.all([router, url.router.domain, url.router.path]).apply(([instance, domain, path]) => {
      const route = (instance as { route?: (pattern: string, target: pulumi.Input<string>) => unknown }).route;
      if (typeof route !== "function") {
        throw new SSTError({
          code: "E_FUNCTION_ARG",
          message: `Function "${name}": url.router.instance has no route(pattern, url) method; it must be an sst.aws.Router.`,
          hint: "Pass the Router component itself: url: { router: { instance: router } }.",
        });
      }
      route.call(instance, `${domain ?? ""}${path ?? "/"}`, functionUrl.functionUrl);
      return routerUrl(instance.url, domain, path);
    });
  }

  /**
   * A public URL needs a resource policy letting anyone call it: `lambda:InvokeFunctionUrl` and, since AWS's
   * October 2025 change, `lambda:InvokeFunction` through the URL (the console adds both; the API does not).
   */
  #publicUrlPermissions(): void {
    const common = { function: this.#function.name, principal: "*" };
    this.create("urlPermission", aws.lambda.Permission, "UrlPermission", { ...common, action: "lambda:InvokeFunctionUrl", functionUrlAuthType: "NONE" });
    this.create("urlPermission", aws.lambda.Permission, "UrlInvokePermission", { ...common, action: "lambda:InvokeFunction", invokedViaFunctionUrl: true });
  }

  /** The ARN of the Lambda function. */
  get arn(): pulumi.Output<string> {
    return this.#function.arn;
  }

  /** The name of the Lambda function. */
  get name(): pulumi.Output<string> {
    return this.#function.name;
  }

  /** The function URL if `url` is enabled (the Router's URL with `url.router`), else `undefined`. */
  get url(): pulumi.Output<string | undefined> {
    return this.#url;
  }

  /** The underlying resources this component creates. */
  override get nodes(): {
    function: aws.lambda.Function;
    role: aws.iam.Role;
    /** Undefined with `logging: false` or an existing `logging.logGroup`. */
    logGroup?: aws.cloudwatch.LogGroup;
    /** Created with `retries`. */
    eventInvokeConfig?: aws.lambda.FunctionEventInvokeConfig;
  } {
    return { function: this.#function, role: this.#role, logGroup: this.#logGroup, eventInvokeConfig: this.#eventInvokeConfig };
  }

  /**
   * Adds environment variables after the function is created, e.g. its own URL (which its `environment`
   * cannot hold: a cycle). Each call creates a `FunctionEnvironmentUpdate` (`<Name>EnvironmentUpdate`,
   * then `<Name>EnvironmentUpdate2`, ...).
   * @example fn.addEnvironment({ URL: fn.url });
   */
  addEnvironment(environment: pulumi.Input<Record<string, pulumi.Input<string>>>): FunctionEnvironmentUpdate {
    const name = this.componentName;
    const checked = pulumi.output(environment).apply((env) => {
      checkNames(name, "addEnvironment", env);
      return env;
    });
    const n = ++this.#environmentUpdates;
    return this.create("environmentUpdate", FunctionEnvironmentUpdate, `EnvironmentUpdate${n === 1 ? "" : n}`, {
      functionName: this.#function.name,
      region: this.#regionOf(),
      environment: checked,
      trigger: this.#function.lastModified,
    });
  }

  /** The function's region: its provider's, else the app's `providers.aws.region` (offline, where invokes echo). */
  #regionOf(): pulumi.Output<string> {
    const configured = (useProgram("addEnvironment").app.providers as { aws?: { region?: string } } | undefined)?.aws?.region;
    return aws.getRegionOutput({}, { parent: this }).apply((r) => r?.region ?? r?.name ?? configured ?? "us-east-1");
  }

  protected override outputs() {
    return { arn: this.arn, name: this.name };
  }

  /** Links give the function's `name` and `url`, and `lambda:InvokeFunction` on it. */
  getSSTLink(): LinkPayload {
    return {
      properties: { name: this.name, url: this.url },
      include: [permission({ actions: ["lambda:InvokeFunction"], resources: [this.arn] })],
    };
  }

  /**
   * References an existing Lambda function by name or ARN; nothing is created. Its `nodes.role` is the role it
   * runs as; it has no `url`.
   * @example const fn = sst.aws.Function.get("Api", "my-app-prod-ApiFunction-abcdefgh");
   */
  static get(name: string, functionName: pulumi.Input<string>, opts: pulumi.ComponentResourceOptions = {}): Function {
    const id = pulumi.output(functionName).apply((v) => (v.startsWith("arn:") ? (v.split(":")[6] ?? v) : v));
    return new Function(name, { handler: "", [REFERENCE]: id } as FunctionArgs, opts);
  }
}
