/**
 * Build failures: one problem per error message, each naming the function and, when the builder knows, the
 * file:line:column. The owner reports every failure of a run in one `SSTError`; each failed artifact's Output
 * rejects with a `BuildFailure` that only says "see the build errors", so nothing is reported twice.
 */
import * as pulumi from "@pulumi/pulumi";
import type { BuildMessage } from "../hooks.js";
import type { Problem } from "../errors.js";
import { formatMessage } from "./messages.js";

const REPORTED = Symbol.for("sst.build.reported");
// On globalThis: an app can load two copies of @sst/core, which must share one listener.
const INSTALLED = Symbol.for("sst.build.dropReportedFailures");

/** What a failed artifact's Output rejects with. A `RunError`, so Pulumi shows it without a stack. */
export class BuildFailure extends pulumi.RunError {
  readonly [REPORTED] = true;
  constructor(name: string) {
    super(`The build of "${name}" failed (its errors are reported with the other build errors).`);
    this.name = "BuildFailure";
    dropReportedFailures();
  }
}

/**
 * A resource whose input rejected fails its registration as an unhandled rejection, which Pulumi's language host
 * catches under the engine but which would crash an offline synth. Installed once per process when a build first
 * fails: a `BuildFailure` is already in the program's error, so it is dropped; any other rejection is left to the
 * process's other listeners, or thrown as Node does when there are none.
 */
function dropReportedFailures(): void {
  const flag = globalThis as { [INSTALLED]?: boolean };
  if (flag[INSTALLED]) return;
  flag[INSTALLED] = true;
  process.on("unhandledRejection", (reason) => {
    if (isBuildFailure(reason)) return;
    if (process.listenerCount("unhandledRejection") === 1) throw reason;
  });
}

/** True for a failure the build owner has already reported (Pulumi may mutate the message, never the object). */
export function isBuildFailure(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as { [REPORTED]?: boolean })[REPORTED] === true;
}

/** The problems of one function's failed build. */
export function buildProblems(name: string, runtime: string, messages: (string | BuildMessage)[], root: string): Problem[] {
  const list = messages.length ? messages : ["the builder reported a failure without a message"];
  return list.map((m) => ({
    code: "E_BUILD_FAILED",
    message: `Function "${name}" (${runtime}): ${formatMessage(m, root)}`,
    hint: "Fix the errors above and run the command again.",
  }));
}

/** No plugin builds `runtime`. */
export function noBuilder(name: string, runtime: string, plugin: string | undefined): Problem {
  const sst = plugin && /^@sst\/([^/]+)$/.exec(plugin);
  return {
    code: "E_BUILD_NO_BUILDER",
    message: `Function "${name}" uses runtime "${runtime}", but no plugin builds "${runtime}" functions${plugin ? ` (${plugin} does)` : ""}.`,
    hint: sst
      ? `Add it: sst add ${sst[1]}`
      : plugin
        ? `Install ${plugin} and list it in \`plugins\` in sst.config.ts.`
        : `Add the plugin that builds "${runtime}" functions to \`plugins\` in sst.config.ts.`,
  };
}
