/** Plugin options as components read them: from the plugin applied to the running program's kernel. */
import { SSTError } from "../errors.js";
import { useProgram } from "./context.js";

/**
 * Inside `run()` (component code): the `options` of the plugin named `name` applied to this app, or `{}`
 * when it was created without any. Throws a user error when the app does not use the plugin.
 * @example const { greeting = "Hello" } = usePluginOptions<HelloOptions>("hello");
 */
export function usePluginOptions<T extends object = Record<string, unknown>>(name: string): T {
  const plugin = useProgram(`Components of the "${name}" plugin`).plugin(name);
  if (!plugin) {
    throw new SSTError({
      code: "E_PLUGIN_MISSING",
      message: `A component of the "${name}" plugin was created, but the app does not use that plugin.`,
      hint: `Add the "${name}" plugin to \`plugins\` in sst.config.ts.`,
    });
  }
  return (plugin.options ?? {}) as T;
}
