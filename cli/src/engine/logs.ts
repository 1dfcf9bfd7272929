/** `.sst/log/`: the engine's own output (`pulumi.log`) and ours (`sst.log`), appended per run. */
import { appendFileSync, mkdirSync } from "node:fs";
import { join } from "node:path";

export interface RunLog {
  dir: string;
  engine(text: string): void;
  sst(line: string): void;
}

export function openLog(root: string, options: { print: boolean; write: (text: string) => void }): RunLog {
  const dir = join(root, ".sst", "log");
  mkdirSync(dir, { recursive: true });
  const stamp = () => new Date().toISOString();
  return {
    dir,
    engine(text) {
      appendFileSync(join(dir, "pulumi.log"), text);
      if (options.print) options.write(text);
    },
    sst(line) {
      appendFileSync(join(dir, "sst.log"), `${stamp()} ${line}\n`);
      if (options.print) options.write(`${line}\n`);
    },
  };
}

/** `--print-logs` or `SST_PRINT_LOGS=1|true`. */
export function printLogs(flag: boolean | undefined): boolean {
  const env = process.env.SST_PRINT_LOGS;
  return Boolean(flag) || env === "1" || env === "true";
}
