/**
 * Input checks for the encoder. A link name becomes part of an env var name
 * (`SST_RESOURCE_<Name>`), so it must survive `execve`: no `=`, no NUL, and, to stay readable in
 * shells and logs, no whitespace or control characters. Names must also be unique ignoring case,
 * because Windows env names are case-insensitive, `App` is reserved for the app's own entry, and a
 * name may not itself start with `SST_RESOURCE_` (SST's Rust SDK strips the prefix twice). No string,
 * name or key may hold a lone UTF-16 surrogate: JSON.stringify escapes it, and SST's Go SDK then reads
 * U+FFFD while Rust's serde_json (ours and SST's) rejects the whole carrier, losing every link.
 */
import { RESERVED_NAME, RESOURCE_PREFIX } from "./format.js";
import type { EncodeInput, LinkTarget } from "./types.js";

const TARGETS: readonly LinkTarget[] = ["env", "file", "env-json"];
// `=` ends an env var name; \p{C} covers NUL and every other control or format character.
const BAD_NAME_CHAR = /[=\s\p{C}]/u;
// With the `u` flag a well-formed pair is one astral code point; only a lone half is category Cs.
const LONE_SURROGATE = /\p{Cs}/u;

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
  if (LONE_SURROGATE.test(name)) {
    problems.push(`link name ${JSON.stringify(name)} contains a lone UTF-16 surrogate`);
  } else if (BAD_NAME_CHAR.test(name)) {
    problems.push(`link name ${JSON.stringify(name)} contains "=", whitespace or a control character`);
  }
  const folded = name.toLowerCase();
  if (folded === RESERVED_NAME.toLowerCase()) {
    problems.push(`link name ${JSON.stringify(name)} is reserved for the app's own entry (Resource.App)`);
  }
  if (name.startsWith(RESOURCE_PREFIX)) {
    problems.push(`link name ${JSON.stringify(name)} starts with "${RESOURCE_PREFIX}", the prefix of its own env var`);
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
  } catch (error) {
    return [`link ${JSON.stringify(name)} is not JSON-serialisable: ${(error as Error).message}`];
  }
  return surrogateProblems(name, value, "");
}

/** Every string (value or key) under `value` that holds a lone surrogate, by property path. */
function surrogateProblems(name: string, value: unknown, path: string): string[] {
  const at = (where: string) => `link ${JSON.stringify(name)} ${where} holds a lone UTF-16 surrogate (not valid Unicode: the SDKs would lose it)`;
  if (typeof value === "string") return LONE_SURROGATE.test(value) ? [at(`property ${path}`)] : [];
  if (value === null || typeof value !== "object") return [];
  if (Array.isArray(value)) return value.flatMap((item, i) => surrogateProblems(name, item, `${path}[${i}]`));
  return Object.entries(value).flatMap(([key, item]) => {
    const child = path + (/^[A-Za-z_$][\w$]*$/.test(key) ? `${path ? "." : ""}${key}` : `[${JSON.stringify(key)}]`);
    return [...(LONE_SURROGATE.test(key) ? [at(`key ${child}`)] : []), ...surrogateProblems(name, item, child)];
  });
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
