// One dotenv parser and writer for the app's .env and for `sst secret load|list`.
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { formatDotenv, parseDotenv, readDotenv } from "@sst/core";
import { fixture, removeFixture, sstErrorSync } from "./_helpers.js";

describe("dotenv (.env, sst secret load and list)", () => {
  it("parses plain, exported, quoted and multi-line values, skipping comments", () => {
    const { entries, problems } = parseDotenv(
      ["# c", "", "A=1", "export B = two words # comment", "C='lit\\n'", 'D="a\\nb\\"c"', 'E="line1', 'line2"', "F=", "G=a#b"].join("\n"),
    );
    expect(problems).toEqual([]);
    expect(Object.fromEntries(entries.map((e) => [e.name, e.value]))).toEqual({
      A: "1",
      B: "two words",
      C: "lit\\n",
      D: 'a\nb"c',
      E: "line1\nline2",
      F: "",
      G: "a#b",
    });
    expect(entries.map((e) => e.line)).toEqual([3, 4, 5, 6, 7, 9, 10]);
  });

  it("reports each bad line with its number", () => {
    const { problems } = parseDotenv("A=1\njust words\nB='open\n");
    expect(problems.map((p) => p.line)).toEqual([2, 3]);
  });

  it("formats values so that parsing gives them back", () => {
    const values = ["plain", "two words", " padded ", "a # b", "'quoted'", '"dq"', "multi\nline\r\n", "back\\slash", "tab\there", "", "#start", "=eq="];
    for (const value of values) {
      const { entries, problems } = parseDotenv(formatDotenv("X", value));
      expect(problems).toEqual([]);
      expect(entries[0]!.value).toBe(value);
    }
    expect(formatDotenv("X", "plain")).toBe("X=plain");
  });
});

describe("readDotenv (the app's .env)", () => {
  const dirs: string[] = [];
  afterAll(() => dirs.forEach(removeFixture));
  const app = (dotenv: string) => {
    const dir = fixture("dotenv", { ".env": dotenv });
    dirs.push(dir);
    return dir;
  };

  it("reads what `sst secret list` writes, escapes included", () => {
    const dir = app(["export SST_STAGE=dev", formatDotenv("PEM", 'a\n"b"\\c'), "EMPTY="].join("\n"));
    expect(readDotenv(dir)).toEqual({ SST_STAGE: "dev", PEM: 'a\n"b"\\c', EMPTY: "" });
  });

  it("reports every bad line with the file and its number, as E_DOTENV_LINE", () => {
    const dir = app("A=1\nnot a pair\nB='open\n");
    const error = sstErrorSync(() => readDotenv(dir));
    expect(error.code).toBe("E_DOTENV_LINE");
    expect(error.problems.map((p) => p.message)).toEqual([
      `${join(dir, ".env")}: line 2 is not NAME=value: "not a pair"`,
      `${join(dir, ".env")}: line 3: the value of B has no closing '`,
    ]);
    expect(error.hint).toBe("Each line must be NAME=value (values may be quoted).");
  });

  it("is empty when there is no .env", () => {
    const dir = fixture("dotenv-none");
    dirs.push(dir);
    expect(readDotenv(dir)).toEqual({});
  });
});
