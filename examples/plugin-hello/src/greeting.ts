/**
 * `sst.hello.Greeting`: a linkable component whose child is a Pulumi dynamic resource (no cloud provider),
 * so apps using it deploy anywhere, including the `local` home.
 */
import * as pulumi from "@pulumi/pulumi";
import { Component, usePluginOptions, type ComponentArgs, type LinkPayload, type Transform } from "@sst/core";
import { messageProvider, type MessageInputs } from "./message-provider.js";
import type { HelloOptions } from "./index.js";

export interface GreetingArgs extends ComponentArgs {
  /**
   * Who to greet.
   * @example `to: "world"`
   */
  to: pulumi.Input<string>;
  /**
   * The greeting word.
   * @default The plugin's `greeting` option, else `"Hello"`.
   */
  greeting?: pulumi.Input<string>;
  /** Change the child resources. */
  transform?: { message?: Transform<MessageInputs> };
}

/** The dynamic resource that composes the message; defined once so its provider serialises once. */
export class Message extends pulumi.dynamic.Resource {
  declare readonly text: pulumi.Output<string>;
  constructor(name: string, args: MessageInputs, opts?: pulumi.CustomResourceOptions) {
    super(messageProvider, name, { ...args, text: undefined }, opts, "hello", "Message");
  }
}

export class Greeting extends Component {
  static readonly __pulumiType = "sst:hello:Greeting";
  readonly #message: Message;
  readonly #text: pulumi.Output<string>;

  constructor(name: string, args: GreetingArgs, opts?: pulumi.ComponentResourceOptions) {
    super(Greeting.__pulumiType, name, args, opts);
    const greeting = args.greeting ?? usePluginOptions<HelloOptions>("hello").greeting ?? "Hello";
    this.#message = this.create("message", Message, "Message", { greeting, to: args.to });
    // Composed here too, so the text is known offline (mocks do not run dynamic providers); tied to the
    // child so receivers wait for it to exist.
    this.#text = pulumi
      .all([this.#message.id, pulumi.interpolate`${greeting}, ${args.to}!`])
      .apply(([, text]) => text);
  }

  /** The composed greeting, e.g. `Hello, world!`. */
  get text(): pulumi.Output<string> {
    return this.#text;
  }

  /** The child that holds the message. */
  get message(): Message {
    return this.#message;
  }

  protected override outputs() {
    return { text: this.text };
  }

  getSSTLink(): LinkPayload {
    return { properties: { text: this.text } };
  }
}
