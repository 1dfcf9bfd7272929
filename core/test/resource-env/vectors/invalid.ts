/**
 * Vectors whose load must fail, one defect each, so every SDK proves it maps its own failure to
 * the same kind. Each starts from a good artifact and breaks exactly one thing.
 */
import { sealBytes } from "../../../src/resource-env/cipher.js";
import { FILE_NAME, KEY_FILE_VAR, KEY_VAR, RESOURCES_JSON_VAR } from "../../../src/resource-env/format.js";
import { seededBytes, vectorKey } from "./_prng.js";
import { appOnlyEnv, failing, fileArtifact, type Vector } from "./_vector.js";

const LINKS = { MyBucket: { name: "vectors-test-mybucket", type: "sst.aws.Bucket" } };

/** A good file artifact with its bytes (decoded) passed through `edit`. */
function brokenFile(name: string, edit: (bytes: Buffer) => Buffer) {
  const good = fileArtifact(name, LINKS);
  const bytes = edit(Buffer.from(good.files[FILE_NAME], "base64"));
  return { env: good.env, files: { [FILE_NAME]: bytes.toString("base64") } };
}

function flipByte(bytes: Buffer, index: number): Buffer {
  const copy = Buffer.from(bytes);
  copy[index] ^= 0x01;
  return copy;
}

/** A file sealed properly with the vector's key around a plaintext that is not a links map. */
function sealedPlaintext(name: string, plaintext: string) {
  const good = fileArtifact(name, {});
  const bytes = sealBytes(vectorKey(name), Buffer.from(plaintext, "utf8"));
  return { env: good.env, files: { [FILE_NAME]: bytes.toString("base64") } };
}

function decryption(): Vector[] {
  const wrongKey = fileArtifact("wrong-key", LINKS);
  const shortKey = fileArtifact("key-wrong-length", LINKS);
  return [
    failing("wrong-key", "SST_KEY is a valid 32-byte key but not the one the file was sealed with", "decryption", {
      ...wrongKey.env,
      [KEY_VAR]: seededBytes("wrong-key/other", 32).toString("base64"),
    }, wrongKey.files),
    failing("key-wrong-length", "SST_KEY is valid base64 of 16 bytes, not 32", "decryption", {
      ...shortKey.env,
      [KEY_VAR]: seededBytes("key-wrong-length/short", 16).toString("base64"),
    }, shortKey.files),
    ...[
      ["truncated-file", "the file lost its last 5 bytes (part of the tag)", (b: Buffer) => b.subarray(0, b.length - 5)],
      ["file-shorter-than-tag", "the file is 10 bytes, shorter than the 16-byte tag", (b: Buffer) => b.subarray(0, 10)],
      ["empty-file", "the file exists but is empty", () => Buffer.alloc(0)],
      ["flipped-tag-byte", "one bit of the last (tag) byte is flipped", (b: Buffer) => flipByte(b, b.length - 1)],
      ["flipped-ciphertext-byte", "one bit of the first (ciphertext) byte is flipped", (b: Buffer) => flipByte(b, 0)],
    ].map(([name, description, edit]) => {
      const broken = brokenFile(name as string, edit as (b: Buffer) => Buffer);
      return failing(name as string, description as string, "decryption", broken.env, broken.files);
    }),
  ];
}

function keyAndFile(): Vector[] {
  const good = fileArtifact("missing-file", LINKS);
  const { [KEY_VAR]: _key, ...withoutKey } = good.env;
  const { [KEY_FILE_VAR]: _file, ...withoutFile } = good.env;
  return [
    failing("missing-file", "SST_KEY_FILE names a file that does not exist in the cwd", "io", good.env),
    failing("bad-base64-key", "SST_KEY is not base64", "base64", { ...good.env, [KEY_VAR]: "!!not*base64!!" }, good.files),
    failing("key-file-without-key", "SST_KEY_FILE is set, SST_KEY is not", "env", withoutKey, good.files),
    failing("key-without-key-file", "SST_KEY is set, SST_KEY_FILE is not", "env", withoutFile, good.files),
  ];
}

function json(): Vector[] {
  const notJson = sealedPlaintext("file-plaintext-not-json", "this is not json");
  const notObject = sealedPlaintext("file-plaintext-not-object", "[1,2,3]");
  return [
    failing("bad-json-env-var", "SST_RESOURCE_MyBucket is not JSON", "json", { ...appOnlyEnv(), SST_RESOURCE_MyBucket: '{"name": "unterminated' }),
    failing("env-var-not-object", "SST_RESOURCE_MyBucket is JSON but an array, not an object", "json", { ...appOnlyEnv(), SST_RESOURCE_MyBucket: "[1,2]" }),
    failing("bad-json-app", "SST_RESOURCE_App is not JSON", "json", { SST_RESOURCE_App: "{name: vectors}" }),
    failing("bad-json-resources-json", "SST_RESOURCES_JSON is not JSON", "json", { ...appOnlyEnv(), [RESOURCES_JSON_VAR]: "{,}" }),
    failing("resources-json-not-object", "SST_RESOURCES_JSON is JSON but a string, not an object", "json", { ...appOnlyEnv(), [RESOURCES_JSON_VAR]: '"text"' }),
    failing("file-plaintext-not-json", "the file decrypts, but to text that is not JSON", "json", notJson.env, notJson.files),
    failing("file-plaintext-not-object", "the file decrypts to a JSON array, not an object", "json", notObject.env, notObject.files),
  ];
}

export function invalidVectors(): Vector[] {
  return [...decryption(), ...keyAndFile(), ...json()];
}
