/**
 * The receiver side of linking Cron's neighbours: a function linked to a Bus, an Email or a Realtime gets the
 * permissions each one includes, in its role's link policy.
 */
import { synth } from "@sst/core/testing";
import { describe, expect, it } from "vitest";
import { Bus, Email, Function, Realtime } from "@sst/aws";
import { awsApp, policyOf } from "./_helpers.js";
import { arnOf, trackingMocks } from "./_mocks.js";

describe("linking Bus, Email and Realtime to a function", () => {
  it("puts events:PutEvents, ses:* and iot:Publish on the function's role, and the properties in its links", async () => {
    const graph = await synth({
      ...awsApp,
      mocks: trackingMocks().mocks,
      run() {
        const bus = new Bus("Events");
        const email = new Email("Mail", { sender: "a@example.com" });
        const realtime = new Realtime("Chat", { authorizer: "src/authorizer.handler" });
        new Function("Api", { handler: "src/api.handler", link: [bus, email, realtime] });
      },
    });
    expect(policyOf(graph.get("ApiLinkPolicy", "aws:iam/rolePolicy:RolePolicy")).Statement).toEqual([
      { Effect: "Allow", Action: ["events:PutEvents"], Resource: [arnOf("EventsBus")] },
      { Effect: "Allow", Action: ["ses:*"], Resource: [arnOf("MailIdentity"), arnOf("MailConfig")] },
      { Effect: "Allow", Action: ["iot:Publish"], Resource: ["arn:aws:iot:us-east-1:123456789012:topic/*"] },
    ]);
    expect(graph.links.map((l) => l.name).sort()).toEqual(["Api", "Chat", "Events", "Mail"]);
  });
});
