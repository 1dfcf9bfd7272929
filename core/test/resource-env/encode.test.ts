import { createDecipheriv } from "node:crypto";
import { describe, expect, it } from "vitest";
import { decryptLinks, encodeLinks, ResourceEnvError } from "../../src/resource-env/index.js";

const app = { name: "myapp", stage: "dev" };
const links = { MyBucket: { name: "b", type: "sst.aws.Bucket" }, MySecret: { value: "s", type: "sst.sst.Secret" } };

function problemsOf(fn: () => unknown): string[] {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(ResourceEnvError);
    expect((error as ResourceEnvError).code).toBe("E_LINK_INPUT");
    return [...(error as ResourceEnvError).problems];
  }
  throw new Error("expected encodeLinks to throw");
}

describe("encodeLinks, target file", () => {
  it("puts App, SST_KEY and SST_KEY_FILE in env and every link, but not App, in the file", () => {
    const { env, file } = encodeLinks({ app, links, target: "file" });
    expect(Object.keys(env).sort()).toEqual(["SST_KEY", "SST_KEY_FILE", "SST_RESOURCE_App"]);
    expect(JSON.parse(env.SST_RESOURCE_App)).toEqual(app);
    expect(env.SST_KEY_FILE).toBe("resource.enc");
    expect(file?.name).toBe("resource.enc");
    expect(file?.key).toBe(env.SST_KEY);
    expect(decryptLinks(env.SST_KEY, file!.bytes)).toEqual(links);
  });

  it("writes ciphertext then a 16-byte tag, sealed under a 12 zero-byte nonce with no AAD", () => {
    const { file } = encodeLinks({ app, links, target: "file" });
    const bytes = file!.bytes;
    const decipher = createDecipheriv("aes-256-gcm", Buffer.from(file!.key, "base64"), Buffer.alloc(12));
    decipher.setAuthTag(bytes.subarray(-16));
    const plain = Buffer.concat([decipher.update(bytes.subarray(0, -16)), decipher.final()]);
    expect(JSON.parse(plain.toString("utf8"))).toEqual(links);
  });

  it("draws a fresh 32-byte key on every call, so no key seals two plaintexts", () => {
    const keys = new Set(Array.from({ length: 20 }, () => encodeLinks({ app, links, target: "file" }).file!.key));
    expect(keys.size).toBe(20);
    for (const key of keys) expect(Buffer.from(key, "base64")).toHaveLength(32);
  });

  it("writes the empty map when there are no links", () => {
    const { env, file } = encodeLinks({ app, links: {}, target: "file" });
    expect(decryptLinks(env.SST_KEY, file!.bytes)).toEqual({});
  });
});

describe("encodeLinks, target env", () => {
  it("writes one SST_RESOURCE_<Name> per link plus SST_RESOURCE_App, and no file", () => {
    const result = encodeLinks({ app, links, target: "env" });
    expect(result.file).toBeUndefined();
    expect(Object.keys(result.env).sort()).toEqual(["SST_RESOURCE_App", "SST_RESOURCE_MyBucket", "SST_RESOURCE_MySecret"]);
    expect(JSON.parse(result.env.SST_RESOURCE_MyBucket)).toEqual(links.MyBucket);
  });

  it("keeps only name and stage of the app", () => {
    const { env } = encodeLinks({ app: { ...app, extra: 1 } as typeof app, links: {}, target: "env" });
    expect(JSON.parse(env.SST_RESOURCE_App)).toEqual(app);
  });
});

describe("encodeLinks, target env-json", () => {
  it("writes only SST_RESOURCES_JSON, with App inside it", () => {
    const { env, file } = encodeLinks({ app, links, target: "env-json" });
    expect(file).toBeUndefined();
    expect(Object.keys(env)).toEqual(["SST_RESOURCES_JSON"]);
    expect(JSON.parse(env.SST_RESOURCES_JSON)).toEqual({ ...links, App: app });
  });
});

describe("encodeLinks input checks", () => {
  it("accepts non-ASCII link names", () => {
    const { env } = encodeLinks({ app, links: { Café: { type: "t" }, 数据库: { type: "t" } }, target: "env" });
    expect(env["SST_RESOURCE_Café"]).toBe('{"type":"t"}');
  });

  it("lists every bad name in one error: empty, '=', whitespace, control characters, App, case duplicates", () => {
    const problems = problemsOf(() =>
      encodeLinks({
        app,
        links: { "": {}, "A=B": {}, "Has Space": {}, "Nul\u0000": {}, app: {}, Dup: {}, dup: {} },
        target: "env",
      }),
    );
    expect(problems).toHaveLength(6);
    expect(problems.join("\n")).toMatch(/"" is empty/);
    expect(problems.join("\n")).toMatch(/"A=B" contains "="/);
    expect(problems.join("\n")).toMatch(/"app" is reserved/);
    expect(problems.join("\n")).toMatch(/"Dup" and "dup" differ only in case/);
  });

  it("rejects link values that are not plain objects or cannot be serialised", () => {
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    const problems = problemsOf(() =>
      encodeLinks({ app, links: { A: [] as never, B: null as never, C: "x" as never, D: cyclic }, target: "file" }),
    );
    expect(problems).toEqual([
      'link "A" must be an object of properties, got an array',
      'link "B" must be an object of properties, got null',
      'link "C" must be an object of properties, got string',
      expect.stringMatching(/^link "D" is not JSON-serialisable/),
    ]);
  });

  it("rejects an unknown target and an app without name or stage, naming the allowed values", () => {
    const problems = problemsOf(() => encodeLinks({ app: { name: "", stage: 3 as never }, links: {}, target: "disk" as never }));
    expect(problems).toEqual([
      'target "disk" is not one of "env", "file", "env-json"',
      'app.name must be a non-empty string, got ""',
      "app.stage must be a non-empty string, got 3",
    ]);
  });
});

describe("decryptLinks", () => {
  const { env, file } = encodeLinks({ app, links, target: "file" });

  it("accepts the key as base64 or as raw bytes", () => {
    expect(decryptLinks(Buffer.from(env.SST_KEY, "base64"), file!.bytes)).toEqual(links);
  });

  it("fails with E_LINK_DECRYPT under another key, on a flipped byte and on a file shorter than the tag", () => {
    const other = encodeLinks({ app, links, target: "file" }).file!.key;
    const flipped = Buffer.from(file!.bytes);
    flipped[3] ^= 1;
    for (const [key, bytes] of [
      [other, file!.bytes],
      [env.SST_KEY, flipped],
      [env.SST_KEY, file!.bytes.subarray(0, 15)],
      [Buffer.alloc(16), file!.bytes],
    ] as const) {
      expect(() => decryptLinks(key, bytes)).toThrowError(expect.objectContaining({ code: "E_LINK_DECRYPT" }));
    }
  });
});
