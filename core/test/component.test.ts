import * as pulumi from "@pulumi/pulumi";
import { afterEach, describe, expect, it } from "vitest";
import { Component, type ComponentArgs } from "@sst/core";
import { synthApp } from "@sst/core/testing";
import { Box, Thing, sstError, sstErrorSync } from "./_helpers.js";

/** A component that references an existing Thing by id instead of creating one. */
class Imported extends Component {
  static readonly __pulumiType = "sst:test:Imported";
  readonly thing: Thing;
  constructor(name: string, args: ComponentArgs & { id: string }) {
    super(Imported.__pulumiType, name, args);
    this.thing = this.reference("thing", Thing, "Thing", args.id);
  }
}

/** A component whose constructor fails after `super()`, before the field its outputs read is set. */
class Broken extends Component {
  static readonly __pulumiType = "sst:test:Broken";
  readonly thing!: Thing;
  constructor(name: string) {
    super(Broken.__pulumiType, name, {});
    throw new Error("bad args");
  }
  protected override outputs() {
    return { id: this.thing.id };
  }
}

/** A component type token taken from the test, to check the validation. */
class Typed extends Component {
  constructor(type: string, name: string) {
    super(type, name, {});
  }
}

describe("component base", () => {
  it("registers the component under its sst:<provider>:<Name> type with its children under it", async () => {
    const graph = await synthApp({ run: () => void new Box("Media", { inner: true }) });
    const media = graph.get("Media");
    expect(media.type).toBe("sst:test:Box");
    expect(media.custom).toBe(false);
    expect(graph.children(media).map((r) => `${r.name} ${r.type}`).sort()).toEqual(["MediaBucket test:index:Thing", "MediaInner sst:test:Box"]);
    expect(graph.children(graph.get("MediaInner")).map((r) => r.name)).toEqual(["MediaInnerBucket"]);
  });

  it("registers the outputs the component declares once construction is done", async () => {
    const graph = await synthApp({ run: () => void new Box("Media") });
    expect(graph.get("Media").outputs).toEqual({ bucketId: "MediaBucket-id" });
  });

  it("exposes its children through nodes, by transform key, repeated keys as an array", async () => {
    let box: Box | undefined;
    await synthApp({
      run() {
        box = new Box("Media", { extra: 2 });
      },
    });
    expect(box!.nodes.bucket).toBe(box!.bucket);
    expect(Array.isArray(box!.nodes.extra)).toBe(true);
    expect((box!.nodes.extra as pulumi.Resource[]).map((r) => (r as any).__name)).toEqual(["MediaExtra0", "MediaExtra1"]);
    expect(box!.componentName).toBe("Media");
  });

  it("references an existing resource as a read child named <name><suffix>", async () => {
    const graph = await synthApp({ run: () => void new Imported("Legacy", { id: "thing-123" }) });
    const thing = graph.get("LegacyThing");
    expect(thing).toMatchObject({ read: true, id: "thing-123", type: "test:index:Thing", parent: graph.get("Legacy").urn });
  });

  it.each(["sst:Box", "aws:test:Box", "sst:test:box", "sst:Test:Box", "sst:test:Box:x"])("rejects the type %j", async (type) => {
    const error = await sstError(() => synthApp({ run: () => void new Typed(type, "Media") }));
    expect(error.code).toBe("E_COMPONENT_TYPE");
    expect(error.message).toBe(`Component type "${type}" must look like "sst:<provider>:<Name>", e.g. "sst:aws:Bucket".`);
  });

  it.each(["my-box", "1Box", "My Box", "_box", ""])("rejects the name %j and suggests one", async (name) => {
    const error = await sstError(() => synthApp({ run: () => void new Box(name) }));
    expect(error.code).toBe("E_COMPONENT_NAME");
    expect(error.message).toBe(
      `Invalid component name "${name}" (sst:test:Box). Names must start with a letter and contain only letters, numbers and underscores.`,
    );
    expect(error.hint).toMatch(/^Rename it, e\.g\. "[A-Za-z0-9]+"\.$/);
  });

  it("accepts underscores after the first letter", async () => {
    const graph = await synthApp({ run: () => void new Box("Media_2") });
    expect(graph.get("Media_2Bucket").type).toBe("test:index:Thing");
  });

  it("cannot be created outside run()", () => {
    const error = sstErrorSync(() => new Box("Media"));
    expect(error.code).toBe("E_OUTSIDE_RUN");
    expect(error.message).toBe('Component "Media" can only be created inside the run() function of sst.config.ts.');
    expect(error.hint).toBe("Move the code into `async run() { ... }`.");
  });
});

describe("a component whose constructor throws", () => {
  const rejections: unknown[] = [];
  const onRejection = (reason: unknown) => void rejections.push(reason);
  afterEach(() => void process.off("unhandledRejection", onRejection));

  it("fails the synth with that error and nothing else, not even an unhandled rejection", async () => {
    process.on("unhandledRejection", onRejection);
    await expect(synthApp({ run: () => void new Broken("Media") })).rejects.toThrow(new Error("bad args"));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(rejections).toEqual([]);
  });
});
