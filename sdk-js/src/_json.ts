/** JSON carriers must hold an object at the top level (spec §3); anything else is kind `json`. */
import { ResourceError } from "./errors.js";
import type { Links } from "./types.js";

/** Parses `text` from `source` (a variable or file name, used in the message) into an object. */
export function parseObject(text: string, source: string): Links {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (cause) {
    throw new ResourceError("json", `${source} is not valid JSON`, { cause });
  }
  if (value === null || typeof value !== "object" || Array.isArray(value)) {
    const got = value === null ? "null" : Array.isArray(value) ? "an array" : typeof value;
    throw new ResourceError("json", `${source} must be a JSON object, got ${got}`);
  }
  return value as Links;
}

/**
 * Copies entries onto `target` with define semantics, so a link named `__proto__` is stored as
 * data instead of replacing the prototype.
 */
export function assignLinks(target: Links, source: Links): void {
  for (const name of Object.keys(source)) {
    Object.defineProperty(target, name, { value: source[name], enumerable: true, writable: true, configurable: true });
  }
}
