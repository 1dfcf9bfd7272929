// The checkpoint edits behind `sst state remove` and `sst state repair`, on hand-made checkpoints (no engine).
import { describe, expect, it } from "vitest";
import type { Checkpoint, CheckpointResource } from "../src/engine/checkpoint.js";
import { removeFromCheckpoint } from "../src/state/remove.js";
import { repairCheckpoint } from "../src/state/repair.js";
import { closeNames } from "../src/util/close-names.js";

const urn = (type: string, name: string) => `urn:pulumi:dev::app::${type}::${name}`;
const STACK = urn("pulumi:pulumi:Stack", "app-dev");
const PROVIDER = urn("pulumi:providers:aws", "default");
const BUCKET = urn("sst:aws:Bucket", "Files");
const INNER = urn("sst:aws:Bucket$aws:s3/bucketV2:BucketV2", "FilesBucket");
const FN = urn("sst:aws:Function", "Api");

const cp = (resources: CheckpointResource[]): Checkpoint => ({ version: 3, checkpoint: { stack: "organization/app/dev", latest: { resources } } });
const names = (c: Checkpoint) => (c.checkpoint.latest?.resources ?? []).map((r) => r.urn.split("::").at(-1));

function healthy(): CheckpointResource[] {
  return [
    { urn: STACK, type: "pulumi:pulumi:Stack" },
    { urn: PROVIDER, type: "pulumi:providers:aws", custom: true, id: "p1" },
    { urn: BUCKET, type: "sst:aws:Bucket", parent: STACK },
    { urn: INNER, type: "aws:s3/bucketV2:BucketV2", custom: true, parent: BUCKET, provider: `${PROVIDER}::p1` },
    { urn: FN, type: "sst:aws:Function", parent: STACK, dependencies: [INNER], propertyDependencies: { env: [INNER] } },
  ];
}

describe("state repair", () => {
  it("leaves a healthy checkpoint as it is", () => {
    const input = cp(healthy());
    const result = repairCheckpoint(input);
    expect(result.changes).toEqual([]);
    expect(result.checkpoint).toBe(input);
  });

  it("moves each resource after its parent, provider and dependencies, keeping the rest in place", () => {
    const [stack, provider, bucket, inner, fn] = healthy();
    const result = repairCheckpoint(cp([fn!, stack!, inner!, provider!, bucket!]));
    expect(names(result.checkpoint)).toEqual(["app-dev", "Files", "default", "FilesBucket", "Api"]);
    expect(result.changes).toEqual([
      "Moved Api after app-dev (parent), FilesBucket (dependency), FilesBucket (property dependency)",
      "Moved FilesBucket after Files (parent), default (provider)",
    ]);
    expect(repairCheckpoint(result.checkpoint).changes).toEqual([]);
  });

  it("drops dependencies, property dependencies and parents that point at nothing", () => {
    const ghost = urn("sst:aws:Queue", "Ghost");
    const resources = healthy();
    resources[4] = { ...resources[4]!, dependencies: [INNER, ghost], propertyDependencies: { env: [ghost, INNER] } };
    resources[2] = { ...resources[2]!, parent: urn("sst:x:Gone", "Gone") };
    const result = repairCheckpoint(cp(resources));
    const [, , bucket, , fn] = result.checkpoint.checkpoint.latest!.resources!;
    expect(fn!.dependencies).toEqual([INNER]);
    expect(fn!.propertyDependencies).toEqual({ env: [INNER] });
    expect(bucket!.parent).toBeUndefined();
    expect(result.changes).toHaveLength(3);
    expect(result.problems).toEqual([]);
  });

  it("reports what it cannot fix: a missing provider", () => {
    const resources = healthy().filter((r) => r.urn !== PROVIDER);
    const result = repairCheckpoint(cp(resources));
    expect(result.problems).toEqual([expect.stringContaining("FilesBucket uses provider " + PROVIDER)]);
  });
});

describe("state remove", () => {
  it("removes the named resource and its children, then drops references to them", () => {
    const result = removeFromCheckpoint(cp(healthy()), "Files");
    expect(names(result.checkpoint)).toEqual(["app-dev", "default", "Api"]);
    expect(result.removed.map((r) => r.urn)).toEqual([BUCKET, INNER]);
    const api = result.checkpoint.checkpoint.latest!.resources!.at(-1)!;
    expect(api.dependencies).toEqual([]);
    expect(api.propertyDependencies).toEqual({ env: [] });
  });

  it("takes a URN as well as a name", () => {
    expect(names(removeFromCheckpoint(cp(healthy()), FN).checkpoint)).toEqual(["app-dev", "default", "Files", "FilesBucket"]);
  });

  it("rejects an unknown name with close names, the stack itself, and a provider still in use", () => {
    expect(() => removeFromCheckpoint(cp(healthy()), "Fils")).toThrow('No resource named "Fils" in the state; close names: Files.');
    expect(() => removeFromCheckpoint(cp(healthy()), "app-dev")).toThrow(/is the stack itself/);
    expect(() => removeFromCheckpoint(cp(healthy()), "default")).toThrow('"default" is the provider of FilesBucket; remove those first.');
  });
});

describe("closeNames", () => {
  it("finds typos and substrings, closest first, and nothing far away", () => {
    expect(closeNames("Gretting", ["Greeting", "GreetingMessage", "ApiKey"])).toEqual(["Greeting"]);
    expect(closeNames("Api", ["ApiKey", "Settings"])).toEqual(["ApiKey"]);
    expect(closeNames("Zzz", ["ApiKey", "Settings"])).toEqual([]);
  });
});
