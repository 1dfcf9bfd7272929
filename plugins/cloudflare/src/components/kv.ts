/**
 * `sst.cloudflare.Kv`: a Workers KV namespace. Linked to a Worker it is a KV binding: `Resource.MyKv` is a
 * `KVNamespace` (`get`, `put`, `list`, `delete`).
 *
 * @example
 * const storage = new sst.cloudflare.Kv("MyStorage");
 * new sst.cloudflare.Worker("Api", { handler: "index.ts", url: true, link: [storage] });
 */
import * as cloudflare from "@pulumi/cloudflare";
import type * as pulumi from "@pulumi/pulumi";
import { Component, type ComponentArgs, type LinkPayload, type Transform } from "@sst/core";
import { binding } from "./binding.js";
import { accountId } from "./helpers/account.js";
import { physical } from "./helpers/naming.js";
import { referenceArgs, referenceOf, withState } from "./helpers/reference.js";

export interface KvArgs extends ComponentArgs {
  /** Change how the namespace is created. */
  transform?: {
    /** The KV namespace. */
    namespace?: Transform<cloudflare.WorkersKvNamespaceArgs>;
  };
}

export class Kv extends Component {
  static readonly __pulumiType = "sst:cloudflare:Kv";
  readonly #namespace: cloudflare.WorkersKvNamespace;

  constructor(name: string, args: KvArgs = {}, opts: pulumi.ComponentResourceOptions = {}) {
    super(Kv.__pulumiType, name, args, opts);
    const ref = referenceOf(args);
    this.#namespace = ref
      ? this.reference("namespace", withState(cloudflare.WorkersKvNamespace, ref.state), "Namespace", ref.id)
      : this.#createNamespace(name);
  }

  #createNamespace(name: string): cloudflare.WorkersKvNamespace {
    const { args, opts } = physical("cloudflare:index/workersKvNamespace:WorkersKvNamespace", `${name}Namespace`);
    const props = { accountId: accountId(`sst.cloudflare.Kv "${name}"`), ...args } as cloudflare.WorkersKvNamespaceArgs;
    return this.create("namespace", cloudflare.WorkersKvNamespace, "Namespace", props, opts);
  }

  /** The ID of the KV namespace. */
  get id(): pulumi.Output<string> {
    return this.#namespace.id;
  }

  /** The underlying resources this component creates. */
  override get nodes(): { namespace: cloudflare.WorkersKvNamespace } {
    return { namespace: this.#namespace };
  }

  protected override outputs() {
    return { id: this.id };
  }

  getSSTLink(): LinkPayload {
    return { properties: {}, include: [binding({ type: "kvNamespaceBindings", properties: { namespaceId: this.id } })] };
  }

  /**
   * References an existing KV namespace of the account by ID.
   * @example const kv = sst.cloudflare.Kv.get("MyKv", "0f2ac74b498b48028cb68387c421e279");
   */
  static get(name: string, namespaceId: pulumi.Input<string>, opts?: pulumi.ComponentResourceOptions): Kv {
    return new Kv(name, referenceArgs(namespaceId, { accountId: accountId(`sst.cloudflare.Kv.get("${name}")`) }), opts);
  }
}
