// Random env values and random bytes as the link file, from a seeded PRNG so a failure replays:
// loading may succeed or throw a ResourceError, and must never throw anything else.
import { encodeLinks } from "@sst/core/resource-env";
import { describe, expect, it } from "vitest";
import { linksFromCloudflareEnv } from "../src/links-from-cloudflare-env.js";
import { loadResources } from "../src/_load.js";
import { createResourceProxy } from "../src/_proxy.js";
import { ResourceError } from "../src/errors.js";

const RUNS = 2000;
/** The stage link secret the encoder derives file keys from. */
const SECRET = Buffer.alloc(32, 3).toString("base64");

/** mulberry32: tiny, seedable, good enough to pick test inputs. */
function prng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number) => Math.floor(next() * n);
  const pick = <T>(items: readonly T[]): T => items[int(items.length)];
  const bytes = (n: number) => Uint8Array.from({ length: n }, () => int(256));
  return { int, pick, bytes };
}

type Rng = ReturnType<typeof prng>;

const FRAGMENTS = ["{", "}", "[", "]", '"', ":", ",", "null", "true", "1e999", "-0", '\\u0000', "\\", "{}", "[]", '{"a":1}', "💥", " ", "\n"];

function randomText(rng: Rng): string {
  return Array.from({ length: rng.int(12) }, () =>
    rng.int(3) === 0 ? String.fromCharCode(rng.int(0xffff)) : rng.pick(FRAGMENTS),
  ).join("");
}

function randomKey(rng: Rng): string {
  switch (rng.int(4)) {
    case 0:
      return Buffer.from(rng.bytes(32)).toString("base64");
    case 1:
      return Buffer.from(rng.bytes(rng.int(64))).toString("base64");
    case 2:
      return Buffer.from(rng.bytes(32)).toString("base64url");
    default:
      return randomText(rng);
  }
}

function randomEnv(rng: Rng): Record<string, string> {
  const env: Record<string, string> = {};
  // Half the values are well-formed, so runs also get past the first carrier and succeed.
  const value = () => (rng.int(2) ? rng.pick(['{}', '{"v":1}', '{"name":"a","stage":"s"}']) : randomText(rng));
  for (let i = rng.int(4); i > 0; i--) env[`SST_RESOURCE_${rng.pick(["App", "A", "B", "", "__proto__", "💥"])}`] = value();
  if (rng.int(3) === 0) env.SST_RESOURCES_JSON = value();
  if (rng.int(3) === 0) env.SST_KEY = randomKey(rng);
  if (rng.int(3) === 0) env.SST_KEY_FILE = rng.pick(["resource.enc", "missing.enc", "/abs/resource.enc", "", "../x"]);
  return env;
}

/** An in-memory fs holding resource.enc as random bytes or a damaged real file. */
function randomFs(rng: Rng) {
  const real = encodeLinks({ app: { name: "a", stage: "s" }, links: { A: { v: 1 } }, target: "file", secret: SECRET }).file!.bytes;
  const bytes = rng.int(2) ? rng.bytes(rng.int(80)) : Uint8Array.from(real, (b) => (rng.int(20) === 0 ? rng.int(256) : b));
  return {
    readFile(path: string): Uint8Array {
      if (path === "/cwd/resource.enc") return bytes;
      throw Object.assign(new Error(`ENOENT: ${path}`), { code: "ENOENT" });
    },
  };
}

function outcome(fn: () => unknown): "ok" | string {
  try {
    fn();
    return "ok";
  } catch (error) {
    return error instanceof ResourceError ? error.kind : `unexpected ${String(error)}`;
  }
}

describe("fuzz", () => {
  it(`loading ${RUNS} random envs and files gives links or a ResourceError, never another exception`, () => {
    const rng = prng(0x5eed);
    const kinds = new Set<string>();
    for (let run = 0; run < RUNS; run++) {
      const env = randomEnv(rng);
      const fs = randomFs(rng);
      const resource = createResourceProxy<Record<string, unknown>>({ load: () => loadResources(env, "/cwd", fs), target: () => undefined });
      for (const name of ["App", "A", "Nope"]) {
        const kind = outcome(() => resource[name]);
        expect(kind, `run ${run}: ${JSON.stringify(env)}`).not.toMatch(/^unexpected/);
        kinds.add(kind);
      }
    }
    // The generator must actually reach the interesting paths, or this test proves little.
    expect([...kinds].sort()).toEqual(["base64", "decryption", "env", "io", "json", "not_found", "ok"]);
  });

  it("a real link file with any single byte changed never decrypts", () => {
    const rng = prng(7);
    const { env, file } = encodeLinks({ app: { name: "a", stage: "s" }, links: { A: { v: 1 } }, target: "file", secret: SECRET });
    for (let run = 0; run < 300; run++) {
      const bytes = Uint8Array.from(file!.bytes);
      bytes[rng.int(bytes.length)] ^= 1 + rng.int(255);
      expect(outcome(() => loadResources(env, "/cwd", { readFile: () => bytes }))).toBe("decryption");
    }
  });

  it(`reading ${RUNS} random Worker envs gives links or a ResourceError`, () => {
    const rng = prng(42);
    for (let run = 0; run < RUNS; run++) {
      const env: Record<string, unknown> = randomEnv(rng);
      if (rng.int(2)) env[rng.pick(["Bucket", "SST_RESOURCE_Kv", "x"])] = rng.pick([{}, 0, null, undefined, [], () => 1]);
      expect(outcome(() => linksFromCloudflareEnv(env))).not.toMatch(/^unexpected/);
    }
  });
});
