/**
 * Checks that a value can travel as JSON (spec/link-format.md: link properties are JSON; so are stack
 * outputs), and says where it cannot: `properties.db.port is a BigInt`. JSON carries strings, finite numbers,
 * booleans, null, arrays and plain objects; an `undefined` object property is left out, as JSON does.
 *
 * Rejected, each with its path: cycles, BigInt, functions, symbols, NaN and ±Infinity (JSON would turn them
 * into null), `undefined` inside an array (the same), and instances of classes (Map, Set, Date, Buffer, your
 * own): JSON would keep only some of their fields, or none. Pulumi Outputs and promises are not looked into
 * here (their values are not known yet): check the resolved value again. Resources are allowed only where
 * the caller says so (stack outputs, where one stands for its URN).
 */
import * as pulumi from "@pulumi/pulumi";
import { SSTError } from "../errors.js";

export interface Unserialisable {
  /** Where, from the root: `properties.db.hosts[1]`. */
  path: string;
  /** What is there: `a BigInt`, `a cycle (it contains itself)`. */
  what: string;
}

export interface SerialisableOptions {
  /** Allow Pulumi resources (they serialise as references). Default false. */
  resources?: boolean;
}

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

function step(path: string, key: string | number): string {
  if (typeof key === "number") return `${path}[${key}]`;
  return IDENTIFIER.test(key) ? `${path}.${key}` : `${path}[${JSON.stringify(key)}]`;
}

/** An object literal (or `Object.create(null)`): what JSON reads back as an object. */
export function isPlainObject(value: object): boolean {
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/** `a Map`, `a Point`; `an instance of a class` when the constructor has no name. */
function instanceOf(value: object): string {
  const name = (value.constructor as { name?: unknown } | undefined)?.name;
  return typeof name === "string" && name ? `a ${name}` : "an instance of a class";
}

/** The first part of `value` that JSON cannot carry, or undefined when all of it can. */
export function findUnserialisable(value: unknown, root: string, options: SerialisableOptions = {}): Unserialisable | undefined {
  const ancestors: object[] = [];
  const visit = (v: unknown, path: string, inArray: boolean): Unserialisable | undefined => {
    switch (typeof v) {
      case "string":
      case "boolean":
        return undefined;
      case "number":
        return Number.isFinite(v) ? undefined : { path, what: `${v}, which JSON would turn into null` };
      case "bigint":
        return { path, what: "a BigInt" };
      case "function":
        return { path, what: "a function" };
      case "symbol":
        return { path, what: "a symbol" };
      case "undefined":
        return inArray ? { path, what: "undefined inside an array, which JSON would turn into null" } : undefined;
    }
    if (v === null) return undefined;
    const object = v as object;
    if (pulumi.Output.isInstance(object) || object instanceof Promise) return undefined;
    if (pulumi.Resource.isInstance(object)) return options.resources ? undefined : { path, what: "a resource" };
    if (ancestors.includes(object)) return { path, what: "a cycle (it contains itself)" };
    if (!Array.isArray(object) && !isPlainObject(object)) return { path, what: instanceOf(object) };
    ancestors.push(object);
    try {
      if (Array.isArray(object)) {
        for (let i = 0; i < object.length; i++) {
          const found = visit(object[i], step(path, i), true);
          if (found) return found;
        }
      } else {
        for (const [key, child] of Object.entries(object)) {
          const found = visit(child, step(path, key), false);
          if (found) return found;
        }
      }
      return undefined;
    } finally {
      ancestors.pop();
    }
  };
  return visit(value, root, false);
}

/** True when an Output or promise is anywhere in `value` (plain objects and arrays only). */
function containsPending(value: unknown): boolean {
  if (pulumi.Output.isInstance(value) || value instanceof Promise) return true;
  if (value === null || typeof value !== "object" || pulumi.Resource.isInstance(value)) return false;
  return Object.values(value).some(containsPending);
}

/** How to fix a value JSON cannot carry. */
export const JSON_HINT = "use strings, finite numbers, booleans, null, arrays and plain objects (e.g. String(value), date.toISOString())";

/**
 * Returns `link` when its properties can be JSON; else throws `E_LINK_VALUE` naming the link and the
 * property path. Outputs in the properties are checked once they resolve: a bad value then fails the
 * program (the error surfaces as the program's, through `collectStrayErrors`).
 */
export function assertLinkSerialisable<L extends { name: string; type: string; properties: unknown }>(link: L): L {
  const found = findUnserialisable(link.properties, "properties");
  if (!found) {
    if (containsPending(link.properties)) pulumi.output(link.properties as object).apply((properties: unknown) => void assertLinkSerialisable({ ...link, properties }));
    return link;
  }
  throw new SSTError({
    code: "E_LINK_VALUE",
    message: `Link "${link.name}" (${link.type}): ${found.path} is ${found.what}; link values reach functions as JSON.`,
    hint: `In link properties, ${JSON_HINT}.`,
  });
}
