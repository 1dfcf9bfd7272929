/** Vectors that load: the expected map is written out literally where it is small enough to read. */
import { RESOURCES_JSON_VAR } from "../../../src/resource-env/format.js";
import type { Links } from "../../../src/resource-env/types.js";
import { seededText } from "./_prng.js";
import { APP, APP_LOOKUPS, NOT_LINKED, appOnlyEnv, envArtifact, fileArtifact, type Vector } from "./_vector.js";

const bucket = (name: string) => ({ name, type: "sst.aws.Bucket" });

function noLinks(): Vector {
  return {
    name: "no-links",
    description: "only SST_RESOURCE_App is set: App resolves, every other name is not_found",
    env: appOnlyEnv(),
    files: {},
    expect: { resources: { App: APP } },
    lookups: [...APP_LOOKUPS, NOT_LINKED],
  };
}

function oneLink(): Vector {
  const links = { MyBucket: bucket("vectors-test-mybucket") };
  return {
    name: "one-link",
    description: "one bucket in an encrypted file, App in env (the Lambda layout)",
    ...fileArtifact("one-link", links),
    expect: { resources: { App: APP, ...links } },
    lookups: [
      { path: ["MyBucket", "name"], value: "vectors-test-mybucket" },
      { path: ["MyBucket", "type"], value: "sst.aws.Bucket" },
      { path: ["MyBucket", "nope"], error: "not_found" },
      ...APP_LOOKUPS,
      NOT_LINKED,
    ],
  };
}

function hundredLinks(): Vector {
  const links: Links = {};
  for (let i = 0; i < 100; i++) {
    const id = String(i).padStart(3, "0");
    links[`Link${id}`] =
      i % 3 === 0
        ? bucket(`vectors-test-bucket-${id}`)
        : i % 3 === 1
          ? { url: `https://sqs.us-east-1.amazonaws.com/123456789012/queue-${id}`, type: "sst.aws.Queue" }
          : { value: `secret-${id}`, type: "sst.sst.Secret" };
  }
  return {
    name: "hundred-links",
    description: "100 links in an encrypted file",
    ...fileArtifact("hundred-links", links),
    expect: { resources: { App: APP, ...links } },
    lookups: [
      { path: ["Link000", "name"], value: "vectors-test-bucket-000" },
      { path: ["Link050", "value"], value: "secret-050" },
      { path: ["Link099", "type"], value: links.Link099.type },
      { path: ["Link098", "value"], value: "secret-098" },
      NOT_LINKED,
    ],
  };
}

// Two-byte, three-byte and astral code points, right-to-left text, a ZWJ sequence and every
// JSON escape (including NUL, which only the file can carry: env values cannot hold it).
const UNICODE_VALUES = {
  latin: "héllo wörld",
  cjk: "漢字かなカナ",
  rtl: "مرحبا بالعالم",
  emoji: "👩‍💻🚀",
  astral: "𝄞",
  escapes: 'quote " backslash \\ slash / newline \n tab \t nul \u0000',
};

function unicodeFile(): Vector {
  const links: Links = {
    Bücher: { ...UNICODE_VALUES, type: "sst.aws.Bucket" },
    数据库: { name: "データベース", type: "sst.aws.Dynamo" },
    Очередь: { url: "https://example.com/очередь", type: "sst.aws.Queue" },
    "Rocket🚀": { value: "🚀", type: "sst.sst.Secret" },
  };
  return {
    name: "unicode-file",
    description: "non-ASCII link names and values in an encrypted file",
    ...fileArtifact("unicode-file", links),
    expect: { resources: { App: APP, ...links } },
    lookups: [
      { path: ["Bücher", "escapes"], value: UNICODE_VALUES.escapes },
      { path: ["数据库", "name"], value: "データベース" },
      { path: ["Rocket🚀", "value"], value: "🚀" },
      NOT_LINKED,
    ],
  };
}

function unicodeEnv(): Vector {
  const { escapes: _nul, ...envSafe } = UNICODE_VALUES;
  const links: Links = { Café: { ...envSafe, type: "sst.aws.Bucket" } };
  return {
    name: "unicode-env",
    description: "a non-ASCII link name and values in SST_RESOURCE_<Name>",
    env: envArtifact(links),
    files: {},
    expect: { resources: { App: APP, ...links } },
    lookups: [
      { path: ["Café", "emoji"], value: UNICODE_VALUES.emoji },
      { path: ["Café", "rtl"], value: UNICODE_VALUES.rtl },
      NOT_LINKED,
    ],
  };
}

function nestedObjects(): Vector {
  const api = {
    type: "sst.aws.ApiGatewayV2",
    url: "https://api.example.com",
    routes: [
      { path: "/a", methods: ["GET", "POST"] },
      { path: "/b", methods: [] },
    ],
    config: { retries: 3, ratio: 0.5, offset: -1, zero: 0, enabled: true, disabled: false, nothing: null, deep: { a: { b: { c: { d: "bottom" } } } } },
  };
  const links: Links = { Api: api };
  const envLinks: Links = { Settings: { type: "sst.Linkable", nested: { list: [1, [2, [3]]], map: { k: "v" } } } };
  return {
    name: "nested-objects",
    description: "arrays, numbers, booleans, null and deep objects, in the file and in env",
    ...merge(fileArtifact("nested-objects", links), envArtifact(envLinks)),
    expect: { resources: { App: APP, ...links, ...envLinks } },
    lookups: [
      { path: ["Api", "config", "deep", "a", "b", "c", "d"], value: "bottom" },
      { path: ["Api", "config", "nothing"], value: null },
      { path: ["Api", "routes"], value: api.routes },
      { path: ["Settings", "nested"], value: envLinks.Settings.nested },
      { path: ["Api", "config", "deep", "missing"], error: "not_found" },
      NOT_LINKED,
    ],
  };
}

function largeFile(): Vector {
  const links: Links = {};
  for (let i = 0; i < 64; i++) {
    const id = String(i).padStart(2, "0");
    links[`Blob${id}`] = { value: seededText(`large-file/${id}`, 16 * 1024), type: "sst.sst.Secret" };
  }
  return {
    name: "large-file",
    description: "a link file over 1 MiB (64 secrets of 16 KiB)",
    ...fileArtifact("large-file", links),
    expect: { resources: { App: APP, ...links } },
    lookups: [{ path: ["Blob63", "value"], value: links.Blob63.value }, NOT_LINKED],
  };
}

function envOnly(): Vector {
  const links: Links = {
    MyBucket: bucket("vectors-test-mybucket"),
    MyQueue: { url: "https://sqs.us-east-1.amazonaws.com/123456789012/q", type: "sst.aws.Queue" },
    MySecret: { value: "s3cr3t", type: "sst.sst.Secret" },
  };
  return {
    name: "env-only",
    description: "links only in SST_RESOURCE_<Name> vars, no key or file (containers, sst shell)",
    env: envArtifact(links),
    files: {},
    expect: { resources: { App: APP, ...links } },
    lookups: [{ path: ["MySecret", "value"], value: "s3cr3t" }, ...APP_LOOKUPS, NOT_LINKED],
  };
}

function fileOnly(): Vector {
  const links: Links = {
    MyBucket: bucket("vectors-test-mybucket"),
    MyQueue: { url: "https://sqs.us-east-1.amazonaws.com/123456789012/q", type: "sst.aws.Queue" },
    MySecret: { value: "s3cr3t", type: "sst.sst.Secret" },
  };
  return {
    name: "file-only",
    description: "several links only in the encrypted file",
    ...fileArtifact("file-only", links),
    expect: { resources: { App: APP, ...links } },
    lookups: [{ path: ["MyQueue", "url"], value: links.MyQueue.url }, NOT_LINKED],
  };
}

function fileNoLinks(): Vector {
  return {
    name: "file-no-links",
    description: "an encrypted file holding the empty map {}",
    ...fileArtifact("file-no-links", {}),
    expect: { resources: { App: APP } },
    lookups: [...APP_LOOKUPS, NOT_LINKED],
  };
}

function clashEnvOverFile(): Vector {
  const file = fileArtifact("clash-env-over-file", {
    MyBucket: { name: "from-file", region: "us-east-1", type: "sst.aws.Bucket" },
    FileOnly: bucket("file-only"),
  });
  return {
    name: "clash-env-over-file",
    description: "MyBucket is in the file and in SST_RESOURCE_MyBucket: env wins and replaces the whole object",
    env: { ...file.env, SST_RESOURCE_MyBucket: JSON.stringify(bucket("from-env")) },
    files: file.files,
    expect: { resources: { App: APP, MyBucket: bucket("from-env"), FileOnly: bucket("file-only") } },
    lookups: [
      { path: ["MyBucket", "name"], value: "from-env" },
      { path: ["MyBucket", "region"], error: "not_found" },
      { path: ["FileOnly", "name"], value: "file-only" },
    ],
  };
}

function resourcesJson(): Vector {
  const links: Links = { MyBucket: bucket("vectors-test-mybucket"), MySecret: { value: "s3cr3t", type: "sst.sst.Secret" } };
  return {
    name: "resources-json",
    description: "everything, App included, in one SST_RESOURCES_JSON var",
    env: { [RESOURCES_JSON_VAR]: JSON.stringify({ ...links, App: APP }) },
    files: {},
    expect: { resources: { App: APP, ...links } },
    lookups: [{ path: ["MyBucket", "name"], value: "vectors-test-mybucket" }, ...APP_LOOKUPS, NOT_LINKED],
  };
}

function clashResourcesJsonOverFile(): Vector {
  const file = fileArtifact("clash-resources-json-over-file", { MyBucket: bucket("from-file"), FileOnly: bucket("file-only") });
  return {
    name: "clash-resources-json-over-file",
    description: "MyBucket is in the file and in SST_RESOURCES_JSON: SST_RESOURCES_JSON wins",
    env: { ...file.env, [RESOURCES_JSON_VAR]: JSON.stringify({ MyBucket: bucket("from-json") }) },
    files: file.files,
    expect: { resources: { App: APP, MyBucket: bucket("from-json"), FileOnly: bucket("file-only") } },
    lookups: [{ path: ["MyBucket", "name"], value: "from-json" }],
  };
}

function clashAllLayers(): Vector {
  const file = fileArtifact("clash-all-layers", {
    A: bucket("a-from-file"),
    B: bucket("b-from-file"),
    C: bucket("c-from-file"),
  });
  return {
    name: "clash-all-layers",
    description: "file < SST_RESOURCES_JSON < SST_RESOURCE_<Name>, per name; App from SST_RESOURCES_JSON loses to SST_RESOURCE_App",
    env: {
      ...file.env,
      [RESOURCES_JSON_VAR]: JSON.stringify({ B: bucket("b-from-json"), C: bucket("c-from-json"), App: { name: "json-app", stage: "json" } }),
      SST_RESOURCE_C: JSON.stringify(bucket("c-from-env")),
    },
    files: file.files,
    expect: { resources: { App: APP, A: bucket("a-from-file"), B: bucket("b-from-json"), C: bucket("c-from-env") } },
    lookups: [
      { path: ["A", "name"], value: "a-from-file" },
      { path: ["B", "name"], value: "b-from-json" },
      { path: ["C", "name"], value: "c-from-env" },
      ...APP_LOOKUPS,
    ],
  };
}

function unrelatedEnv(): Vector {
  return {
    name: "unrelated-env",
    description: "only the exact SST_RESOURCE_ prefix counts: lower-case and look-alike names are ignored",
    env: {
      ...appOnlyEnv(),
      sst_resource_Lower: JSON.stringify(bucket("ignored")),
      SST_RESOURCEX_Other: "not json, and ignored",
      MY_SST_RESOURCE_Thing: "not json, and ignored",
      PATH_LIKE: "/usr/bin",
    },
    files: {},
    expect: { resources: { App: APP } },
    lookups: [{ path: ["Lower"], error: "not_found" }, NOT_LINKED],
  };
}

function merge(a: { env: Record<string, string>; files: Record<string, string> }, env: Record<string, string>) {
  return { env: { ...a.env, ...env }, files: a.files };
}

export function validVectors(): Vector[] {
  return [
    noLinks(),
    oneLink(),
    hundredLinks(),
    unicodeFile(),
    unicodeEnv(),
    nestedObjects(),
    largeFile(),
    envOnly(),
    fileOnly(),
    fileNoLinks(),
    clashEnvOverFile(),
    resourcesJson(),
    clashResourcesJsonOverFile(),
    clashAllLayers(),
    unrelatedEnv(),
  ];
}
