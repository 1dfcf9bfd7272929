/**
 * Link names are component names: unique across the app ignoring case (they become env var suffixes and
 * object keys on platforms that upper-case names), and `App` is taken by the app itself.
 */
import { SSTError } from "../errors.js";
import type { ActiveProgram } from "../program/context.js";
import { RESOURCE_PREFIX } from "../resource-env/format.js";
import type { Linkable } from "./types.js";

/** `sst:aws:Bucket` → `sst.aws.Bucket`; `aws:s3/bucketV2:BucketV2` → `aws.s3/bucketV2.BucketV2`. */
export function linkType(pulumiType: string): string {
  return pulumiType.replaceAll(":", ".");
}

/**
 * Records a top-level name; throws on `App` or a case-insensitive clash. A linkable (a `getSSTLink` method or a
 * `Linkable.wrap`ped class) gets its one link record here, with its name and link type.
 */
export function registerName(program: ActiveProgram, name: string, pulumiType: string, resource: object): void {
  const key = name.toLowerCase();
  if (key === "app") {
    throw new SSTError({
      code: "E_NAME_RESERVED",
      message: `Component name "${name}" (${pulumiType}) is reserved: "App" holds the app's name and stage at runtime.`,
      hint: "Pick another name.",
    });
  }
  const taken = program.names.get(key);
  if (taken !== undefined) {
    throw new SSTError({
      code: "E_NAME_TAKEN",
      message:
        taken === name
          ? `Component name "${name}" is used twice. Names must be unique across the app.`
          : `Component name "${name}" clashes with "${taken}". Names must be unique across the app, ignoring case.`,
      hint: "Rename one of them.",
    });
  }
  program.names.set(key, name);
  const type = linkType(pulumiType);
  if (typeof (resource as Partial<Linkable>).getSSTLink !== "function" && !program.wraps.has(type)) return;
  if (name.startsWith(RESOURCE_PREFIX)) {
    throw new SSTError({
      code: "E_NAME_RESERVED",
      message: `Component name "${name}" (${pulumiType}) starts with "${RESOURCE_PREFIX}", the prefix of link env vars: runtimes would read the link under another name.`,
      hint: "Pick another name.",
    });
  }
  program.linkables.set(resource, { name, type, resource, recorded: true });
}
