/**
 * The live transport's home in an account and region (spec/live-protocol.md §1): an AppSync Events API named
 * `sst` with a channel namespace `sst`, found, or created the first time `sst dev` runs there. IAM is its only
 * auth mode: the bridges sign with their roles, `sst dev` with the developer's credentials.
 */
import {
  AppSyncClient,
  CreateApiCommand,
  CreateChannelNamespaceCommand,
  DeleteApiCommand,
  GetApiCommand,
  ListApisCommand,
  ListChannelNamespacesCommand,
  type Api,
} from "@aws-sdk/client-appsync";
import { SSTError } from "@sst/core";

export const LIVE_API_NAME = "sst";
export const LIVE_NAMESPACE = "sst";

/** Where the live transport answers in one region. */
export interface LiveApi {
  apiId: string;
  /** The API's ARN: the bridges' IAM policy grants `appsync:Event*` on it. */
  arn: string;
  /** `dns.HTTP`: publishes. */
  http: string;
  /** `dns.REALTIME`: the websocket. */
  realtime: string;
  region: string;
  /** `false` for a local Events server over plain http/ws (`SST_LIVE_ENDPOINT`). @default true */
  secure?: boolean;
}

/**
 * The Events server named by `SST_LIVE_ENDPOINT` (`http://127.0.0.1:4000`), instead of the region's AppSync
 * API: a local transport for tests and for running `sst dev` against an emulator.
 */
export function liveApiFromEnv(region: string, env: NodeJS.ProcessEnv = process.env): LiveApi | undefined {
  const raw = env.SST_LIVE_ENDPOINT;
  if (!raw) return undefined;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new SSTError({ code: "E_LIVE_ENDPOINT", message: `SST_LIVE_ENDPOINT is not a URL: ${JSON.stringify(raw)}.`, hint: "Set it to the Events server's base URL, e.g. http://127.0.0.1:4000, or unset it." });
  }
  return { apiId: "local", arn: `arn:aws:appsync:${region}:000000000000:apis/local`, http: url.host, realtime: url.host, region, secure: url.protocol === "https:" };
}

async function listSstApis(client: AppSyncClient): Promise<Api[]> {
  const found: Api[] = [];
  let nextToken: string | undefined;
  do {
    const page = await client.send(new ListApisCommand({ nextToken }));
    found.push(...(page.apis ?? []).filter((api) => api.name === LIVE_API_NAME));
    nextToken = page.nextToken;
  } while (nextToken);
  // The oldest one wins, so that two `sst dev` creating it at once settle on the same API.
  return found.sort((a, b) => (a.created?.getTime() ?? 0) - (b.created?.getTime() ?? 0) || (a.apiId ?? "").localeCompare(b.apiId ?? ""));
}

function toLiveApi(api: Api, region: string): LiveApi {
  const http = api.dns?.HTTP;
  const realtime = api.dns?.REALTIME;
  if (!api.apiId || !http || !realtime) {
    throw new SSTError({
      code: "E_LIVE_API",
      message: `The AppSync Events API "${LIVE_API_NAME}" in ${region} has no HTTP or realtime endpoint yet.`,
      hint: "Wait a minute and run `sst dev` again; if it persists, delete the API in the AppSync console so sst dev can create it again.",
    });
  }
  return { apiId: api.apiId, arn: api.apiArn ?? `arn:aws:appsync:${region}::apis/${api.apiId}`, http, realtime, region };
}

/** Creates the `sst` namespace unless the API has it (an earlier `sst dev` may have stopped between the two). */
async function ensureNamespace(client: AppSyncClient, apiId: string): Promise<void> {
  const { channelNamespaces } = await client.send(new ListChannelNamespacesCommand({ apiId }));
  if (!channelNamespaces?.some((n) => n.name === LIVE_NAMESPACE)) {
    await client.send(new CreateChannelNamespaceCommand({ apiId, name: LIVE_NAMESPACE }));
  }
}

/** Finds the region's `sst` Events API, creating it (and its `sst` namespace) when there is none. */
export async function ensureLiveApi(client: AppSyncClient): Promise<LiveApi> {
  const region = await client.config.region();
  const existing = (await listSstApis(client))[0];
  if (existing) {
    const api = existing.dns ? existing : ((await client.send(new GetApiCommand({ apiId: existing.apiId }))).api ?? existing);
    await ensureNamespace(client, existing.apiId!);
    return toLiveApi(api, region);
  }
  const iam = [{ authType: "AWS_IAM" as const }];
  const created = await client.send(
    new CreateApiCommand({
      name: LIVE_API_NAME,
      eventConfig: { authProviders: iam, connectionAuthModes: iam, defaultPublishAuthModes: iam, defaultSubscribeAuthModes: iam },
      tags: { "sst:purpose": "live" },
    }),
  );
  const mine = created.api!;
  await client.send(new CreateChannelNamespaceCommand({ apiId: mine.apiId, name: LIVE_NAMESPACE }));
  const winner = (await listSstApis(client))[0] ?? mine;
  if (winner.apiId !== mine.apiId) {
    // Another sst dev created one at the same moment and it is older: use it, drop ours.
    await client.send(new DeleteApiCommand({ apiId: mine.apiId })).catch(() => undefined);
    return toLiveApi(winner.dns ? winner : ((await client.send(new GetApiCommand({ apiId: winner.apiId }))).api ?? winner), region);
  }
  return toLiveApi(mine, region);
}
