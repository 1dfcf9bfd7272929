import { mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { LocalHome, ResourceEnvError, encodeLinks } from "@sst/core";
import { afterAll, describe, expect, it, vi } from "vitest";
import { linkSecretFor } from "../src/home/open.js";
import { renderError } from "../src/ui/error.js";

const dir = mkdtempSync(join(tmpdir(), "sst-link-secret-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const home = new LocalHome({ dir });

describe("the stage's link secret", () => {
  it("is created once, as base64 of 32 bytes in a 0600 file, and read back on every later run", async () => {
    const ref = { app: "shop", stage: "dev" };
    const first = await linkSecretFor(home, ref);
    expect(Buffer.from(first, "base64")).toHaveLength(32);
    expect(await linkSecretFor(home, ref)).toBe(first);
    expect(readFileSync(join(dir, "linksecret", "shop", "dev.json"), "utf8")).toBe(first);
    expect(statSync(join(dir, "linksecret", "shop", "dev.json")).mode & 0o777).toBe(0o600);
  });

  it("is one per stage", async () => {
    const a = await linkSecretFor(home, { app: "shop", stage: "a" });
    const b = await linkSecretFor(home, { app: "shop", stage: "b" });
    expect(a).not.toBe(b);
  });

  it("comes out the same for every one of several commands creating it at once", async () => {
    const ref = { app: "shop", stage: "race" };
    const secrets = await Promise.all(Array.from({ length: 10 }, () => linkSecretFor(home, ref)));
    expect(new Set(secrets).size).toBe(1);
  });

  it("is never overwritten by the home", async () => {
    const ref = { app: "shop", stage: "keep" };
    const kept = await linkSecretFor(home, ref);
    await expect(home.createLinkSecret(ref, Buffer.alloc(32).toString("base64"))).rejects.toMatchObject({ code: "EEXIST" });
    expect(await home.getLinkSecret(ref)).toBe(kept);
  });
});

describe("an encoder error on the CLI", () => {
  it("is rendered as a user error: its message and hint, no 'Unexpected error', no stack", () => {
    let error: unknown;
    try {
      encodeLinks({ app: { name: "shop", stage: "dev" }, links: { Db: { host: "\uD800" } }, target: "env" });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ResourceEnvError);
    const written: string[] = [];
    const stderr = vi.spyOn(process.stderr, "write").mockImplementation((chunk: string | Uint8Array) => (written.push(String(chunk)), true));
    try {
      expect(renderError(error, false)).toBe(1);
    } finally {
      stderr.mockRestore();
    }
    expect(written.join("")).toBe(
      [
        '✕ Cannot encode links:\n  - link "Db" property host holds a lone UTF-16 surrogate (not valid Unicode: the SDKs would lose it)',
        "  Link names are component names; link properties must be JSON values (strings without lone UTF-16 surrogates). Rename the component or change the property.",
        "  error code E_LINK_INPUT",
        "",
      ].join("\n"),
    );
  });
});
