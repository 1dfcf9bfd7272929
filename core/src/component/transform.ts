/**
 * The `transform` argument every component accepts, and `$transform`. One rule for both shapes:
 * an object is shallow-merged into the args; a function receives the args (and options, and the name) and
 * mutates them in place.
 */
import * as pulumi from "@pulumi/pulumi";
import { SSTError } from "../errors.js";
import { useProgram } from "../program/context.js";

/** How a user changes the args of a resource: merge an object, or mutate through a function. */
export type Transform<Args, Opts = pulumi.CustomResourceOptions> =
  | Partial<Args>
  | ((args: Args, opts: Opts, name: string) => void | undefined);

/** Applies a `Transform` to `args`/`opts` and returns the (possibly new) pair. */
export function applyTransform<Args extends object, Opts extends object>(
  transform: Transform<Args, Opts> | undefined,
  name: string,
  args: Args,
  opts: Opts,
): [Args, Opts] {
  if (transform === undefined) return [args, opts];
  if (typeof transform === "function") {
    transform(args, opts, name);
    return [args, opts];
  }
  if (typeof transform !== "object" || transform === null) {
    throw new SSTError({
      code: "E_TRANSFORM_INVALID",
      message: `The transform for "${name}" must be an object or a function, got ${typeof transform}.`,
    });
  }
  return [{ ...args, ...transform }, opts];
}

/** A class `$transform` can target: an SST component or any Pulumi resource class. */
export interface TransformTarget {
  __pulumiType?: string;
  new (...args: any[]): any;
}

/**
 * Registers `cb` for every resource of `Class` created **after** this call.
 * SST components run it on their own args before they create children; other Pulumi classes get it
 * through a stack transformation filtered by their type.
 */
export function $transform<T extends TransformTarget>(
  Class: T,
  cb: (args: any, opts: any, name: string) => void,
): void {
  const program = useProgram("$transform");
  const type = (Class as TransformTarget).__pulumiType;
  if (typeof type !== "string") {
    throw new SSTError({
      code: "E_TRANSFORM_TARGET",
      message: `$transform: ${Class?.name ?? String(Class)} is not a component or Pulumi resource class.`,
      hint: "Pass a class such as sst.aws.Function or aws.s3.BucketV2.",
    });
  }
  if (type.startsWith("sst:")) {
    const list = program.componentTransforms.get(type) ?? [];
    list.push(cb);
    program.componentTransforms.set(type, list);
    return;
  }
  pulumi.runtime.registerStackTransformation((a) => {
    if (a.type !== type) return undefined;
    const props = { ...a.props };
    const opts = { ...a.opts };
    cb(props, opts, a.name);
    return { props, opts };
  });
}
