/** Opens the cloudflare home of an app: its settings from the environment, missing ones failing in one line. */
import type { ResolvedApp } from "@sst/core";
import { cloudflareHomeConfig } from "./config.js";
import { CloudflareHome } from "./home.js";

export function openCloudflareHome(app: Pick<ResolvedApp, "providers">): CloudflareHome {
  return new CloudflareHome(cloudflareHomeConfig(app));
}
