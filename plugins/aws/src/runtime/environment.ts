/** The environment variables Lambda sets for a runtime, for a local worker process. */

export interface LambdaEnvironmentOptions {
  /** `AWS_LAMBDA_RUNTIME_API`: `api.address`, `api.endpoint(name)` or `await api.worker(name)`. */
  runtimeApi: string;
  /** `AWS_LAMBDA_FUNCTION_NAME`. */
  functionName: string;
  /** `AWS_LAMBDA_FUNCTION_MEMORY_SIZE`, in MB. @default `1024` */
  memoryMb?: number;
  /** `AWS_LAMBDA_FUNCTION_VERSION`. @default `"$LATEST"` */
  version?: string;
  /** `_HANDLER`, the handler the runtime loads (`index.handler`; `bootstrap` for go and rust). */
  handler?: string;
  /** `LAMBDA_TASK_ROOT` and the process's working directory: the artifact's directory. */
  taskRoot?: string;
  /** `AWS_REGION` and `AWS_DEFAULT_REGION`. */
  region?: string;
}

/**
 * The variables a Lambda runtime reads at start (the Rust runtime refuses to start without the function name,
 * memory size and version): merge them over the function's own environment.
 *
 * @example
 * spawn(join(artifact.dir, "bootstrap"), { env: { ...fnEnv, ...lambdaEnvironment({ runtimeApi: api.endpoint("w1"), functionName: "Api" }) } });
 */
export function lambdaEnvironment(options: LambdaEnvironmentOptions): Record<string, string> {
  const env: Record<string, string> = {
    AWS_LAMBDA_RUNTIME_API: options.runtimeApi,
    AWS_LAMBDA_FUNCTION_NAME: options.functionName,
    AWS_LAMBDA_FUNCTION_MEMORY_SIZE: String(options.memoryMb ?? 1024),
    AWS_LAMBDA_FUNCTION_VERSION: options.version ?? "$LATEST",
    AWS_LAMBDA_LOG_GROUP_NAME: `/aws/lambda/${options.functionName}`,
    AWS_LAMBDA_LOG_STREAM_NAME: "local",
  };
  if (options.handler !== undefined) env._HANDLER = options.handler;
  if (options.taskRoot !== undefined) env.LAMBDA_TASK_ROOT = options.taskRoot;
  if (options.region !== undefined) env.AWS_REGION = env.AWS_DEFAULT_REGION = options.region;
  return env;
}
