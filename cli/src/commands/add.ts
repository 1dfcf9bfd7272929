/** `sst add <name>`: add a provider (and our plugin for it, when there is one), or a plugin, to sst.config.ts and install it. */
import { defineCommand } from "citty";
import { globalArgs } from "../args.js";

export const examples = [
  "sst add aws                     sets providers.aws in sst.config.ts to the latest @pulumi/aws, installs it",
  "sst add vercel                  a provider outside @pulumi: providers.vercel = { package, version }",
  "SST_NPM_REGISTRY=https://my-registry.com sst add aws   (NPM_REGISTRY works too)",
  "sst add @acme/sst-greeter       a plugin by its package name: imported and added to plugins: [...]",
  "SST_PACKAGES=~/sst/.packs sst add hello   a plugin from this build's packs (npm run pack in the checkout)",
  "SST_SKIP_INSTALL=1 sst add aws  edit the config only",
  "# looks up the plugin (this build's packs, then @sst/<name>), then @sst-provider/, @pulumi/, @pulumiverse/ and pulumi-<name>",
];

export default defineCommand({
  meta: { name: "add" },
  args: { ...globalArgs, provider: { type: "positional", required: true, description: "The provider or plugin to add, like aws, cloudflare or @acme/sst-greeter", valueHint: "name" } },
  run: async ({ args }) => (await import("../actions/add.js")).add(args),
});
