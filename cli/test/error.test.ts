/** How a failure is rendered: a user error as its message, hint and stable code, no stack; others as unexpected. */
import { SSTError } from "@sst/core";
import { afterEach, describe, expect, it, vi } from "vitest";
import { renderError } from "../src/ui/error.js";

afterEach(() => vi.restoreAllMocks());

const render = (error: unknown, verbose = false) => {
  const written: string[] = [];
  vi.spyOn(process.stderr, "write").mockImplementation((chunk: string | Uint8Array) => (written.push(String(chunk)), true));
  const code = renderError(error, verbose);
  vi.restoreAllMocks();
  return { code, text: written.join("") };
};

describe("rendering errors", () => {
  it("shows a user error's message, its hint indented, then its code, and exits 1", () => {
    const error = new SSTError({ code: "E_CONFIG_EMPTY", message: "sst.config.ts is empty.", hint: "Write one.\nOr run sst init." });
    expect(render(error)).toEqual({ code: 1, text: "✕ sst.config.ts is empty.\n  Write one.\n  Or run sst init.\n  error code E_CONFIG_EMPTY\n" });
  });

  it("shows the code of a user error without a hint", () => {
    expect(render(new SSTError({ code: "E_X", message: "Bad." })).text).toBe("✕ Bad.\n  error code E_X\n");
  });

  it("shows an unexpected error with no code, and its stack only under --verbose", () => {
    expect(render(new Error("boom")).text).toBe("✕ Unexpected error: boom\n  Run again with --verbose for details.\n");
    expect(render(new Error("boom"), true).text).toMatch(/^✕ Unexpected error: boom\nError: boom\n\s+at /);
  });
});
