/**
 * `applyNow(input, fn)`: `pulumi.output(input).apply(fn)`, except that a value holding no Output or Promise
 * is passed to `fn` right away. A user error `fn` throws then surfaces at the component's constructor,
 * pointing at the user's call, instead of later from inside an apply.
 */
import * as pulumi from "@pulumi/pulumi";

/** True when `value` holds an Output or a Promise anywhere in its plain objects and arrays. */
export function isDeferred(value: unknown): boolean {
  if (pulumi.Output.isInstance(value) || value instanceof Promise) return true;
  if (Array.isArray(value)) return value.some(isDeferred);
  if (value && typeof value === "object" && Object.getPrototypeOf(value) === Object.prototype) return Object.values(value).some(isDeferred);
  return false;
}

export function applyNow<T, R>(input: pulumi.Input<T>, fn: (value: pulumi.Unwrap<T>) => R): pulumi.Output<pulumi.Unwrap<R>> {
  if (isDeferred(input)) return pulumi.output(input).apply(fn as (value: pulumi.Unwrap<T>) => R) as unknown as pulumi.Output<pulumi.Unwrap<R>>;
  return pulumi.output(fn(input as pulumi.Unwrap<T>));
}
