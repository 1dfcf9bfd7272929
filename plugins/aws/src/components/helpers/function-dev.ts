/**
 * `sst.aws.Function` under `sst dev` (../docs 05-live.md): instead of the function's code, the live bridge
 * (`provided.al2023`, `bootstrap`) that relays each invocation to `sst dev`, with the real function's
 * environment, role and timeout. `@sst/live` prepares the bridge and the transport before the deploy and hands
 * them over as the bootstrap result `live`; without it (plain `sst deploy`) functions deploy as themselves.
 */
import { useBootstrap, useProgram } from "@sst/core";
import type { PermissionStatement } from "./permission.js";

/** The part of `@sst/live`'s bootstrap result a function reads (kept structural: @sst/aws does not depend on @sst/live). */
export interface LiveBootstrapView {
  /** `secure: false`: a local Events server over plain http/ws (`SST_LIVE_ENDPOINT`). */
  api: { arn: string; http: string; realtime: string; region: string; secure?: boolean };
  bridges: { x86_64: string; arm64: string };
}

/** How a live function deploys. */
export interface LiveCode {
  /** The directory to deploy as the function's code: the bridge's `bootstrap` alone. */
  dir: string;
  handler: "bootstrap";
  runtime: "provided.al2023";
  /** Variables the bridge reads (spec/live-protocol.md §6), added to the function's own. */
  environment: Record<string, string>;
  /** What the bridge's role needs on the transport. */
  permissions: PermissionStatement[];
  /** The account's root principal (from the live API's ARN): the role trusts it so `sst dev` can assume it. */
  accountRoot: string;
}

export interface LiveFunction {
  /** The component's name: the `fn` of the bridge's packets. */
  name: string;
  runtime: string;
  handler: string;
  timeoutSeconds: number;
  architecture: "x86_64" | "arm64";
  streaming: boolean;
  /** The function's `dev` arg: `false` deploys it as itself. */
  dev?: boolean;
}

/** The bridge code for a function in a `$dev` run, or undefined when it deploys as itself. */
export function liveCode(fn: LiveFunction): LiveCode | undefined {
  const program = useProgram("sst.aws.Function");
  if (!program.dev || fn.dev === false) return undefined;
  const live = useBootstrap<LiveBootstrapView>("live");
  if (!live) return undefined;
  return {
    dir: live.bridges[fn.architecture],
    handler: "bootstrap",
    runtime: "provided.al2023",
    environment: {
      SST_LIVE_HTTP: live.api.http,
      SST_LIVE_REALTIME: live.api.realtime,
      ...(live.api.secure === false ? { SST_LIVE_INSECURE: "true" } : {}),
      SST_FUNCTION_ID: fn.name,
      SST_APP: program.app.name,
      SST_STAGE: program.app.stage,
      SST_REGION: live.api.region,
      SST_FUNCTION_RUNTIME: fn.runtime,
      SST_FUNCTION_HANDLER: fn.handler,
      SST_FUNCTION_TIMEOUT_MS: String(fn.timeoutSeconds * 1000),
      SST_FUNCTION_ARCHITECTURE: fn.architecture,
      SST_FUNCTION_STREAMING: String(fn.streaming),
    },
    accountRoot: `arn:aws:iam::${live.api.arn.split(":")[4] || "000000000000"}:root`,
    permissions: [
      {
        actions: ["appsync:EventConnect", "appsync:EventPublish", "appsync:EventSubscribe"],
        resources: [live.api.arn, `${live.api.arn}/*`],
      },
    ],
  };
}
