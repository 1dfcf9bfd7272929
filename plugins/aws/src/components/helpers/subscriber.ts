/**
 * What the subscriber components (queue, topic, stream, bucket notifications) share: their names, the
 * permissions they add to a subscriber function, and Lambda event filter criteria.
 */
import * as pulumi from "@pulumi/pulumi";
import { logicalName, prettyHash, SSTError } from "@sst/core";
import type { Function, FunctionArgs } from "../function.js";
import type { PermissionStatement } from "./permission.js";

/**
 * A stable suffix for a subscriber's name, from what identifies the subscription (source, handler,
 * filters): `Abc123`. Outputs among the parts are left out (their values are not known yet).
 */
export function subscriberSuffix(parts: unknown[]): string {
  const hash = prettyHash(JSON.stringify(parts, (_key, value) => (pulumi.Output.isInstance(value) ? "<output>" : value)), 6);
  return hash.charAt(0).toUpperCase() + hash.slice(1);
}

/** `logicalName`, checked: a subscriber name the user gave must give a valid component name. */
export function subscriberName(name: string, where: string): string {
  const clean = typeof name === "string" ? logicalName(name) : "";
  if (!/^[A-Za-z]/.test(clean)) {
    throw new SSTError({
      code: "E_SUBSCRIBER_NAME",
      message: `${where}: the subscriber name ${JSON.stringify(name)} must be a string that starts with a letter.`,
      hint: `Name the subscriber, e.g. "MySubscriber".`,
    });
  }
  return clean;
}

/**
 * The `argsTransform` of `functionBuilder` that adds `statements` to the subscriber function's own
 * `permissions` (the function needs them to read its source; the user's stay).
 */
export function withPermissions(statements: PermissionStatement[]): (args: FunctionArgs) => FunctionArgs {
  return (args) => ({
    ...args,
    permissions: pulumi
      .all([pulumi.output(args.permissions ?? []), pulumi.output(statements)])
      .apply(([own, added]) => [...(own as PermissionStatement[]), ...(added as PermissionStatement[])]),
  });
}

/** Lambda allows five filter patterns per event source mapping. */
export const MAX_FILTERS = 5;

/**
 * Lambda event filter criteria from filter patterns (ORed): `{ filters: [{ pattern: "<json>" }] }`.
 * Undefined when there are no filters.
 */
export function filterCriteria(filters: pulumi.Input<pulumi.Input<Record<string, any>>[]> | undefined, where: string) {
  if (filters === undefined) return undefined;
  if (Array.isArray(filters)) checkFilters(filters, where);
  return pulumi.output(filters).apply((list) => {
    checkFilters(list, where);
    return { filters: list.map((filter) => ({ pattern: JSON.stringify(filter) })) };
  });
}

function checkFilters(list: unknown[], where: string): void {
  if (list.length > MAX_FILTERS) {
    throw new SSTError({
      code: "E_SUBSCRIBER_FILTERS",
      message: `${where}: ${list.length} filters given; Lambda takes at most ${MAX_FILTERS} per subscription.`,
      hint: "Merge filters (a pattern's values are ORed) or split the work across subscribers.",
    });
  }
}

/** What identifies a subscriber definition in its name hash: the handler, or the ARN. */
export function handlerOf(definition: unknown): unknown {
  if (definition && typeof definition === "object" && !pulumi.Output.isInstance(definition)) return (definition as FunctionArgs).handler;
  return definition;
}

/**
 * The prefix of a subscriber's component name, from the name of its source (`my-queue.fifo` → `Myqueuefifo`)
 * read out of a plain ARN by `nameOf` (which also checks the ARN). Components are created while `run()`
 * runs, never inside an apply, so an ARN given as an Output gives just `kind` (`Queue`, `Topic`, ...); a
 * name that does not start with a letter gets `kind` in front.
 */
export function sourcePrefixOf(arn: pulumi.Input<string>, kind: string, nameOf: (arn: string) => string): string {
  if (typeof arn !== "string") return kind;
  const clean = logicalName(nameOf(arn));
  return /^[A-Za-z]/.test(clean) ? clean : `${kind}${clean}`;
}

/** The `Function` a builder created, or undefined when the subscriber was given by ARN. */
export function functionOf(builder: { getFunction(): Function }): Function | undefined {
  try {
    return builder.getFunction();
  } catch {
    return undefined;
  }
}
