// The CLI's one output module: what each kind of message prints, on which stream, and that nothing in
// cli/src writes to the terminal around it.
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { formatMessage, logger, printData, printEngineLog, setVerbose } from "../src/ui/logger.js";

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  vi.spyOn(process.stdout, "write").mockImplementation((chunk: string | Uint8Array) => (out.push(String(chunk)), true));
  vi.spyOn(process.stderr, "write").mockImplementation((chunk: string | Uint8Array) => (err.push(String(chunk)), true));
  return { out, err };
}

describe("logger", () => {
  let streams: ReturnType<typeof capture>;
  beforeEach(() => {
    vi.stubEnv("CI", "true");
    streams = capture();
  });
  afterEach(() => {
    vi.restoreAllMocks();
    vi.unstubAllEnvs();
    setVerbose(false);
  });

  it("prints results on stdout: log as written, success behind a ✓", () => {
    logger.log("  $ npm install");
    logger.success("Set \"Stripe\" for stage \"dev\".");
    expect(streams.out).toEqual(["  $ npm install\n", '✓ Set "Stripe" for stage "dev".\n']);
    expect(streams.err).toEqual([]);
  });

  it("prints notices on stderr: info as written, warn behind a !, error behind a ✕", () => {
    logger.info("No secrets are set.");
    logger.warn("The state is not valid JSON.");
    logger.error("Unknown command \"deplyo\".\n  Run `sst --help`.");
    expect(streams.err).toEqual(["No secrets are set.\n", "! The state is not valid JSON.\n", '✕ Unknown command "deplyo".\n  Run `sst --help`.\n']);
    expect(streams.out).toEqual([]);
  });

  it("shows debug messages only when verbose", () => {
    logger.debug("hidden");
    setVerbose(true);
    logger.debug("shown");
    expect(streams.err).toEqual(["shown\n"]);
  });

  it("prints every one of many identical lines (no throttling)", () => {
    for (let i = 0; i < 12; i++) logger.log("|  Created  Bucket");
    expect(streams.out).toHaveLength(12);
  });

  it("never reads a % in a message as a format directive", () => {
    logger.log("100%s done, %d left", "x");
    expect(streams.out).toEqual(["100%s done, %d left x\n"]);
  });

  it("passes data and engine logs through byte for byte, whatever the level", () => {
    logger.level = -1;
    printData('{"a":1}');
    printEngineLog("I1125 partial chunk");
    expect(streams.out).toEqual(['{"a":1}']);
    expect(streams.err).toEqual(["I1125 partial chunk"]);
  });

  it("colours the symbol on a terminal, and not under CI", () => {
    Object.defineProperty(process.stdout, "isTTY", { value: true, configurable: true });
    try {
      logger.success("done");
      vi.stubEnv("CI", "");
      vi.stubEnv("NO_COLOR", undefined);
      logger.success("done");
    } finally {
      delete (process.stdout as { isTTY?: boolean }).isTTY;
    }
    expect(streams.out).toEqual(["✓ done\n", "\x1b[32m✓\x1b[39m done\n"]);
  });
});

describe("formatMessage", () => {
  it("puts the symbol on the first line of a multi-line message only", () => {
    expect(formatMessage("warn", ["one\ntwo"])).toBe("! one\ntwo\n");
  });
});

describe("cli/src", () => {
  const src = fileURLToPath(new URL("../src/", import.meta.url));
  const files = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(join(dir, e.name)) : e.name.endsWith(".ts") ? [join(dir, e.name)] : []));

  it("writes to stdout and stderr only through ui/logger.ts", () => {
    const offenders = files(src)
      .filter((file) => relative(src, file) !== join("ui", "logger.ts"))
      .filter((file) => /process\.std(out|err)\.write|console\.(log|info|warn|error|debug)\(|from "consola"/.test(readFileSync(file, "utf8")))
      .map((file) => relative(src, file));
    expect(offenders).toEqual([]);
  });
});
