/**
 * `FunctionEnvironmentUpdate` (../docs 40-functionenvironmentupdate.md): adds environment variables to a Lambda
 * function after it was created, e.g. the function's own URL, which cannot be in its `environment` (a cycle).
 * Returned by `Function.addEnvironment`; not meant to be created directly.
 *
 * A Pulumi dynamic resource (`pulumi-nodejs:dynamic/aws:FunctionEnvironmentUpdate`): on create and update it
 * merges `environment` into the function's variables through the Lambda API, leaving the others alone; a
 * variable dropped from `environment`, or the whole set on delete, is taken out again. The variables are
 * re-applied whenever the function itself changes (a deploy of the function resets its environment).
 */
import * as pulumi from "@pulumi/pulumi";
import { environmentUpdateProvider } from "./helpers/function-environment-provider.js";

export interface FunctionEnvironmentUpdateInputs {
  /** The name of the function to update. */
  functionName: pulumi.Input<string>;
  /** The region of the function to update. */
  region: pulumi.Input<string>;
  /** The environment variables to add. */
  environment: pulumi.Input<Record<string, pulumi.Input<string>>>;
  /** A value that changes whenever the function was redeployed (its `lastModified`), to apply the variables again. */
  trigger?: pulumi.Input<string>;
}

export class FunctionEnvironmentUpdate extends pulumi.dynamic.Resource {
  /** The function updated. */
  declare readonly functionName: pulumi.Output<string>;
  /** The variables added. */
  declare readonly environment: pulumi.Output<Record<string, string>>;

  constructor(name: string, args: FunctionEnvironmentUpdateInputs, opts?: pulumi.CustomResourceOptions) {
    super(environmentUpdateProvider, name, { ...args, trigger: args.trigger ?? "" }, opts, "aws", "FunctionEnvironmentUpdate");
  }
}
