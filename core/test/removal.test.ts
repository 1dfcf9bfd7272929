import { describe, expect, it } from "vitest";
import { Kernel, Linkable, definePlugin, type Removal } from "@sst/core";
import { synthApp } from "@sst/core/testing";
import { Box, Other, Thing } from "./_helpers.js";

/** A provider-style plugin that names `Thing` as stateful. */
const stateful = definePlugin({ name: "stateful", apply: (kernel) => kernel.registry.retain(Thing.__pulumiType) });

/** `name → retainOnDelete` for every resource of a program run under `removal`. */
async function retention(removal: Removal, run: () => void, kernel = new Kernel({ plugins: [stateful] })) {
  const graph = await synthApp({ kernel, app: { removal }, run });
  return Object.fromEntries(graph.resources.map((r) => [r.name, r.retainOnDelete]));
}

const program = () => {
  new Thing("RawThing");
  new Other("RawOther");
  new Box("Media");
};

describe("removal", () => {
  it("retain-all keeps every custom resource, stateful or not", async () => {
    expect(await retention("retain-all", program)).toMatchObject({ RawThing: true, RawOther: true, MediaBucket: true });
  });

  it("retain keeps only the types a plugin registered as stateful", async () => {
    expect(await retention("retain", program)).toMatchObject({ RawThing: true, RawOther: false, MediaBucket: true });
  });

  it("retain keeps nothing when no plugin registered a type", async () => {
    const result = await retention("retain", program, new Kernel());
    expect(Object.values(result).every((v) => v === false)).toBe(true);
  });

  it("remove keeps nothing, registered types included", async () => {
    const result = await retention("remove", program);
    expect(result).toMatchObject({ RawThing: false, RawOther: false, MediaBucket: false });
    expect(Object.values(result).every((v) => v === false)).toBe(true);
  });

  it("does not mark SST components themselves, only the resources that hold state", async () => {
    const result = await retention("retain-all", () => {
      new Box("Media");
      new Linkable("Settings", { properties: {} });
    });
    expect(result).toMatchObject({ Media: false, Settings: false, MediaLinkRef: false, MediaBucket: true });
  });

  it("leaves a retainOnDelete the user set explicitly", async () => {
    const result = await retention("retain-all", () => {
      new Thing("Kept", {}, { retainOnDelete: false });
      new Box("Media", { transform: { bucket: (_args, opts) => void (opts.retainOnDelete = false) } });
    });
    expect(result).toMatchObject({ Kept: false, MediaBucket: false });
  });
});

describe("retainOnDelete on a component", () => {
  it("passes to its children, and theirs, even under removal: remove", async () => {
    const result = await retention("remove", () => {
      new Box("Kept", { inner: true, extra: 1 }, { retainOnDelete: true });
      new Box("Gone", { inner: true });
    });
    expect(result).toMatchObject({
      KeptBucket: true,
      KeptExtra0: true,
      KeptInnerBucket: true,
      GoneBucket: false,
      GoneInnerBucket: false,
    });
  });
});
