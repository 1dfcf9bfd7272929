import { describe, expect, it } from "vitest";
import { formatDotenv, parseDotenv } from "../src/util/dotenv.js";

describe("dotenv for sst secret", () => {
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
