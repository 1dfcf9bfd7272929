/**
 * Physical names for the resource types whose name `@pulumi/cloudflare` requires in the constructor (so
 * core's naming tap, which runs after it, cannot fill them): computed here from the same rules the plugin
 * registers (`NAMING`), with the name field in `ignoreChanges` so the first random suffix stays.
 */
import type * as pulumi from "@pulumi/pulumi";
import { physicalName } from "@sst/core";
import { NAMING } from "../../provider.js";

/** `{ [field]: name }` and the options that keep it, for the child `resourceName` of type `type`. */
export function physical(type: keyof typeof NAMING, resourceName: string): { args: Record<string, string>; opts: pulumi.CustomResourceOptions } {
  const rule = NAMING[type]!;
  const app = (globalThis as { $app?: { name: string; stage: string } }).$app!;
  const name = physicalName(app, rule.max, resourceName);
  return { args: { [rule.field]: rule.lower ? name.toLowerCase() : name }, opts: { ignoreChanges: [rule.field] } };
}
