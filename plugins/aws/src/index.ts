/**
 * `@sst/aws`: the AWS provider plugin. Applied automatically to an app whose `home` is `"aws"` or whose
 * `providers` name `aws`. It registers the `aws` home (state in S3, passphrase in SSM; see `AwsHome`).
 *
 * @example
 * export default $config({ app: () => ({ name: "my-app", home: "aws", providers: { aws: { region: "eu-west-1" } } }), run() {} });
 */
import { definePlugin } from "@sst/core";
import { components, type AwsComponents } from "./components/index.js";
import { registerGoBuilder } from "./build/go.js";
import { registerPythonBuilder } from "./build/python.js";
import { registerRustBuilder } from "./build/rust.js";
import { tapLinkPermissions } from "./link/receive.js";
import { tapBuiltInWraps } from "./link/wrap.js";
import { registerNaming } from "./naming.js";
import { openAwsHome, tapAwsBootstrap } from "./open-home.js";
import { awsProvider } from "./provider.js";
import { registerNodeBuilder } from "./build/index.js";

export * from "./components/index.js";

export { AwsHome, type AwsHomeOptions } from "./home.js";
export { BOOTSTRAP_PARAMETER, BOOTSTRAP_VERSION, bootstrap, tlsOnlyPolicy, type AwsBootstrap } from "./bootstrap.js";
export { awsHomeConfig, type AwsHomeConfig } from "./config.js";
export { checkCredentials, credentialsError, credentialsFor } from "./credentials.js";
export { buildPython, registerPythonBuilder, type PythonBuildProperties } from "./build/python.js";
export { buildGo, registerGoBuilder, type GoBuildProperties } from "./build/go.js";
export { buildRust, registerRustBuilder, type RustBuildProperties } from "./build/rust.js";
export { requireDocker } from "./build/docker.js";
export { openAwsHome, tapAwsBootstrap } from "./open-home.js";
export { awsProvider } from "./provider.js";
export { AWS_NAMING, AWS_RETAINED, missingNamingRule } from "./naming.js";
export { receiverRole } from "./link/receive.js";
export { builtInWraps } from "./link/wrap.js";
export { registerNodeBuilder, zipDirectory, type NodejsArgs, type NodeBuildProperties, type CopyFile, type ZipResult } from "./build/index.js";

export function aws() {
  return definePlugin({
    name: "aws",
    components,
    apply(kernel) {
      kernel.registry.home("aws", openAwsHome);
      registerPythonBuilder(kernel);
      registerGoBuilder(kernel);
      registerRustBuilder(kernel);
      kernel.registry.provider("aws", awsProvider);
      tapAwsBootstrap(kernel);
      registerNaming(kernel);
      tapLinkPermissions(kernel);
      tapBuiltInWraps(kernel);
      registerNodeBuilder(kernel);
    },
  });
}

export default aws;

declare module "@sst/core" {
  interface SSTNamespace extends AwsComponents {}
}
