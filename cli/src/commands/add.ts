/** `sst add <name>`: add a provider (and our plugin for it, when there is one) to sst.config.ts and install it. */
import { defineCommand } from "citty";
import { globalArgs } from "../args.js";

export const examples = [
  "sst add aws          @sst/aws if published, and @pulumi/aws; sets providers.aws in sst.config.ts",
  "sst add vercel       a provider outside @pulumi: providers.vercel = { package, version }",
  "SST_NPM_REGISTRY=https://my-registry.com sst add aws",
];

export default defineCommand({
  meta: {
    name: "add",
    description:
      "Add a provider to `providers` in sst.config.ts (latest version) and install it. Looks up our plugin @sst/<name>, then the provider package as @sst-provider/, @pulumi/, @pulumiverse/, pulumi-<name>; the registry is SST_NPM_REGISTRY or NPM_REGISTRY. SST_SKIP_INSTALL=1 skips the install",
  },
  args: { ...globalArgs, provider: { type: "positional", required: true, description: "The provider to add, like aws or cloudflare", valueHint: "name" } },
  run: async ({ args }) => (await import("../actions/add.js")).add(args),
});
