/// <reference path="./.sst/platform/config.d.ts" />
import { hello } from "@sst-examples/plugin-hello";

export default $config({
  plugins: [hello({ greeting: "Hello" })],
  app(input) {
    return {
      name: "app-hello",
      home: "local",
      removal: input.stage === "production" ? "retain" : "remove",
      protect: input.stage === "production",
    };
  },
  async run() {
    const greeting = new sst.hello.Greeting("Greeting", { to: "world" });
    const apiKey = new sst.Secret("ApiKey", "placeholder-key");
    const settings = new sst.Linkable("Settings", {
      properties: { greeting: greeting.text, retries: 3, verbose: $app.stage !== "production" },
      include: [sst.Linkable.env({ SETTINGS_STAGE: $app.stage })],
    });
    return { greeting: greeting.text, settings: settings.urn, apiKey: apiKey.value };
  },
});
