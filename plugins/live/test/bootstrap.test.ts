/** The live transport's AppSync Events API, found or created per region, against moto's AppSync control plane. */
import { AppSyncClient, ListApisCommand, ListChannelNamespacesCommand } from "@aws-sdk/client-appsync";
import { describe, expect, it } from "vitest";
import { ensureLiveApi } from "@sst/live";
import { MOTO, useMoto } from "../../aws/test/_moto.js";

const moto = useMoto();
const client = () => new AppSyncClient({ region: "us-east-1", endpoint: moto.endpoint });

describe.skipIf(!MOTO)("the live Events API", () => {
  it("creates an API named sst with IAM auth and the sst namespace the first time", async () => {
    await moto.reset();
    const api = await ensureLiveApi(client());
    expect(api).toMatchObject({ region: "us-east-1", apiId: expect.any(String) });
    expect(api.http).toMatch(/\./);
    expect(api.realtime).toMatch(/\./);
    const listed = await client().send(new ListApisCommand({}));
    expect(listed.apis?.filter((a) => a.name === "sst")).toHaveLength(1);
    expect(listed.apis?.[0]?.eventConfig?.authProviders).toEqual([{ authType: "AWS_IAM" }]);
    const namespaces = await client().send(new ListChannelNamespacesCommand({ apiId: api.apiId }));
    expect(namespaces.channelNamespaces?.map((n) => n.name)).toEqual(["sst"]);
  });

  it("finds the same API on the next run instead of creating another", async () => {
    await moto.reset();
    const first = await ensureLiveApi(client());
    const second = await ensureLiveApi(client());
    expect(second).toEqual(first);
    const listed = await client().send(new ListApisCommand({}));
    expect(listed.apis?.filter((a) => a.name === "sst")).toHaveLength(1);
  });

  it("adds the sst namespace to an sst API that lacks it", async () => {
    await moto.reset();
    const { CreateApiCommand } = await import("@aws-sdk/client-appsync");
    const iam = [{ authType: "AWS_IAM" as const }];
    const bare = await client().send(new CreateApiCommand({ name: "sst", eventConfig: { authProviders: iam, connectionAuthModes: iam, defaultPublishAuthModes: iam, defaultSubscribeAuthModes: iam } }));
    const api = await ensureLiveApi(client());
    expect(api.apiId).toBe(bare.api!.apiId);
    const namespaces = await client().send(new ListChannelNamespacesCommand({ apiId: api.apiId }));
    expect(namespaces.channelNamespaces?.map((n) => n.name)).toEqual(["sst"]);
  });

  it("settles on one API when two sst dev create it at once", async () => {
    await moto.reset();
    const [a, b] = await Promise.all([ensureLiveApi(client()), ensureLiveApi(client())]);
    expect(a.apiId).toBe(b.apiId);
    const listed = await client().send(new ListApisCommand({}));
    expect(listed.apis?.filter((x) => x.name === "sst")).toHaveLength(1);
  });
});
