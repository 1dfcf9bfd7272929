/** The link model's types: what a linkable exposes, who receives it, and what a receiver gets. */
import type * as pulumi from "@pulumi/pulumi";
import type { Component } from "../component/component.js";

/** Something a link carries besides its properties, interpreted by the plugin that owns its `type`. */
export interface Include {
  /** `environment` (core), `aws.permission` (aws plugin), `cloudflare.binding` (cloudflare plugin), ... */
  type: string;
  [key: string]: unknown;
}

/** Core's include: environment variables added to every receiver of the link. */
export interface EnvironmentInclude extends Include {
  type: "environment";
  env: Record<string, pulumi.Input<string>>;
}

/** What a linkable gives its receivers. */
export interface LinkPayload {
  /** Properties readable at runtime through `Resource.<Name>.<property>`. */
  properties: Record<string, pulumi.Input<any>>;
  include?: Include[];
}

/** Any resource that can be linked. */
export interface Linkable {
  readonly urn: pulumi.Output<string>;
  getSSTLink(): LinkPayload;
}

/**
 * One link: the record the program resolves once per receiver, the state keeps (`sst:sst:LinkRef`) and the
 * CLI reads back. `type` is kept apart from `properties`; it joins them only on the wire (`wireProperties`).
 * `V` is the type of property values: Pulumi inputs in the program, plain values once resolved.
 */
export interface ResolvedLink<V = pulumi.Input<any>> {
  /** The link name: the component's logical name. */
  name: string;
  /** `sst.aws.Bucket` style. */
  type: string;
  /** The properties, without `type`. */
  properties: Record<string, V>;
  include: Include[];
}

/**
 * Who receives links: a component (a function, a container, a dev command), or a receiver that is not a
 * component (`component` undefined), such as a plugin's local dev process.
 */
export interface LinkReceiver {
  /** The receiver's name (the component's logical name). */
  name: string;
  /** `sst.aws.Function` style, like link types. */
  type: string;
  /** The receiving component; children a plugin creates for it (a policy, a binding) go under it. */
  component?: Component;
  /**
   * The provider the receiver's children of package `pkg` use: its `provider`/`providers` option, or the
   * one it inherits from its parent; undefined for the default provider.
   * @example receiver.provider("aws") // the aws.Provider a policy for this function must use
   */
  provider(pkg: string): pulumi.ProviderResource | undefined;
}
