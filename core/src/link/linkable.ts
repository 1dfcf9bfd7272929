/**
 * `sst.Linkable`: link any value, or override how an existing class links (`Linkable.wrap`).
 */
import * as pulumi from "@pulumi/pulumi";
import { Component } from "../component/component.js";
import { SSTError } from "../errors.js";
import { useProgram } from "../program/context.js";
import type { Include, LinkPayload } from "./types.js";
import { linkType } from "./names.js";
import { env } from "./resolve.js";

export interface LinkableArgs {
  /**
   * The values receivers read at runtime: constants or outputs of other resources.
   * @example `properties: { foo: "bar", bucket: bucket.name }`
   */
  properties: Record<string, pulumi.Input<any>>;
  /**
   * Extra things receivers get: permissions (`sst.aws.permission`), bindings (`sst.cloudflare.binding`) or
   * environment variables (`sst.Linkable.env`).
   */
  include?: Include[];
}

export class Linkable extends Component {
  static readonly __pulumiType = "sst:sst:Linkable";
  readonly #definition: LinkableArgs;

  constructor(name: string, definition: LinkableArgs, opts?: pulumi.ComponentResourceOptions) {
    if (!definition || typeof definition.properties !== "object" || definition.properties === null) {
      throw new SSTError({
        code: "E_LINKABLE_PROPERTIES",
        message: `sst.Linkable "${name}" needs a \`properties\` object.`,
        hint: `new sst.Linkable("${name}", { properties: { foo: "bar" } })`,
      });
    }
    super(Linkable.__pulumiType, name, {}, opts);
    this.#definition = definition;
  }

  /** The linked properties, as given. */
  get properties(): Record<string, pulumi.Input<any>> {
    return this.#definition.properties;
  }

  getSSTLink(): LinkPayload {
    return { properties: this.#definition.properties, include: this.#definition.include };
  }

  /**
   * Makes every instance of `Class` linkable (or replaces how a built-in component links). Applies to the
   * whole app; call it before creating the resources.
   * @example sst.Linkable.wrap(aws.dynamodb.Table, (table) => ({ properties: { tableName: table.name } }))
   */
  static wrap<T>(Class: { __pulumiType?: string; new (...args: any[]): T } | Function, cb: (resource: T) => LinkPayload): void {
    const type = (Class as { __pulumiType?: string }).__pulumiType;
    if (typeof type !== "string") {
      throw new SSTError({
        code: "E_LINK_WRAP_TARGET",
        message: `sst.Linkable.wrap: ${(Class as Function)?.name ?? String(Class)} is not a component or Pulumi resource class.`,
      });
    }
    useProgram("sst.Linkable.wrap").wraps.set(linkType(type), cb as (resource: unknown) => LinkPayload);
  }

  /** An `environment` include: these variables are set on every receiver of the link. */
  static env = env;
}
