/**
 * The components `@sst/aws` adds, declared once: the kernel registers the tree (`sst.aws.*`) and
 * `SSTNamespace` is typed from it. One line per component; keep it sorted.
 */
import { Function } from "./function.js";
import { permission } from "./helpers/permission.js";

export const components = {
  aws: {
    Function,
    permission,
  },
};

export type AwsComponents = typeof components;

export { Function, builderOf, type FunctionArgs, type FunctionRuntime } from "./function.js";
export { functionBuilder, type FunctionBuilder, type FunctionDefinition } from "./helpers/function-builder.js";
export { permission, isPermission, type PermissionStatement, type PermissionInclude } from "./helpers/permission.js";
