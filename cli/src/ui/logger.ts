/**
 * Everything the CLI prints goes through this module. The rule:
 *
 * - Human messages go through `logger`, one consola instance. Its reporter prints each message as written,
 *   with a symbol for its kind, on the stream its kind belongs to:
 *
 *   | call             | stream | printed                                        |
 *   |------------------|--------|------------------------------------------------|
 *   | `logger.log`     | stdout | as is: results, progress lines, next steps     |
 *   | `logger.success` | stdout | `✓ ` + message                                 |
 *   | `logger.info`    | stderr | as is: a notice about the run, not its result  |
 *   | `logger.warn`    | stderr | `! ` + message                                 |
 *   | `logger.error`   | stderr | `✕ ` + message                                 |
 *   | `logger.debug`   | stderr | as is, only with `--verbose` or `SST_VERBOSE=1`|
 *
 *   A message may span lines: the symbol goes on the first only. The symbol is coloured on a terminal; never
 *   under `CI`, `NO_COLOR` or `TERM=dumb`, and never in a pipe, so CI logs and tests read plain text. There is
 *   no other decoration (no dates, tags, boxes or throttling) so the text users and tests see is the text the
 *   code wrote.
 * - Machine output (`--json`, `sst state export`, the version) goes through `printData`: stdout, byte for byte,
 *   never filtered by the log level.
 * - The engine's own log passed through by `--print-logs` goes through `printEngineLog`: stderr, as the engine
 *   wrote it (chunks, not lines).
 *
 * Outside this module only two things write to the terminal directly: the live status line of a deploy
 * (`engine/status-line.ts`, a redrawn terminal widget, only on a TTY) and children that inherit the terminal
 * (`sst shell`, `npm install`). Prompts use `logger.prompt` (consola's, loaded on first use).
 */
import {
  createConsola,
  type ConsolaInstance,
  type ConsolaOptions,
  type ConsolaReporter,
  type LogObject,
  type LogType,
  type PromptOptions,
} from "consola/core";
import { inspect } from "node:util";

type Stream = "stdout" | "stderr";

interface Style {
  stream: Stream;
  symbol?: string;
  /** ANSI colour code of the symbol on a terminal. */
  color?: number;
}

const STYLES: Partial<Record<LogType, Style>> = {
  success: { stream: "stdout", symbol: "✓", color: 32 },
  info: { stream: "stderr" },
  warn: { stream: "stderr", symbol: "!", color: 33 },
  error: { stream: "stderr", symbol: "✕", color: 31 },
  fatal: { stream: "stderr", symbol: "✕", color: 31 },
  fail: { stream: "stderr", symbol: "✕", color: 31 },
  debug: { stream: "stderr" },
  trace: { stream: "stderr" },
  verbose: { stream: "stderr" },
};
const PLAIN: Style = { stream: "stdout" };

const truthy = (value: string | undefined) => value !== undefined && value !== "" && value !== "0" && value !== "false";

/** Colour only a terminal that asked for nothing plain. */
function colors(stream: NodeJS.WriteStream): boolean {
  return Boolean(stream.isTTY) && !truthy(process.env.CI) && process.env.NO_COLOR === undefined && process.env.TERM !== "dumb";
}

/** The text one log call prints, symbol included, with its final newline. */
export function formatMessage(type: LogType, args: unknown[], color = false): string {
  const style = STYLES[type] ?? PLAIN;
  // Joined like console.log, but a `%` in a message is never a format directive.
  const text = args.map((arg) => (typeof arg === "string" ? arg : inspect(arg))).join(" ");
  if (!style.symbol) return `${text}\n`;
  const symbol = color && style.color ? `\x1b[${style.color}m${style.symbol}\x1b[39m` : style.symbol;
  return `${symbol} ${text}\n`;
}

const reporter: ConsolaReporter = {
  log(entry: LogObject) {
    const type = entry.type as LogType;
    const stream = process[(STYLES[type] ?? PLAIN).stream];
    stream.write(formatMessage(type, entry.args, colors(stream)));
  },
};

const verboseFromEnv = truthy(process.env.SST_VERBOSE);

/** The CLI's one logger for human messages; see the table above. */
export const logger: ConsolaInstance = createConsola({
  level: verboseFromEnv ? 4 : 3,
  reporters: [reporter],
  // Identical lines in a row (a list of similar resources) are all printed.
  throttle: 0,
  // consola's interactive prompt, loaded on first use; its return type is inferred per call from the options.
  prompt: ((message: string, options?: PromptOptions) =>
    import("consola").then(({ consola }) => consola.prompt(message, options))) as ConsolaOptions["prompt"],
});

/** `--verbose`: debug messages are shown too. */
export function setVerbose(on: boolean): void {
  logger.level = on || verboseFromEnv ? 4 : 3;
}

/** Machine output: stdout, byte for byte, whatever the log level. */
export function printData(data: string | Uint8Array): void {
  process.stdout.write(data);
}

/** The engine's own log under `--print-logs`: stderr, as written. */
export function printEngineLog(text: string): void {
  process.stderr.write(text);
}
