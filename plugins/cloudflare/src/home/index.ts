export { CloudflareHome } from "./home.js";
export { cloudflareHomeConfig, STATE_BUCKET, type CloudflareHomeConfig } from "./config.js";
export { r2Credentials, type R2Credentials } from "./credentials.js";
export { openCloudflareHome } from "./open.js";
