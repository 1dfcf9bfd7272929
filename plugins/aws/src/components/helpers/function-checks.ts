/** The checks of `sst.aws.Function`'s args that run in its constructor, before anything is created. */
import * as pulumi from "@pulumi/pulumi";
import { SSTError } from "@sst/core";
import type { FunctionArgs, FunctionRuntime } from "./function-args.js";
import type { LiveFunction } from "./function-dev.js";
import { toSeconds, type Where } from "./function-units.js";
import { normalUrl } from "./function-url.js";

const RUNTIMES: readonly FunctionRuntime[] = [
  "nodejs18.x",
  "nodejs20.x",
  "nodejs22.x",
  "python3.9",
  "python3.10",
  "python3.11",
  "python3.12",
  "python3.13",
  "go",
  "rust",
  "provided.al2023",
];

/**
 * Checks the args that decide which resources exist (plain values only) and their combinations; returns them
 * with their defaults.
 */
export function checkArgs(name: string, args: FunctionArgs) {
  const runtime = plain(name, "runtime", args.runtime ?? "nodejs20.x") as FunctionRuntime;
  if (!RUNTIMES.includes(runtime)) {
    throw new SSTError({
      code: "E_FUNCTION_ARG",
      message: `Function "${name}": runtime ${JSON.stringify(runtime)} is not supported.`,
      hint: `Use one of ${RUNTIMES.map((r) => `"${r}"`).join(", ")}.`,
    });
  }
  const python = plain(name, "python", args.python ?? {});
  if (python.container === true) {
    throw new SSTError({
      code: "E_FUNCTION_UNSUPPORTED",
      message: `Function "${name}": python.container (a container image built with Docker) is not supported by this version of @sst/aws.`,
      hint: "Deploy the function as a zip (leave python.container out); the package limit is 250 MB unzipped.",
    });
  }
  const logging = plain(name, "logging", args.logging ?? {});
  const url = normalUrl(plain(name, "url", args.url ?? false));
  const concurrency = plain(name, "concurrency", args.concurrency ?? {});
  const versioning = args.versioning ?? false;
  if (concurrency.provisioned !== undefined && plain(name, "versioning", versioning) !== true) {
    throw new SSTError({
      code: "E_FUNCTION_ARG",
      message: `Function "${name}": concurrency.provisioned needs versioning (provisioned concurrency applies to a published version).`,
      hint: "Add versioning: true.",
    });
  }
  if (logging !== false && logging.logGroup !== undefined && logging.retention !== undefined) {
    throw new SSTError({
      code: "E_FUNCTION_ARG",
      message: `Function "${name}": logging.retention does not apply to an existing logging.logGroup.`,
      hint: "Set the retention on that log group, and leave logging.retention out.",
    });
  }
  return { runtime, logging, url, concurrency, versioning };
}

/** What `liveCode` needs of a function; under `sst dev` these args must be plain values. */
export function liveFunction(name: string, runtime: FunctionRuntime, args: FunctionArgs): LiveFunction {
  const where = (arg: string): Where => ({ component: name, arg });
  return {
    name,
    runtime,
    handler: plain(name, "handler", args.handler),
    timeoutSeconds: toSeconds(plain(name, "timeout", args.timeout ?? "20 seconds"), where("timeout"), 1, 900),
    architecture: plain(name, "architecture", args.architecture ?? "x86_64"),
    streaming: plain(name, "streaming", args.streaming ?? false),
    dev: plain(name, "dev", args.dev),
  };
}

/** An arg that decides which resources exist: it must be a plain value, not an Output. */
export function plain<T>(component: string, arg: string, value: pulumi.Input<T>): T {
  if (pulumi.Output.isInstance(value) || value instanceof Promise) {
    throw new SSTError({
      code: "E_FUNCTION_ARG",
      message: `Function "${component}": ${arg} must be a plain value, not an Output: it decides which resources the function creates.`,
      hint: `Pass ${arg} as a literal, or its parts (the values inside it) as Outputs.`,
    });
  }
  return value as T;
}
