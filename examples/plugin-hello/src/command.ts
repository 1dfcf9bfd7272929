/**
 * `sst hello`: prints a greeting with the plugin's `greeting` option, from inside the app (it runs with the
 * app loaded, so it can name it). Described for help in this package's `package.json` (`sst.commands`).
 */
import type { Kernel } from "@sst/core";
import type { HelloOptions } from "./index.js";

export function addHelloCommand(kernel: Kernel, options: HelloOptions): void {
  kernel.registry.command({
    name: "hello",
    description: "Print a greeting with the hello plugin's greeting word",
    args: {
      to: { type: "string", description: "Who to greet", valueHint: "name", default: "world" },
      loud: { type: "boolean", description: "Print it in capitals" },
    },
    examples: ["sst hello                  Hello, world! (or the plugin's greeting option)", "sst hello --to Ada --loud   HELLO, ADA!"],
    run({ args, app }) {
      const text = `${options.greeting ?? "Hello"}, ${args.to}!`;
      console.log(`${args.loud ? text.toUpperCase() : text} (from ${app.name}, stage ${app.stage})`);
    },
  });
}
