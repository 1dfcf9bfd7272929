/** The plugin contract: a named value whose `apply` taps the kernel's hooks and fills its registries. */
import type { Kernel } from "./kernel.js";
import type { ComponentTree } from "./registries.js";

export interface Plugin<Hooks extends object = object, Options extends object = object> {
  /** Unique name; used as the tap name of every tap, so errors and ordering can refer to it. */
  name: string;
  /**
   * The components it adds to the `sst` namespace, registered before `apply` runs: `{ hello: { Greeting } }`
   * makes `sst.hello.Greeting`. Type the namespace from the same object (see `ComponentTree`).
   */
  components?: ComponentTree;
  /** Called once, when the plugin is added to a kernel. */
  apply(kernel: Kernel): void;
  /** Hooks of the plugin's own, for other plugins to tap (e.g. the aws plugin's function-build step). */
  hooks?: Hooks;
  /**
   * The options the plugin was created with. Its components read them during `run()` with
   * `usePluginOptions<Options>(name)`, so each app (and each test's kernel) sees its own.
   */
  options?: Options;
}

/**
 * Types a plugin. Write plugins as factories: `export const hello = (options) => definePlugin({ name: "hello", apply })`.
 */
export function definePlugin<Hooks extends object = object, Options extends object = object>(
  plugin: Plugin<Hooks, Options>,
): Plugin<Hooks, Options> {
  if (!plugin || typeof plugin.name !== "string" || plugin.name.length === 0) {
    throw new TypeError("definePlugin: a plugin needs a non-empty `name`");
  }
  if (typeof plugin.apply !== "function") {
    throw new TypeError(`definePlugin: plugin "${plugin.name}" needs an \`apply(kernel)\` function`);
  }
  if (plugin.components !== undefined && (typeof plugin.components !== "object" || plugin.components === null)) {
    throw new TypeError(`definePlugin: the \`components\` of plugin "${plugin.name}" must be an object like { hello: { Greeting } }`);
  }
  return plugin;
}
