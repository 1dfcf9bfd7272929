import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { Kernel, SUFFIX_LENGTH, definePlugin, logicalName, physicalName, prefixName, prettyHash, randomSuffix, type NamingRule } from "@sst/core";
import { synthApp } from "@sst/core/testing";
import { Box, Thing } from "./_helpers.js";

const app = { name: "app", stage: "test" };
const PRETTY = "abcdefhkmnorstuvwxz";
const suffix = `[${PRETTY}]{8}`;

/** The spec's algorithm, written independently: sha256 → first 16 hex → base-19 over PRETTY, low digits kept. */
function referencePrettyHash(input: string, length = 8): string {
  let n = BigInt("0x" + createHash("sha256").update(input).digest("hex").slice(0, 16));
  const digits: string[] = [];
  while (n > 0n) {
    digits.unshift(PRETTY[Number(n % 19n)]!);
    n /= 19n;
  }
  return digits.slice(-length).join("").padStart(length, "s");
}

describe("the SST naming oracle (app \"app\", stage \"test\")", () => {
  it("fits foo into 10 characters as f-<8>", () => {
    expect(physicalName(app, 10, "foo")).toMatch(new RegExp(`^f-${suffix}$`));
  });

  it("fits foo into 14 characters as t-foo-<8>", () => {
    expect(physicalName(app, 14, "foo")).toMatch(new RegExp(`^t-foo-${suffix}$`));
  });

  it("fits foo into 21 characters as app-test-foo-<8>", () => {
    expect(physicalName(app, 21, "foo")).toMatch(new RegExp(`^app-test-foo-${suffix}$`));
  });

  it("keeps a fixed suffix: (23, foo, .fifo) is test-foo-<8>.fifo", () => {
    expect(physicalName(app, 23, "foo", ".fifo")).toMatch(new RegExp(`^test-foo-${suffix}\\.fifo$`));
  });

  it("uses the random part it is given", () => {
    expect(physicalName(app, 21, "foo", "", "abcdefhk")).toBe("app-test-foo-abcdefhk");
  });

  it("never goes over the limit, whatever the name", () => {
    const long = { name: "a-very-long-application-name", stage: "a-long-stage-name" };
    for (const max of [10, 16, 24, 32, 63, 64, 80]) {
      for (const name of ["x", "Media", "AVeryLongComponentNameThatGoesOnAndOnAndOnAndOn"]) {
        for (const fixed of ["", ".fifo"]) {
          if (max < SUFFIX_LENGTH + 2 + fixed.length) continue; // no room for "x-<8><suffix>"
          const result = physicalName(long, max, name, fixed);
          expect(result.length, `${max} ${name} ${fixed}`).toBeLessThanOrEqual(max);
          expect(result.endsWith(fixed)).toBe(true);
        }
      }
    }
  });
});

describe("prefixName and logicalName", () => {
  it("drops characters that are not letters or numbers from the name", () => {
    expect(prefixName(app, 40, "my_bucket-1")).toBe("app-test-mybucket1");
  });

  it("cuts the app name first, then the stage, then the name", () => {
    expect(prefixName({ name: "myapp", stage: "dev" }, 12, "Web")).toBe("myap-dev-Web");
    expect(prefixName({ name: "myapp", stage: "staging" }, 8, "Web")).toBe("stag-Web");
    expect(prefixName({ name: "myapp", stage: "dev" }, 4, "Website")).toBe("Webs");
  });

  it("drops non-alphanumerics and upper-cases the first letter, as SST does", () => {
    expect(logicalName("my-bucket")).toBe("Mybucket");
    expect(logicalName("myBucket")).toBe("MyBucket");
    expect(logicalName("api_v2")).toBe("Apiv2");
  });
});

describe("the random suffix", () => {
  it("is 8 characters of abcdefhkmnorstuvwxz", () => {
    expect(SUFFIX_LENGTH).toBe(8);
    for (let i = 0; i < 200; i++) expect(randomSuffix()).toMatch(new RegExp(`^${suffix}$`));
  });

  it("is drawn fresh each time", () => {
    expect(new Set(Array.from({ length: 50 }, randomSuffix)).size).toBeGreaterThan(45);
  });

  it("prettyHash is deterministic and follows the spec's algorithm", () => {
    for (const input of ["", "sst", "hello", "0123456789abcdef"]) {
      expect(prettyHash(input)).toBe(prettyHash(input));
      expect(prettyHash(input)).toBe(referencePrettyHash(input));
    }
    expect(prettyHash("hello", 4)).toBe(referencePrettyHash("hello", 4));
    expect(prettyHash("a")).not.toBe(prettyHash("b"));
  });
});

/** A plugin registering naming rules for the test resource type. */
const naming = (rule: NamingRule) =>
  definePlugin({ name: "naming", apply: (kernel) => kernel.registry.namingRule(Thing.__pulumiType, rule) });

describe("naming rules on component children", () => {
  it("fills the rule's field with <app>-<stage>-<name>-<8> cut to the limit", async () => {
    const graph = await synthApp({ plugins: [naming({ field: "name", max: 40 })], run: () => void new Box("Media") });
    expect(graph.get("MediaBucket").inputs.name).toMatch(new RegExp(`^app-test-MediaBucket-${suffix}$`));
  });

  it("fits the limit exactly when the name is long", async () => {
    const graph = await synthApp({ plugins: [naming({ field: "name", max: 20 })], run: () => void new Box("Media") });
    const name = graph.get("MediaBucket").inputs.name as string;
    expect(name).toMatch(new RegExp(`^MediaBucket-${suffix}$`));
    expect(name.length).toBe(20);
  });

  it("lower-cases the name when the rule asks", async () => {
    const graph = await synthApp({ plugins: [naming({ field: "name", max: 40, lower: true })], run: () => void new Box("Media") });
    expect(graph.get("MediaBucket").inputs.name).toMatch(new RegExp(`^app-test-mediabucket-${suffix}$`));
  });

  it("ends the name with the rule's suffix, computed from the args", async () => {
    const rule: NamingRule = { field: "name", max: 30, suffix: (props) => (props.color === "blue" ? ".fifo" : "") };
    const graph = await synthApp({
      plugins: [naming(rule)],
      run() {
        new Box("Plain");
        new Box("Fifo", { transform: { bucket: { color: "blue" } } });
      },
    });
    expect(graph.get("PlainBucket").inputs.name).toMatch(new RegExp(`^app-test-PlainBucket-${suffix}$`));
    expect(graph.get("FifoBucket").inputs.name).toMatch(new RegExp(`^test-FifoBucket-${suffix}\\.fifo$`));
  });

  it("adds the field to ignoreChanges, so the suffix drawn at create time stays across deploys", async () => {
    const graph = await synthApp({ plugins: [naming({ field: "name", max: 40 })], run: () => void new Box("Media") });
    expect(graph.get("MediaBucket").ignoreChanges).toEqual(["name"]);
  });

  it("keeps ignoreChanges the user already set", async () => {
    const graph = await synthApp({
      plugins: [naming({ field: "name", max: 40 })],
      run: () => void new Box("Media", { transform: { bucket: (_args, opts) => void (opts.ignoreChanges = ["tags"]) } }),
    });
    expect(graph.get("MediaBucket").ignoreChanges).toEqual(["tags", "name"]);
  });

  it("draws a new suffix on every run: only ignoreChanges keeps a deployed name stable", async () => {
    const names = new Set<unknown>();
    for (let i = 0; i < 3; i++) {
      const graph = await synthApp({ plugins: [naming({ field: "name", max: 40 })], run: () => void new Box("Media") });
      names.add(graph.get("MediaBucket").inputs.name);
    }
    expect(names.size).toBe(3);
  });

  it("respects a name the user set, and does not ignore changes to it", async () => {
    const graph = await synthApp({
      plugins: [naming({ field: "name", max: 40 })],
      run: () => void new Box("Media", { transform: { bucket: { name: "my-own-name" } } }),
    });
    expect(graph.get("MediaBucket").inputs.name).toBe("my-own-name");
    expect(graph.get("MediaBucket").ignoreChanges).toEqual([]);
  });

  it("sets tags.Name for the tags rule, keeping the other tags, without a random part", async () => {
    const graph = await synthApp({ plugins: [naming({ field: "tags", max: 30 })], run: () => void new Box("Media") });
    expect(graph.get("MediaBucket").inputs.tags).toEqual({ owner: "box", Name: "app-test-MediaBucket" });
    expect(graph.get("MediaBucket").inputs.name).toBeUndefined();
    expect(graph.get("MediaBucket").ignoreChanges).toEqual([]);
  });

  it("leaves a tags.Name the user set", async () => {
    const graph = await synthApp({
      plugins: [naming({ field: "tags", max: 30 })],
      run: () => void new Box("Media", { transform: { bucket: { tags: { Name: "mine", team: "a" } } } }),
    });
    expect(graph.get("MediaBucket").inputs.tags).toEqual({ Name: "mine", team: "a" });
  });

  it("still sets tags.Name when a plugin tagged the resource first", async () => {
    const tagger = definePlugin({
      name: "tagger",
      apply: (kernel) =>
        kernel.hooks.transform.tap("tagger", (value) => ({ ...value, props: { ...value.props, tags: { by: "tagger" } } })),
    });
    const graph = await synthApp({ plugins: [naming({ field: "tags", max: 30 }), tagger], run: () => void new Box("Media") });
    expect(graph.get("MediaBucket").inputs.tags).toEqual({ by: "tagger", Name: "app-test-MediaBucket" });
  });

  it("sets tags to { Name } when the resource has none", async () => {
    const graph = await synthApp({
      plugins: [naming({ field: "tags", max: 30 })],
      run: () => void new Box("Media", { transform: { bucket: (args) => void delete args.tags } }),
    });
    expect(graph.get("MediaBucket").inputs.tags).toEqual({ Name: "app-test-MediaBucket" });
  });

  it("does not name top-level raw resources or types without a rule", async () => {
    const kernel = new Kernel({ plugins: [naming({ field: "name", max: 40 })] });
    const graph = await synthApp({
      kernel,
      run() {
        new Thing("Raw");
      },
    });
    expect(graph.get("Raw").inputs.name).toBeUndefined();
    const other = await synthApp({ run: () => void new Box("Media") });
    expect(other.get("MediaBucket").inputs.name).toBeUndefined();
  });
});
