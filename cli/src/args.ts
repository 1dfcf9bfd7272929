/** Flags every command accepts (docs: reference/cli, "Global Flags"). */
export const globalArgs = {
  stage: { type: "string", description: "The stage to run the command on", valueHint: "name" },
  verbose: { type: "boolean", description: "Print extra information, and stack traces on errors" },
  "print-logs": { type: "boolean", description: "Print the logs to the screen (also SST_PRINT_LOGS=1)" },
  config: { type: "string", description: "Path to sst.config.ts (default: found upward from the current directory)", valueHint: "path" },
} as const;
