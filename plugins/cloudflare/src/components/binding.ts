/**
 * `sst.cloudflare.binding(...)`: the include that makes a link a native Worker binding. A Worker that links
 * something carrying one gets a binding of that kind named with the link's name, so `Resource.<Name>` (and
 * `env.<Name>`) is the R2 bucket, KV namespace, D1 database, ... itself.
 *
 * @example
 * new sst.Linkable("MyBucket", {
 *   properties: {},
 *   include: [sst.cloudflare.binding({ type: "r2BucketBindings", properties: { bucketName: "my-bucket" } })],
 * });
 */
import type * as pulumi from "@pulumi/pulumi";
import { SSTError, type Include } from "@sst/core";

/** An R2 bucket: `Resource.<Name>` is an `R2Bucket`. */
export interface R2BucketBinding {
  type: "r2BucketBindings";
  properties: { bucketName: pulumi.Input<string> };
}
/** A KV namespace: `Resource.<Name>` is a `KVNamespace`. */
export interface KvBinding {
  type: "kvNamespaceBindings";
  properties: { namespaceId: pulumi.Input<string> };
}
/**
 * A D1 database: `Resource.<Name>` is a `D1Database`. The docs name the field `id`; SST's source named it
 * `databaseId`: both are accepted.
 */
export interface D1DatabaseBinding {
  type: "d1DatabaseBindings";
  properties: { id: pulumi.Input<string> } | { databaseId: pulumi.Input<string> };
}
/** A queue producer: `Resource.<Name>` is a `Queue` (`send`, `sendBatch`). */
export interface QueueBinding {
  type: "queueBindings";
  properties: { queue: pulumi.Input<string> };
}
/** Another Worker: `Resource.<Name>` is a `Service` (`fetch`, RPC). */
export interface ServiceBinding {
  type: "serviceBindings";
  properties: { service: pulumi.Input<string> };
}
/** A plain string: `Resource.<Name>` is the text. */
export interface PlainTextBinding {
  type: "plainTextBindings";
  properties: { text: pulumi.Input<string> };
}
/** A secret string (hidden in the dashboard): `Resource.<Name>` is the text. */
export interface SecretTextBinding {
  type: "secretTextBindings";
  properties: { text: pulumi.Input<string> };
}

export type BindingInput =
  | R2BucketBinding
  | KvBinding
  | D1DatabaseBinding
  | QueueBinding
  | ServiceBinding
  | PlainTextBinding
  | SecretTextBinding;

/** The include `binding()` returns, as the link carries it. */
export interface BindingInclude extends Include {
  type: "cloudflare.binding";
  binding: BindingInput["type"];
  properties: Record<string, pulumi.Input<string>>;
}

/**
 * Each binding kind: the Workers API `type` and how its properties map onto the provider's binding fields.
 * Binding types of the Cloudflare API (`@pulumi/cloudflare` 6.x `WorkersScriptBinding.type`).
 */
export const BINDING_KINDS: Record<BindingInput["type"], { type: string; fields: Record<string, string> }> = {
  r2BucketBindings: { type: "r2_bucket", fields: { bucketName: "bucketName" } },
  kvNamespaceBindings: { type: "kv_namespace", fields: { namespaceId: "namespaceId" } },
  d1DatabaseBindings: { type: "d1", fields: { id: "id", databaseId: "id" } },
  queueBindings: { type: "queue", fields: { queue: "queueName" } },
  serviceBindings: { type: "service", fields: { service: "service" } },
  plainTextBindings: { type: "plain_text", fields: { text: "text" } },
  secretTextBindings: { type: "secret_text", fields: { text: "text" } },
};

export function binding(input: BindingInput): BindingInclude {
  const kind = input && BINDING_KINDS[input.type as BindingInput["type"]];
  if (!kind) {
    throw new SSTError({
      code: "E_CLOUDFLARE_BINDING_TYPE",
      message: `sst.cloudflare.binding: unknown binding type ${JSON.stringify(input?.type)}.`,
      hint: `Use one of ${Object.keys(BINDING_KINDS).join(", ")}.`,
    });
  }
  const properties = (input.properties ?? {}) as Record<string, pulumi.Input<string>>;
  const unknown = Object.keys(properties).filter((key) => !(key in kind.fields));
  if (unknown.length || Object.keys(properties).length === 0) {
    throw new SSTError({
      code: "E_CLOUDFLARE_BINDING_PROPERTIES",
      message: `sst.cloudflare.binding: a "${input.type}" binding takes ${Object.keys(kind.fields).join(" or ")}${unknown.length ? `, not ${unknown.join(", ")}` : ""}.`,
      hint: `sst.cloudflare.binding({ type: "${input.type}", properties: { ${Object.keys(kind.fields)[0]}: "..." } })`,
    });
  }
  return { type: "cloudflare.binding", binding: input.type, properties };
}

export function isBinding(include: Include): include is BindingInclude {
  return include.type === "cloudflare.binding";
}
