/**
 * `@sst-examples/plugin-hello`: proof that a plugin needs nothing but @sst/core's public API. It adds
 * `sst.hello.Greeting` (typed from the same object the kernel registers), the command `sst hello`, and tags
 * every resource it can (`tags["hello:plugin"]`).
 *
 * @example
 * import { hello } from "@sst-examples/plugin-hello";
 * export default $config({ plugins: [hello({ greeting: "Hi" })], app() {...}, run() { new sst.hello.Greeting("Hi", { to: "you" }) } });
 */
import { definePlugin } from "@sst/core";
import { addHelloCommand } from "./command.js";
import { Greeting } from "./greeting.js";

export { Greeting, Message, type GreetingArgs } from "./greeting.js";

export interface HelloOptions {
  /** Default greeting word for every `Greeting`. @default `"Hello"` */
  greeting?: string;
  /** The tag value written on every taggable resource. @default `"plugin-hello"` */
  tag?: string;
}

/** The components this plugin adds, declared once: the kernel registers them, and `SSTNamespace` is their type. */
const components = { hello: { Greeting } };
type HelloComponents = typeof components;

/** Resource types without a `tags` argument: leave them alone. */
const UNTAGGABLE = /^(sst:|pulumi:|pulumi-nodejs:)/;

export function hello(options: HelloOptions = {}) {
  return definePlugin({
    name: "hello",
    options,
    components,
    apply(kernel) {
      addHelloCommand(kernel, options);
      kernel.hooks.transform.tap("hello", (value, ctx) => {
        if (UNTAGGABLE.test(ctx.type)) return value;
        return { ...value, props: { ...value.props, tags: { ...(value.props.tags ?? {}), "hello:plugin": options.tag ?? "plugin-hello" } } };
      });
    },
  });
}

declare module "@sst/core" {
  interface SSTNamespace extends HelloComponents {}
}
