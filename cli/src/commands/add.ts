/** `sst add <name>`: add a provider (and our plugin for it, when there is one) to sst.config.ts and install it. */
import { defineCommand } from "citty";
import { globalArgs } from "../args.js";

export const examples = [
  "sst add aws                     sets providers.aws in sst.config.ts to the latest @pulumi/aws, installs it",
  "sst add vercel                  a provider outside @pulumi: providers.vercel = { package, version }",
  "SST_NPM_REGISTRY=https://my-registry.com sst add aws   (NPM_REGISTRY works too)",
  "SST_SKIP_INSTALL=1 sst add aws  edit the config only",
  "# looks up our plugin @sst/<name>, then @sst-provider/, @pulumi/, @pulumiverse/ and pulumi-<name>",
];

export default defineCommand({
  meta: {
    name: "add",
    description: "Add a provider to sst.config.ts (its latest version) and install it",
  },
  args: { ...globalArgs, provider: { type: "positional", required: true, description: "The provider to add, like aws or cloudflare", valueHint: "name" } },
  run: async ({ args }) => (await import("../actions/add.js")).add(args),
});
