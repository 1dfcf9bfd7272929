/**
 * `sst.cloudflare.Worker`: a Cloudflare Worker whose handler is bundled for workerd by the `worker` builder.
 * Links reach it as bindings: a link with a `sst.cloudflare.binding` include (Bucket, Kv, D1, Queue, Worker)
 * becomes a native binding named with the link's name; any other link becomes a `secret_text` binding
 * `SST_RESOURCE_<Name>` holding its properties as JSON; `SST_RESOURCE_App` is always bound. `Resource.<Name>`
 * reads them (spec/link-format.md §4).
 *
 * @example
 * const bucket = new sst.cloudflare.Bucket("MyBucket");
 * const api = new sst.cloudflare.Worker("Api", { handler: "index.ts", url: true, link: [bucket] });
 * return { api: api.url };
 */
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import * as cloudflare from "@pulumi/cloudflare";
import * as pulumi from "@pulumi/pulumi";
import {
  Component,
  SSTError,
  linkEnvironment,
  linkProperties,
  registerReceiver,
  requestBuild,
  resolveLinks,
  type Artifact,
  type ComponentArgs,
  type LinkPayload,
  type ResolvedLink,
  type Transform,
} from "@sst/core";
import { WORKER_BUNDLE, type WorkerBuildOptions } from "../build/worker-builder.js";
import { binding } from "./binding.js";
import { accountId } from "./helpers/account.js";
import { physical } from "./helpers/naming.js";
import { referenceArgs, referenceOf, withState } from "./helpers/reference.js";
import { receivedBindings, type WorkerBinding } from "./helpers/bindings.js";
import { WorkersDevSubdomain } from "./helpers/workers-dev.js";
import { zoneId } from "./helpers/zone.js";

/** The Workers runtime version new Workers target, and its flags (`node:*` built-ins on). */
export const COMPATIBILITY_DATE = "2025-05-05";
export const COMPATIBILITY_FLAGS = ["nodejs_compat"];

export interface WorkerArgs extends ComponentArgs {
  /**
   * The Worker's entry file, relative to the app root. Its default export is the handler (`fetch`,
   * `scheduled`, `queue`, ... or a class entrypoint); named exports (Durable Objects) are kept.
   * @example `handler: "src/worker.ts"`
   */
  handler: pulumi.Input<string>;
  /**
   * Serve the Worker on the account's `workers.dev` subdomain.
   * @default `false`
   */
  url?: pulumi.Input<boolean>;
  /**
   * A custom domain for the Worker, in a zone of the same Cloudflare account. Its URL becomes
   * `https://<domain>`.
   * @example `domain: "api.example.com"`
   */
  domain?: pulumi.Input<string>;
  /**
   * Resources to link: each is reachable in the handler as `Resource.<Name>`.
   * @example `link: [bucket, kv, secret]`
   */
  link?: unknown[];
  /**
   * Plain-text values the handler reads from its `env`.
   * @example `environment: { DEBUG: "true" }`
   */
  environment?: Record<string, pulumi.Input<string>>;
  /**
   * Static files served with the Worker (Workers static assets), from a directory relative to the app root.
   * @example `assets: { directory: "./public" }`
   */
  assets?: { directory: pulumi.Input<string> };
  /** How the handler is bundled. */
  build?: WorkerBuildOptions;
  /** Change how the Worker's resources are created. */
  transform?: {
    /** The Worker script. */
    worker?: Transform<cloudflare.WorkersScriptArgs>;
    /** The `workers.dev` route, when `url` is on. */
    subdomain?: Transform<cloudflare.WorkersScriptSubdomainArgs>;
    /** The custom domain, when `domain` is set. */
    domain?: Transform<cloudflare.WorkersCustomDomainArgs>;
  };
}

export type WorkerNodes = {
  /** The Worker script. */
  worker: cloudflare.WorkersScript;
  /** Its `workers.dev` route, when `url` is on. */
  subdomain?: cloudflare.WorkersScriptSubdomain;
  /** Its custom domain, when `domain` is set. */
  domain?: cloudflare.WorkersCustomDomain;
};

export class Worker extends Component {
  static readonly __pulumiType = "sst:cloudflare:Worker";
  readonly #script: cloudflare.WorkersScript;
  readonly #subdomain?: cloudflare.WorkersScriptSubdomain;
  readonly #domain?: cloudflare.WorkersCustomDomain;
  readonly #url: pulumi.Output<string | undefined>;

  constructor(name: string, args: WorkerArgs, opts: pulumi.ComponentResourceOptions = {}) {
    super(Worker.__pulumiType, name, args, opts);
    const ref = referenceOf(args);
    if (ref) {
      this.#script = this.reference("worker", withState(cloudflare.WorkersScript, ref.state), "Script", ref.id);
      this.#url = pulumi.output(undefined);
      return;
    }
    if (!args || args.handler === undefined) {
      throw new SSTError({
        code: "E_CLOUDFLARE_WORKER_HANDLER",
        message: `sst.cloudflare.Worker "${name}" needs a \`handler\`.`,
        hint: `new sst.cloudflare.Worker("${name}", { handler: "src/index.ts" })`,
      });
    }
    const account = accountId(`sst.cloudflare.Worker "${name}"`);
    if (typeof args.handler === "string") registerReceiver(dirname(args.handler));
    const links = resolveLinks(args.link, this);
    const built = requestBuild({
      name,
      runtime: "worker",
      handler: args.handler,
      properties: (args.build ?? {}) as Record<string, unknown>,
      plugin: "@sst/cloudflare",
    });
    const physicalName = physical("cloudflare:index/workersScript:WorkersScript", `${name}Script`);
    this.#script = this.create("worker", cloudflare.WorkersScript, "Script", {
      ...physicalName.args,
      accountId: account,
      mainModule: WORKER_BUNDLE,
      // Offline (builds skipped) the artifact's handler is the source file: name where the bundle would be.
      contentFile: built.apply((a) => join(a.dir, a.skipped ? WORKER_BUNDLE : a.handler)),
      contentSha256: built.apply(contentHash),
      compatibilityDate: COMPATIBILITY_DATE,
      compatibilityFlags: COMPATIBILITY_FLAGS,
      bindings: workerBindings(links, receivedBindings(this), args.environment ?? {}),
      assets: args.assets ? { directory: fromRoot(args.assets.directory) } : undefined,
    } as unknown as cloudflare.WorkersScriptArgs, physicalName.opts);
    const scriptName = this.#script.scriptName;
    if (args.url !== undefined && args.url !== false) {
      this.#subdomain = this.create("subdomain", cloudflare.WorkersScriptSubdomain, "Subdomain", {
        accountId: account,
        scriptName,
        enabled: args.url,
      });
    }
    if (args.domain !== undefined) {
      this.#domain = this.create("domain", cloudflare.WorkersCustomDomain, "Domain", {
        accountId: account,
        hostname: args.domain,
        service: scriptName,
        zoneId: zoneId(args.domain, undefined, account, { parent: this }),
      });
    }
    this.#url = this.#urlOf(account, args);
  }

  #urlOf(account: string, args: WorkerArgs): pulumi.Output<string | undefined> {
    // From the argument, not the domain resource: the URL is known in a preview, and does not wait on the zone lookup.
    if (args.domain !== undefined) return pulumi.interpolate`https://${args.domain}`;
    if (!this.#subdomain) return pulumi.output(undefined);
    const workersDev = this.create("workersDev", WorkersDevSubdomain, "WorkersDev", { accountId: account });
    return pulumi
      .all([args.url, this.#subdomain.scriptName, workersDev.subdomain])
      .apply(([on, script, subdomain]) => (on ? `https://${script}.${subdomain}.workers.dev` : undefined));
  }

  /** The Worker's URL: `https://<domain>` with a domain, its `workers.dev` URL with `url: true`, else undefined. */
  get url(): pulumi.Output<string | undefined> {
    return this.#url;
  }

  /** The script name. */
  get scriptName(): pulumi.Output<string> {
    return this.#script.scriptName;
  }

  /** The underlying resources this component creates. */
  override get nodes(): WorkerNodes {
    return {
      worker: this.#script,
      ...(this.#subdomain && { subdomain: this.#subdomain }),
      ...(this.#domain && { domain: this.#domain }),
    };
  }

  protected override outputs() {
    return { url: this.url, scriptName: this.scriptName };
  }

  /**
   * References an existing Worker script of the account by name, to link it (a service binding) without
   * managing it. Its `url` is undefined.
   * @example const auth = sst.cloudflare.Worker.get("Auth", "my-auth-worker");
   */
  static get(name: string, scriptName: pulumi.Input<string>, opts?: pulumi.ComponentResourceOptions): Worker {
    return new Worker(name, referenceArgs(scriptName, { accountId: accountId(`sst.cloudflare.Worker.get("${name}")`), scriptName }), opts);
  }

  /** Linked to another Worker: a service binding (`Resource.<Name>.fetch(...)`), and its `url`. */
  getSSTLink(): LinkPayload {
    return {
      properties: { url: this.url },
      include: [binding({ type: "serviceBindings", properties: { service: this.#script.scriptName } })],
    };
  }
}

/**
 * `dir` resolved from the app root, as `$asset` resolves paths (read while `run()` runs: the globals are gone
 * when an Output's apply runs later).
 */
function fromRoot(dir: pulumi.Input<string>): pulumi.Output<string> {
  const asset = (globalThis as { $asset?: (path: string) => pulumi.asset.FileArchive }).$asset!;
  return pulumi.output(dir).apply((d) => asset(d).path);
}

/** SHA-256 of the built bundle, so the provider uploads it when (and only when) it changed. */
function contentHash(artifact: Artifact): string {
  if (artifact.skipped) return "";
  return createHash("sha256").update(readFileSync(join(artifact.dir, artifact.handler))).digest("hex");
}

/**
 * Everything the Worker binds: `SST_RESOURCE_App`, each link with a native binding under its name, each other
 * link as `SST_RESOURCE_<Name>` (JSON, secret), then `environment` includes and `environment` (plain text).
 */
function workerBindings(
  links: ResolvedLink[],
  native: WorkerBinding[],
  environment: Record<string, pulumi.Input<string>>,
): pulumi.Output<WorkerBinding[]> {
  const app = (globalThis as { $app?: { name: string; stage: string } }).$app!;
  const bound = new Set(native.map((b) => b.name));
  const rest = links.filter((link) => !bound.has(link.name));
  const variables = { ...linkEnvironment<pulumi.Input<string>>(links), ...environment };
  return pulumi.all([linkProperties(rest), pulumi.output(native), pulumi.output(variables)]).apply(([props, nativeBindings, vars]) => [
    { name: "SST_RESOURCE_App", type: "plain_text", text: JSON.stringify({ name: app.name, stage: app.stage }) },
    ...(nativeBindings as WorkerBinding[]),
    ...Object.entries(props).map(([linkName, value]) => ({ name: `SST_RESOURCE_${linkName}`, type: "secret_text", text: JSON.stringify(value) })),
    ...Object.entries(vars as Record<string, string>).map(([key, text]) => ({ name: key, type: "plain_text", text })),
  ]);
}
