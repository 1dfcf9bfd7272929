/** `realtime.authorizer` (sst/aws/realtime): the IoT Core custom-authorizer response it builds. */
import { describe, expect, it } from "vitest";
import { realtime } from "@sst/sdk/aws/realtime";

const context = { invokedFunctionArn: "arn:aws:lambda:eu-west-1:123456789012:function:app-test-ChatAuthorizerHandler" };

/** An IoT Core authorizer event for an MQTT-over-WebSocket client that sent `token` as its password. */
function event(token: string): realtime.AuthorizerEvent {
  return {
    token: "",
    signatureVerified: false,
    protocols: ["tls", "mqtt"],
    protocolData: {
      tls: { serverName: "abc-ats.iot.eu-west-1.amazonaws.com" },
      mqtt: { username: "client?x-amz-customauthorizer-name=ChatAuthorizer", password: Buffer.from(token).toString("base64"), clientId: "c1" },
    },
    connectionMetadata: { id: "e56f08c3-c559-490f-aa9f-7e8427d0f57b" },
  };
}

describe("realtime.authorizer", () => {
  it("passes the decoded MQTT password to the callback as the token", async () => {
    const tokens: string[] = [];
    await realtime.authorizer(async (token) => (tokens.push(token), {}))(event("secret-token"), context);
    expect(tokens).toEqual(["secret-token"]);
  });

  it("falls back to the event's token when the client sent no MQTT password", async () => {
    const tokens: string[] = [];
    await realtime.authorizer(async (token) => (tokens.push(token), {}))({ token: "header-token", protocolData: {} }, context);
    expect(tokens).toEqual(["header-token"]);
  });

  it("allows connecting, subscribing to and receiving from its subscribe topics, and publishing to its publish topics", async () => {
    const handler = realtime.authorizer(async () => ({ subscribe: ["app/test/chat/room1", "app/test/news/*"], publish: ["app/test/chat/room1"] }));
    const res = await handler(event("t"), context);
    expect(res).toMatchObject({ isAuthenticated: true, disconnectAfterInSeconds: 86400, refreshAfterInSeconds: 300 });
    expect(res.principalId).toMatch(/^[a-zA-Z0-9]{1,128}$/);
    expect(res.policyDocuments).toEqual([
      {
        Version: "2012-10-17",
        Statement: [
          { Action: "iot:Connect", Effect: "Allow", Resource: "*" },
          {
            Action: "iot:Subscribe",
            Effect: "Allow",
            Resource: [
              "arn:aws:iot:eu-west-1:123456789012:topicfilter/app/test/chat/room1",
              "arn:aws:iot:eu-west-1:123456789012:topicfilter/app/test/news/*",
            ],
          },
          {
            Action: "iot:Receive",
            Effect: "Allow",
            Resource: ["arn:aws:iot:eu-west-1:123456789012:topic/app/test/chat/room1", "arn:aws:iot:eu-west-1:123456789012:topic/app/test/news/*"],
          },
          { Action: "iot:Publish", Effect: "Allow", Resource: ["arn:aws:iot:eu-west-1:123456789012:topic/app/test/chat/room1"] },
        ],
      },
    ]);
  });

  it("allows only connecting when no topics are returned, and a fresh principal per connection", async () => {
    const handler = realtime.authorizer(async () => ({}));
    const [a, b] = [await handler(event("t"), context), await handler(event("t"), context)];
    expect(a.policyDocuments).toEqual([{ Version: "2012-10-17", Statement: [{ Action: "iot:Connect", Effect: "Allow", Resource: "*" }] }]);
    expect(a.principalId).not.toBe(b.principalId);
  });

  it("keeps the given principal, durations and extra policy documents, and the function's partition", async () => {
    const extra: realtime.PolicyDocument = { Version: "2012-10-17", Statement: [{ Action: "iot:RetainPublish", Effect: "Allow", Resource: "*" }] };
    const res = await realtime.authorizer(async () => ({
      principalId: "user42",
      disconnectAfterInSeconds: 3600,
      refreshAfterInSeconds: 600,
      publish: ["x"],
      policyDocuments: [extra],
    }))(event("t"), { invokedFunctionArn: "arn:aws-cn:lambda:cn-north-1:123456789012:function:f" });
    expect(res).toMatchObject({ principalId: "user42", disconnectAfterInSeconds: 3600, refreshAfterInSeconds: 600 });
    expect(res.policyDocuments[1]).toEqual(extra);
    expect(res.policyDocuments[0]!.Statement[1]!.Resource).toEqual(["arn:aws-cn:iot:cn-north-1:123456789012:topic/x"]);
  });

  it("refuses the connection (throws) when the callback throws", async () => {
    const handler = realtime.authorizer(async () => {
      throw new Error("bad token");
    });
    await expect(handler(event("t"), context)).rejects.toThrow("bad token");
  });

  it.each([
    [{ principalId: "user-42" }, "principalId must be 1 to 128 letters and digits"],
    [{ disconnectAfterInSeconds: 60 }, "disconnectAfterInSeconds must be a whole number of seconds from 300 to 86400"],
    [{ refreshAfterInSeconds: 90000 }, "refreshAfterInSeconds must be a whole number of seconds from 300 to 86400"],
    [{ policyDocuments: Array.from({ length: 10 }, () => ({ Version: "2012-10-17", Statement: [] })) }, "at most 9 policyDocuments"],
    [{ publish: Array.from({ length: 60 }, (_, i) => `app/test/chat/a-rather-long-room-name-${i}`) }, "longer than 2048 characters"],
  ])("rejects a result IoT Core would refuse: %j", async (result, message) => {
    await expect(realtime.authorizer(async () => result as realtime.AuthResult)(event("t"), context)).rejects.toThrow(message);
  });
});
