/** `sst shell`: run a command with the stage's linked resources in its environment. */
import { defineCommand } from "citty";
import { globalArgs } from "../args.js";

export const examples = [
  "sst shell                                 open $SHELL with every link as SST_RESOURCE_<Name>",
  "sst shell node my-script.js               run a script that reads Resource.MyBucket",
  "sst shell -- node my-script.js --arg1     pass flags to the command after --",
  "sst shell --target MyComponent -- env     only MyComponent's link and its environment includes",
  "sst shell --stage production -- ./migrate.sh",
];

export default defineCommand({
  meta: { name: "shell" },
  args: {
    ...globalArgs,
    target: {
      type: "string",
      description: "Only this linkable component: its link (SST_RESOURCE_<Name>) and its `environment` includes",
      valueHint: "Name",
    },
    command: { type: "positional", required: false, description: "The command to run (default: $SHELL, else sh); put flags for it after --" },
  },
  run: async ({ args }) => (await import("../actions/shell.js")).shell(args),
});
