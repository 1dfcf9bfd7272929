/**
 * `@sst/aws/runtime`: running Lambda functions locally. The Runtime API server that `sst dev`'s workers and the
 * builders' tests run artifacts against, and the environment a Lambda runtime expects.
 */
export { DEFAULT_WORKER, RuntimeApi, MAX_REQUEST_BYTES, MAX_RESPONSE_BYTES, MAX_STREAMED_RESPONSE_BYTES } from "./runtime-api.js";
export type { FunctionError, InvokeOptions, InvokeResult, RuntimeApiOptions } from "./types.js";
export { lambdaEnvironment, type LambdaEnvironmentOptions } from "./environment.js";
