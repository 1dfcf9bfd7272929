/**
 * The one dotenv reader and writer: the app's `.env` (`readDotenv`), `sst secret load` and `sst secret list`.
 * The parser reports every bad line (with its number) instead of skipping it, and the writer's output reads
 * back unchanged. Node's `util.parseEnv` and the `dotenv` package cannot serve: both skip bad lines silently
 * and unescape at most `\n` and `\r` in double quotes, so a value holding `"` or `\` would not round-trip.
 *
 * Accepted: `NAME=value`, an optional `export ` prefix, blank lines, `#` comments, unquoted values (trimmed,
 * ` #` starts a comment), 'single-quoted' (literal) and "double-quoted" values (`\n`, `\r`, `\t`, `\"`, `\\`
 * escapes; may span lines).
 */
import type { Problem } from "./errors.js";

export interface DotenvEntry {
  name: string;
  value: string;
  line: number;
}

export interface DotenvResult {
  entries: DotenvEntry[];
  problems: { line: number; message: string }[];
}

const ESCAPES: Record<string, string> = { n: "\n", r: "\r", t: "\t", '"': '"', "\\": "\\" };

export function parseDotenv(text: string): DotenvResult {
  const lines = text.replace(/^\uFEFF/, "").split(/\r?\n/);
  const result: DotenvResult = { entries: [], problems: [] };
  for (let i = 0; i < lines.length; i++) {
    const lineNo = i + 1;
    const raw = lines[i]!.trim();
    if (!raw || raw.startsWith("#")) continue;
    const match = /^(?:export\s+)?([^=\s]+)\s*=\s*(.*)$/.exec(raw);
    if (!match) {
      result.problems.push({ line: lineNo, message: `line ${lineNo} is not NAME=value: ${JSON.stringify(clip(raw))}` });
      continue;
    }
    const name = match[1]!;
    let rest = match[2]!;
    const quote = rest[0];
    if (quote === "'" || quote === '"') {
      // A quoted value may continue on the following lines until its closing quote.
      let body = rest.slice(1);
      let end = closing(body, quote);
      while (end < 0 && i + 1 < lines.length) {
        body += "\n" + lines[++i]!;
        end = closing(body, quote);
      }
      if (end < 0) {
        result.problems.push({ line: lineNo, message: `line ${lineNo}: the value of ${name} has no closing ${quote}` });
        continue;
      }
      const after = body.slice(end + 1).trim();
      if (after && !after.startsWith("#")) {
        result.problems.push({ line: lineNo, message: `line ${lineNo}: unexpected text after the quoted value of ${name}` });
        continue;
      }
      body = body.slice(0, end);
      const value = quote === "'" ? body : body.replace(/\\(.)/g, (all, c: string) => ESCAPES[c] ?? all);
      result.entries.push({ name, value, line: lineNo });
      continue;
    }
    const comment = rest.search(/\s#/);
    if (comment >= 0) rest = rest.slice(0, comment);
    result.entries.push({ name, value: rest.trim(), line: lineNo });
  }
  return result;
}

/** The parser's problems as user-error problems (`E_DOTENV_LINE`), each naming `file` and the line. */
export function dotenvProblems(file: string, problems: DotenvResult["problems"]): Problem[] {
  return problems.map((p) => ({ code: "E_DOTENV_LINE", message: `${file}: ${p.message}`, hint: "Each line must be NAME=value (values may be quoted)." }));
}

/** Index of the unescaped closing quote in `body`, or -1. */
function closing(body: string, quote: string): number {
  for (let i = 0; i < body.length; i++) {
    if (quote === '"' && body[i] === "\\") i++;
    else if (body[i] === quote) return i;
  }
  return -1;
}

function clip(text: string): string {
  return text.length > 40 ? text.slice(0, 39) + "…" : text;
}

/** `NAME=value`, quoting the value only when the parser would otherwise read it back differently. */
export function formatDotenv(name: string, value: string): string {
  const plain = value === value.trim() && !/[\n\r]/.test(value) && !/^["']/.test(value) && !/\s#/.test(value);
  if (plain) return `${name}=${value}`;
  const escaped = value.replace(/\\/g, "\\\\").replace(/"/g, '\\"').replace(/\n/g, "\\n").replace(/\r/g, "\\r").replace(/\t/g, "\\t");
  return `${name}="${escaped}"`;
}
