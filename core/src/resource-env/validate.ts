/**
 * Input checks for the encoder. A link name becomes part of an env var name
 * (`SST_RESOURCE_<Name>`), so it must survive `execve`: no `=`, no NUL, and, to stay readable in
 * shells and logs, no whitespace or control characters. Names must also be unique ignoring case,
 * because Windows env names are case-insensitive, and `App` is reserved for the app's own entry.
 */
import { RESERVED_NAME } from "./format.js";
import type { EncodeInput, LinkTarget } from "./types.js";

const TARGETS: readonly LinkTarget[] = ["env", "file", "env-json"];
// `=` ends an env var name; \p{C} covers NUL and every other control or format character.
const BAD_NAME_CHAR = /[=\s\p{C}]/u;

/** Every problem with the input, in input order; empty when it can be encoded. */
export function findInputProblems(input: EncodeInput): string[] {
  const problems: string[] = [];
  if (!TARGETS.includes(input.target)) {
    problems.push(`target ${JSON.stringify(input.target)} is not one of ${TARGETS.map((t) => `"${t}"`).join(", ")}`);
  }
  for (const field of ["name", "stage"] as const) {
    const value = input.app?.[field];
    if (typeof value !== "string" || value === "") {
      problems.push(`app.${field} must be a non-empty string, got ${JSON.stringify(value)}`);
    }
  }
  if (!isPlainObject(input.links)) {
    problems.push("links must be an object of { [name]: properties }");
    return problems;
  }
  const seen = new Map<string, string>();
  for (const [name, value] of Object.entries(input.links)) {
    problems.push(...nameProblems(name, seen), ...valueProblems(name, value));
  }
  return problems;
}

function nameProblems(name: string, seen: Map<string, string>): string[] {
  if (name === "") return ['link name "" is empty'];
  const problems: string[] = [];
  if (BAD_NAME_CHAR.test(name)) {
    problems.push(`link name ${JSON.stringify(name)} contains "=", whitespace or a control character`);
  }
  const folded = name.toLowerCase();
  if (folded === RESERVED_NAME.toLowerCase()) {
    problems.push(`link name ${JSON.stringify(name)} is reserved for the app's own entry (Resource.App)`);
  }
  const earlier = seen.get(folded);
  if (earlier !== undefined) {
    problems.push(`link names ${JSON.stringify(earlier)} and ${JSON.stringify(name)} differ only in case`);
  } else {
    seen.set(folded, name);
  }
  return problems;
}

function valueProblems(name: string, value: unknown): string[] {
  if (!isPlainObject(value)) {
    return [`link ${JSON.stringify(name)} must be an object of properties, got ${describe(value)}`];
  }
  try {
    JSON.stringify(value);
    return [];
  } catch (error) {
    return [`link ${JSON.stringify(name)} is not JSON-serialisable: ${(error as Error).message}`];
  }
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== "object" || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

function describe(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  return typeof value;
}
