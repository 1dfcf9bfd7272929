import { createDecipheriv, createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { isSSTError } from "../../src/errors.js";
import { decryptLinks, encodeLinks, ResourceEnvError } from "../../src/resource-env/index.js";

const app = { name: "myapp", stage: "dev" };
const links = { MyBucket: { name: "b", type: "sst.aws.Bucket" }, MySecret: { value: "s", type: "sst.sst.Secret" } };
const secret = Buffer.alloc(32, 7).toString("base64");
const otherSecret = Buffer.alloc(32, 8).toString("base64");
const file = (input: { links?: Record<string, Record<string, unknown>>; secret?: string } = {}) =>
  encodeLinks({ app, links: input.links ?? links, target: "file", secret: input.secret ?? secret });

function problemsOf(fn: () => unknown): string[] {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(ResourceEnvError);
    expect((error as ResourceEnvError).code).toBe("E_LINK_INPUT");
    return [...(error as ResourceEnvError).details];
  }
  throw new Error("expected encodeLinks to throw");
}

describe("encodeLinks, target file", () => {
  it("puts App, SST_KEY and SST_KEY_FILE in env and every link, but not App, in the file", () => {
    const { env, file: enc } = file();
    expect(Object.keys(env).sort()).toEqual(["SST_KEY", "SST_KEY_FILE", "SST_RESOURCE_App"]);
    expect(JSON.parse(env.SST_RESOURCE_App)).toEqual(app);
    expect(env.SST_KEY_FILE).toBe("resource.enc");
    expect(enc?.name).toBe("resource.enc");
    expect(enc?.key).toBe(env.SST_KEY);
    expect(decryptLinks(env.SST_KEY, enc!.bytes)).toEqual(links);
  });

  it("writes ciphertext then a 16-byte tag, sealed under a 12 zero-byte nonce with no AAD", () => {
    const { file: enc } = file();
    const bytes = enc!.bytes;
    const decipher = createDecipheriv("aes-256-gcm", Buffer.from(enc!.key, "base64"), Buffer.alloc(12));
    decipher.setAuthTag(bytes.subarray(-16));
    const plain = Buffer.concat([decipher.update(bytes.subarray(0, -16)), decipher.final()]);
    expect(JSON.parse(plain.toString("utf8"))).toEqual(links);
  });

  it("writes the empty map when there are no links", () => {
    const { env, file: enc } = file({ links: {} });
    expect(decryptLinks(env.SST_KEY, enc!.bytes)).toEqual({});
  });
});

describe("encodeLinks keys (spec/link-format.md §2.2)", () => {
  it("gives byte-identical file and env for the same links and secret, run after run", () => {
    const first = file();
    const second = file({ links: structuredClone(links) });
    expect(second.env).toEqual(first.env);
    expect(second.file!.bytes.equals(first.file!.bytes)).toBe(true);
  });

  it("does not depend on the order of names or properties", () => {
    const reordered = { MySecret: { type: "sst.sst.Secret", value: "s" }, MyBucket: { type: "sst.aws.Bucket", name: "b" } };
    expect(file({ links: reordered }).file!.bytes.equals(file().file!.bytes)).toBe(true);
  });

  it("derives the key as HMAC-SHA256(secret, label ‖ plaintext), plaintext with keys sorted", () => {
    const plaintext = JSON.stringify({ MyBucket: { name: "b", type: "sst.aws.Bucket" }, MySecret: { type: "sst.sst.Secret", value: "s" } });
    const key = createHmac("sha256", Buffer.from(secret, "base64")).update("sst link-format v1 file key\u0000").update(plaintext).digest();
    expect(file().env.SST_KEY).toBe(key.toString("base64"));
  });

  it("gives a different 32-byte key to different links, so no key seals two plaintexts", () => {
    const keys = new Set(Array.from({ length: 20 }, (_, i) => file({ links: { A: { n: i, type: "t" } } }).env.SST_KEY));
    expect(keys.size).toBe(20);
    for (const key of keys) expect(Buffer.from(key, "base64")).toHaveLength(32);
  });

  it("gives the same links a different key under another stage's secret", () => {
    const a = file();
    const b = file({ secret: otherSecret });
    expect(b.env.SST_KEY).not.toBe(a.env.SST_KEY);
    expect(b.file!.bytes.equals(a.file!.bytes)).toBe(false);
    expect(decryptLinks(b.env.SST_KEY, b.file!.bytes)).toEqual(links);
  });

  it("never puts the secret in the output", () => {
    const { env, file: enc } = file();
    expect(JSON.stringify(env)).not.toContain(secret);
    expect(enc!.key).not.toBe(secret);
  });

  it.each([
    ["no secret", undefined, "got none"],
    ["a short secret", Buffer.alloc(16).toString("base64"), "got 16 bytes"],
  ])("refuses target file with %s, naming what it needs", (_, bad, got) => {
    const problems = problemsOf(() => encodeLinks({ app, links, target: "file", secret: bad }));
    expect(problems).toEqual([`target "file" needs the stage's link secret (\`secret\`): base64 of at least 32 bytes, ${got}`]);
  });

  it("needs no secret for the env targets", () => {
    expect(encodeLinks({ app, links, target: "env" }).env.SST_RESOURCE_MyBucket).toBe('{"name":"b","type":"sst.aws.Bucket"}');
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
      encodeLinks({ app, links: { A: [] as never, B: null as never, C: "x" as never, D: cyclic }, target: "file", secret }),
    );
    expect(problems).toEqual([
      'link "A" must be an object of properties, got an array',
      'link "B" must be an object of properties, got null',
      'link "C" must be an object of properties, got string',
      expect.stringMatching(/^link "D" is not JSON-serialisable/),
    ]);
  });

  it("rejects a lone UTF-16 surrogate anywhere in a value or key, naming the link and the property path", () => {
    const problems = problemsOf(() =>
      encodeLinks({
        app,
        links: {
          Db: { host: "ok \uD83D\uDE00", broken: "x\uD800", nested: { list: ["a", { deep: "\uDC00" }] }, "k\uDBFF": 1, "odd key": ["\uD800y"] },
        },
        target: "file",
        secret,
      }),
    );
    expect(problems).toEqual([
      'link "Db" property broken holds a lone UTF-16 surrogate (not valid Unicode: the SDKs would lose it)',
      'link "Db" property nested.list[1].deep holds a lone UTF-16 surrogate (not valid Unicode: the SDKs would lose it)',
      'link "Db" key ["k\\udbff"] holds a lone UTF-16 surrogate (not valid Unicode: the SDKs would lose it)',
      'link "Db" property ["odd key"][0] holds a lone UTF-16 surrogate (not valid Unicode: the SDKs would lose it)',
    ]);
  });

  it("rejects a lone surrogate in a link name, and accepts a well-formed astral one", () => {
    expect(problemsOf(() => encodeLinks({ app, links: { "Db\uD800": {} }, target: "env" }))).toEqual([
      'link name "Db\\ud800" contains a lone UTF-16 surrogate',
    ]);
    expect(encodeLinks({ app, links: { "Db\uD83D\uDE00": { type: "t" } }, target: "env" }).env["SST_RESOURCE_Db\uD83D\uDE00"]).toBe('{"type":"t"}');
  });

  it("rejects a link name that starts with SST_RESOURCE_ (SST's Rust SDK would strip the prefix twice)", () => {
    expect(problemsOf(() => encodeLinks({ app, links: { SST_RESOURCE_Db: { type: "t" } }, target: "env" }))).toEqual([
      'link name "SST_RESOURCE_Db" starts with "SST_RESOURCE_", the prefix of its own env var',
    ]);
  });

  it("is a user error of the SSTError family: code, message listing every problem, hint", () => {
    let error: unknown;
    try {
      encodeLinks({ app, links: { SST_RESOURCE_A: {}, B: { v: "\uD800" } }, target: "env" });
    } catch (caught) {
      error = caught;
    }
    expect(isSSTError(error)).toBe(true);
    const e = error as ResourceEnvError;
    expect(e.code).toBe("E_LINK_INPUT");
    expect(e.message).toBe(
      'Cannot encode links:\n  - link name "SST_RESOURCE_A" starts with "SST_RESOURCE_", the prefix of its own env var\n' +
        '  - link "B" property v holds a lone UTF-16 surrogate (not valid Unicode: the SDKs would lose it)',
    );
    expect(e.hint).toMatch(/^Link names are component names/);
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
  const { env, file: enc } = file();

  it("accepts the key as base64 or as raw bytes", () => {
    expect(decryptLinks(Buffer.from(env.SST_KEY, "base64"), enc!.bytes)).toEqual(links);
  });

  it("fails with E_LINK_DECRYPT under another key, on a flipped byte and on a file shorter than the tag", () => {
    const other = file({ secret: otherSecret }).file!.key;
    const flipped = Buffer.from(enc!.bytes);
    flipped[3] ^= 1;
    for (const [key, bytes] of [
      [other, enc!.bytes],
      [env.SST_KEY, flipped],
      [env.SST_KEY, enc!.bytes.subarray(0, 15)],
      [Buffer.alloc(16), enc!.bytes],
    ] as const) {
      expect(() => decryptLinks(key, bytes)).toThrowError(expect.objectContaining({ code: "E_LINK_DECRYPT" }));
    }
  });
});
