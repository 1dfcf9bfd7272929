/**
 * The environment of a function: the `environment` includes of its links, the user's `environment`, then SST's
 * own variables (`SST_RESOURCE_App`, `SST_KEY`, `SST_KEY_FILE`), checked against Lambda's rules.
 */
import * as pulumi from "@pulumi/pulumi";
import { SSTError } from "@sst/core";

/** Names SST sets on every function; `environment` cannot set them. */
export const RESERVED = ["SST_RESOURCE_App", "SST_KEY", "SST_KEY_FILE"] as const;

/** Lambda's limit on all of a function's variables together (names and values). */
export const ENV_LIMIT = 4096;

const NAME = /^[A-Za-z][A-Za-z0-9_]+$/;

/** Bytes the variables take against the 4 KB limit: every name and value, UTF-8. */
export function environmentSize(env: Record<string, string>): number {
  return Object.entries(env).reduce((n, [k, v]) => n + Buffer.byteLength(k) + Buffer.byteLength(v), 0);
}

/** Checks the user's variable names (`environment` or `addEnvironment`). */
export function checkNames(component: string, arg: string, env: Record<string, unknown>): void {
  const bad = Object.keys(env).filter((k) => !NAME.test(k));
  if (bad.length) {
    throw new SSTError({
      code: "E_FUNCTION_ENV_NAME",
      message: `Function "${component}": ${arg} has invalid variable names: ${bad.map((k) => JSON.stringify(k)).join(", ")}.`,
      hint: "Names start with a letter, have at least 2 characters and use only letters, digits and underscores.",
    });
  }
  const reserved = Object.keys(env).filter((k) => (RESERVED as readonly string[]).includes(k));
  if (reserved.length) {
    throw new SSTError({
      code: "E_FUNCTION_ENV_RESERVED",
      message: `Function "${component}": ${arg} sets ${reserved.join(", ")}, which SST sets to open the function's links.`,
      hint: "Use another name.",
    });
  }
  // Values not resolved yet (Outputs, promises) are checked again once they are.
  const nonString = Object.entries(env).filter(([, v]) => typeof v !== "string" && !pulumi.Output.isInstance(v) && !(v instanceof Promise));
  if (nonString.length) {
    throw new SSTError({
      code: "E_FUNCTION_ENV_VALUE",
      message: `Function "${component}": ${arg} values must be strings; ${nonString.map(([k, v]) => `${k} is ${v === null ? "null" : typeof v}`).join(", ")}.`,
      hint: "Convert them, e.g. String(n) or JSON.stringify(value).",
    });
  }
}

/**
 * The function's variables, lowest precedence first: link includes, `environment`, SST's. Fails when they
 * exceed 4 KB together, naming the largest.
 */
export function mergeEnvironment(
  component: string,
  fromLinks: Record<string, string>,
  user: Record<string, string>,
  sst: Record<string, string>,
): Record<string, string> {
  checkNames(component, "environment", user);
  const env = { ...fromLinks, ...user, ...sst };
  const size = environmentSize(env);
  if (size > ENV_LIMIT) {
    const largest = Object.entries(env)
      .sort(([ak, av], [bk, bv]) => bk.length + bv.length - (ak.length + av.length))
      .slice(0, 3)
      .map(([k, v]) => `${k} (${Buffer.byteLength(k) + Buffer.byteLength(v)} bytes)`);
    throw new SSTError({
      code: "E_FUNCTION_ENV_SIZE",
      message: `Function "${component}": its environment variables take ${size} bytes, over Lambda's 4 KB limit. The largest: ${largest.join(", ")}.`,
      hint: "Pass large values through `link` (they go in the encrypted resource.enc file, not the environment).",
    });
  }
  return env;
}
