/**
 * `@sst/aws`: the AWS provider plugin. Applied automatically to an app whose `home` is `"aws"` or whose
 * `providers` name `aws`. It registers the `aws` home (state in S3, passphrase in SSM; see `AwsHome`).
 *
 * @example
 * export default $config({ app: () => ({ name: "my-app", home: "aws", providers: { aws: { region: "eu-west-1" } } }), run() {} });
 */
import { definePlugin, type ResolvedApp } from "@sst/core";
import { awsHomeConfig } from "./config.js";
import { checkCredentials, credentialsFor } from "./credentials.js";
import { AwsHome } from "./home.js";
import { components, type AwsComponents } from "./components/index.js";
import { registerNodeBuilder } from "./build/index.js";

export * from "./components/index.js";

export { AwsHome, type AwsHomeOptions } from "./home.js";
export { BOOTSTRAP_PARAMETER, BOOTSTRAP_VERSION, bootstrap, tlsOnlyPolicy, type AwsBootstrap } from "./bootstrap.js";
export { awsHomeConfig, type AwsHomeConfig } from "./config.js";
export { checkCredentials, credentialsError, credentialsFor } from "./credentials.js";
export { registerNodeBuilder, zipDirectory, type NodejsArgs, type NodeBuildProperties, type CopyFile, type ZipResult } from "./build/index.js";

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

export function aws() {
  return definePlugin({
    name: "aws",
    components,
    apply(kernel) {
      kernel.registry.home("aws", openAwsHome);
      registerNodeBuilder(kernel);
    },
  });
}

export default aws;

declare module "@sst/core" {
  interface SSTNamespace extends AwsComponents {}
}
