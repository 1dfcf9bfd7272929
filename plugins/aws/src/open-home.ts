/** Opening the aws home, and the AWS bootstrap of apps whose home is elsewhere. */
import type { Kernel, ResolvedApp } from "@sst/core";
import { awsHomeConfig } from "./config.js";
import { checkCredentials, credentialsFor } from "./credentials.js";
import { AwsHome } from "./home.js";

/**
 * Opens the aws home of an app: resolves its credentials and checks them with STS before anything is read
 * or written (missing or expired ones fail with `E_AWS_CREDENTIALS`).
 */
export async function openAwsHome(app: Pick<ResolvedApp, "providers">): Promise<AwsHome> {
  // The pinned SDK runs on Node 20 (the CLI's floor); its multi-line notice about future releases needing
  // Node 22 would precede every command's output. A user who wants it sets the variable to "false".
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= "true";
  const config = awsHomeConfig(app);
  const credentials = credentialsFor(config);
  await checkCredentials(config, credentials);
  return new AwsHome({ config, credentials });
}

/**
 * The AWS bootstrap (`/sst/bootstrap`: the state and asset buckets) for every app that uses the aws
 * provider, whatever its home, so `useBootstrap("aws")` gives components the asset bucket. When the home
 * is `aws` it has already bootstrapped the same account and region (the home reads the same
 * `providers.aws`): its result is reused. Credentials are checked first, as for the home.
 */
export function tapAwsBootstrap(kernel: Kernel): void {
  kernel.hooks.bootstrap.tapPromise("aws", async (context) => {
    if (context.results.aws !== undefined || !context.app.providers.aws) return;
    const home = await openAwsHome(context.app);
    try {
      context.results.aws = await home.bootstrap();
    } finally {
      home.s3.destroy();
      home.ssm.destroy();
    }
  });
}
