/**
 * The `sst.config.ts` that `sst init` writes: one per home (aws, cloudflare, local), or, in drop-in mode, a
 * comment-free config with the framework's component (as SST's own templates do).
 */
import type { Framework } from "./detect.js";

/** The homes `sst init` has a template for. */
export type HomeName = "aws" | "cloudflare" | "local";
export const HOMES: HomeName[] = ["aws", "cloudflare", "local"];

const RUN_HINT: Record<HomeName, string> = {
  aws: `    // new sst.aws.Bucket("MyBucket");`,
  cloudflare: `    // new sst.cloudflare.Worker("MyWorker", { handler: "index.ts", url: true });`,
  local: `    // new sst.Linkable("Settings", { properties: { greeting: "Hello" } });`,
};

function appBlock(name: string, home: HomeName): string {
  return [
    "  app(input) {",
    "    return {",
    `      name: ${JSON.stringify(name)},`,
    `      removal: input?.stage === "production" ? "retain" : "remove",`,
    `      protect: ["production"].includes(input?.stage),`,
    `      home: ${JSON.stringify(home)},`,
    "    };",
    "  },",
  ].join("\n");
}

export function renderConfig(options: { name: string; home: HomeName; framework?: Framework }): string {
  const { name, home, framework } = options;
  const run = framework
    ? [`  async run() {`, `    new sst.aws.${framework.component}(${JSON.stringify(framework.resource)});`, `  },`]
    : [`  async run() {`, `    // Your resources go here, for example:`, RUN_HINT[home], `  },`];
  return [
    `/// <reference path="./.sst/platform/config.d.ts" />`,
    "",
    "export default $config({",
    appBlock(name, home),
    ...run,
    "});",
    "",
  ].join("\n");
}

/** An app name from package.json's name or the directory: `@acme/My Web` → `my-web`. */
export function appName(fromPackage: string | undefined, dir: string): string {
  const clean = (raw: string) =>
    raw
      .replace(/^@[^/]+\//, "")
      .toLowerCase()
      .replace(/[^a-z0-9-]+/g, "-")
      .replace(/^[^a-z]+/, "")
      .replace(/-+$/, "");
  return clean(fromPackage ?? "") || clean(dir) || "my-app";
}
