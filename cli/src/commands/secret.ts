/** `sst secret`: set, remove, load and list the values of the app's `sst.Secret`s, per stage or as fallbacks. */
import { defineCommand } from "citty";
import { globalArgs } from "../args.js";

export const examples = [
  "sst secret set StripeSecret dev_123456789            set it for your personal stage",
  "sst secret set StripeSecret prod_123 --stage production",
  "sst secret set StripeSecret dev_123 --fallback       used by stages with no value of their own",
  "sst secret set Key < key.pem                         the value from stdin (one trailing newline dropped)",
  "sst secret remove StripeSecret",
  "sst secret load ./secrets.env                        set every NAME=value of a dotenv file",
  "sst secret list > secrets.env                        print them as NAME=value (the only command that shows values)",
];

const shared = {
  ...globalArgs,
  fallback: { type: "boolean", description: "Manage the fallback values: used by any stage that has no value of its own" },
} as const;

const name = { type: "positional", required: true, description: "The name of the secret, as in `new sst.Secret(\"Name\")`", valueHint: "Name" } as const;

const set = defineCommand({
  meta: { name: "set", description: "Set the value of a secret (read from stdin when no value is given); run `sst deploy` to apply it" },
  args: { ...shared, name, value: { type: "positional", required: false, description: "The value (default: read from stdin)" } },
  run: async ({ args }) => (await import("../actions/secret.js")).secretSet(args),
});

const remove = defineCommand({
  meta: { name: "remove", description: "Remove a secret's value" },
  args: { ...shared, name },
  run: async ({ args }) => (await import("../actions/secret.js")).secretRemove(args),
});

const load = defineCommand({
  meta: { name: "load", description: "Set all the secrets in a dotenv file (NAME=value lines); nothing is set if any line is bad" },
  args: { ...shared, file: { type: "positional", required: true, description: "The dotenv file", valueHint: "file" } },
  run: async ({ args }) => (await import("../actions/secret.js")).secretLoad(args),
});

const list = defineCommand({
  meta: { name: "list", description: "Print the secrets of a stage as NAME=value lines; fallback values are marked with a comment" },
  args: { ...shared },
  run: async ({ args }) => (await import("../actions/secret.js")).secretList(args),
});

export default defineCommand({
  meta: { name: "secret" },
  args: { ...shared },
  subCommands: { set, remove, load, list },
});
