/** The dynamic provider behind `Greeting`: composes the text on create and when inputs change. */
import type * as pulumi from "@pulumi/pulumi";

export interface MessageInputs {
  greeting: pulumi.Input<string>;
  to: pulumi.Input<string>;
}

export const messageProvider: pulumi.dynamic.ResourceProvider = {
  async create(inputs: { greeting: string; to: string }) {
    const text = `${inputs.greeting}, ${inputs.to}!`;
    return { id: `${inputs.greeting}-${inputs.to}`.toLowerCase().replace(/[^a-z0-9-]/g, "-"), outs: { ...inputs, text } };
  },
  async diff(_id: string, olds: { greeting: string; to: string }, news: { greeting: string; to: string }) {
    const changed = olds.greeting !== news.greeting || olds.to !== news.to;
    return { changes: changed };
  },
  async update(_id: string, _olds: unknown, news: { greeting: string; to: string }) {
    return { outs: { ...news, text: `${news.greeting}, ${news.to}!` } };
  },
};
