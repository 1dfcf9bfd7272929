/** The link model's types: what a linkable exposes and what a receiver gets. */
import type * as pulumi from "@pulumi/pulumi";

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

/** A link as a receiver sees it, after the `link` hook ran. */
export interface ResolvedLink {
  /** The link name: the component's logical name. */
  name: string;
  /** `sst.aws.Bucket` style. */
  type: string;
  properties: Record<string, pulumi.Input<any>>;
  include: Include[];
}
