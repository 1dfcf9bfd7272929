/**
 * The dynamic provider behind `FunctionEnvironmentUpdate`: merges variables into a deployed Lambda function's
 * environment (UpdateFunctionConfiguration), keeping the variables the function already has, and takes out
 * the ones it added when they are dropped or the resource is deleted.
 *
 * Pulumi serialises this object into the state and runs it in its dynamic-provider host (a CommonJS module
 * made from that text): it reaches the AWS SDK with `require`, by the path resolved when the program ran, else
 * from the host's working directory (a state written on another machine). It uses the AWS SDK's default credential chain (the
 * environment the CLI runs in: `AWS_PROFILE`, `AWS_ACCESS_KEY_ID`, SSO, ...) and the function's region.
 */
import { createRequire } from "node:module";
import type * as pulumi from "@pulumi/pulumi";

/** Where the program found the Lambda client (captured by value into the serialised provider). */
const LAMBDA_SDK = createRequire(import.meta.url).resolve("@aws-sdk/client-lambda");

/** The provider's inputs, resolved. */
export interface EnvironmentUpdateState {
  functionName: string;
  region: string;
  environment: Record<string, string>;
  /** Changes whenever the function itself was updated (its `lastModified`), which resets its environment. */
  trigger?: string;
}

/** The variables after an update: `current` without `removed`, then `added` over it. */
export function mergedVariables(current: Record<string, string>, removed: string[], added: Record<string, string>): Record<string, string> {
  const out = { ...current };
  for (const key of removed) delete out[key];
  return { ...out, ...added };
}

/** Sets the function's variables to `mergedVariables(current, removed, added)`. */
async function updateVariables(region: string, functionName: string, removed: string[], added: Record<string, string>, wait: boolean): Promise<void> {
  let sdk: typeof import("@aws-sdk/client-lambda");
  try {
    sdk = require(LAMBDA_SDK);
  } catch {
    sdk = require("@aws-sdk/client-lambda");
  }
  const client = new sdk.LambdaClient({ region });
  // An update of the function still in progress (its own deploy) refuses ours: wait and try again.
  for (let attempt = 1; ; attempt++) {
    if (wait) await sdk.waitUntilFunctionUpdatedV2({ client, maxWaitTime: 600, minDelay: 1, maxDelay: 5 }, { FunctionName: functionName });
    const current = await client.send(new sdk.GetFunctionConfigurationCommand({ FunctionName: functionName }));
    const variables = mergedVariables(current.Environment?.Variables ?? {}, removed, added);
    try {
      await client.send(new sdk.UpdateFunctionConfigurationCommand({ FunctionName: functionName, Environment: { Variables: variables } }));
      return;
    } catch (error) {
      if ((error as { name?: string }).name !== "ResourceConflictException" || attempt >= 10) throw error;
    }
  }
}

export const environmentUpdateProvider: pulumi.dynamic.ResourceProvider = {
  async create(inputs: EnvironmentUpdateState) {
    await updateVariables(inputs.region, inputs.functionName, [], inputs.environment, true);
    return { id: inputs.functionName, outs: inputs };
  },

  async diff(_id: string, olds: EnvironmentUpdateState, news: EnvironmentUpdateState) {
    const replaces = (["functionName", "region"] as const).filter((k) => olds[k] !== news[k]);
    const changes = replaces.length > 0 || JSON.stringify(olds.environment) !== JSON.stringify(news.environment) || olds.trigger !== news.trigger;
    return { changes, replaces };
  },

  async update(_id: string, olds: EnvironmentUpdateState, news: EnvironmentUpdateState) {
    const removed = Object.keys(olds.environment ?? {}).filter((k) => !(k in (news.environment ?? {})));
    await updateVariables(news.region, news.functionName, removed, news.environment, true);
    return { outs: news };
  },

  async delete(_id: string, olds: EnvironmentUpdateState) {
    try {
      await updateVariables(olds.region, olds.functionName, Object.keys(olds.environment ?? {}), {}, false);
    } catch (error) {
      // The function is gone with its environment (it is usually deleted in the same run).
      if ((error as { name?: string }).name !== "ResourceNotFoundException") throw error;
    }
  },
};
