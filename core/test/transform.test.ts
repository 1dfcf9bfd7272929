import * as aws from "@pulumi/aws";
import { describe, expect, it } from "vitest";
import { $transform, Kernel, applyTransform, type Component, type TransformContext } from "@sst/core";
import { synthApp } from "@sst/core/testing";
import { Box, Crate, Other, Thing, sstError, sstErrorSync } from "./_helpers.js";

describe("a component's transform argument", () => {
  it("shallow-merges an object into the child's args: named fields replace, the others stay", async () => {
    const graph = await synthApp({ run: () => void new Box("Media", { transform: { bucket: { color: "blue", tags: { team: "a" } } } }) });
    // `tags` is replaced as a whole, not merged key by key.
    expect(graph.get("MediaBucket").inputs).toEqual({ size: 1, color: "blue", tags: { team: "a" } });
  });

  it("calls a function with (args, opts, name) and keeps what it changed in place", async () => {
    const calls: [unknown, unknown, string][] = [];
    const graph = await synthApp({
      run: () =>
        void new Box("Media", {
          transform: {
            bucket: (args, opts, name) => {
              calls.push([{ ...args }, { ...opts }, name]);
              args.color = "green";
              delete args.tags;
              opts.protect = true;
            },
          },
        }),
    });
    expect(calls).toHaveLength(1);
    expect(calls[0]![0]).toEqual({ size: 1, color: "red", tags: { owner: "box" } });
    expect(calls[0]![2]).toBe("MediaBucket");
    expect(graph.get("MediaBucket").inputs).toEqual({ size: 1, color: "green" });
    expect(graph.get("MediaBucket").protect).toBe(true);
  });

  it("gives the function the options with the component as parent", async () => {
    let parent: unknown;
    let box: Box | undefined;
    await synthApp({
      run() {
        box = new Box("Media", { transform: { bucket: (_args, opts) => void (parent = opts.parent) } });
      },
    });
    expect(parent).toBe(box);
  });

  it("ignores what the function returns: only in-place changes count", async () => {
    const graph = await synthApp({
      run: () => void new Box("Media", { transform: { bucket: (() => ({ color: "blue" })) as never } }),
    });
    expect(graph.get("MediaBucket").inputs.color).toBe("red");
  });

  it("applies a key's transform only to the children made under that key, every one of them", async () => {
    const graph = await synthApp({ run: () => void new Box("Media", { extra: 2, transform: { extra: { color: "pink" } } }) });
    expect(graph.get("MediaBucket").inputs.color).toBe("red");
    expect(graph.get("MediaExtra0").inputs).toEqual({ size: 0, color: "pink" });
    expect(graph.get("MediaExtra1").inputs).toEqual({ size: 1, color: "pink" });
  });

  it("rejects a transform that is neither an object nor a function", async () => {
    const error = await sstError(() => synthApp({ run: () => void new Box("Media", { transform: { bucket: "blue" as never } }) }));
    expect(error.code).toBe("E_TRANSFORM_INVALID");
    expect(error.message).toBe('The transform for "MediaBucket" must be an object or a function, got string.');
  });

  it("applyTransform leaves args and opts untouched when there is no transform", () => {
    const args = { a: 1 };
    const opts = {};
    const [a, o] = applyTransform(undefined, "X", args, opts);
    expect(a).toBe(args);
    expect(o).toBe(opts);
  });

  it("applyTransform returns a new args object for an object transform, leaving the original alone", () => {
    const args = { a: 1, b: 2 };
    const [merged] = applyTransform({ b: 3 }, "X", args, {});
    expect(merged).toEqual({ a: 1, b: 3 });
    expect(args).toEqual({ a: 1, b: 2 });
  });
});

describe("$transform on an SST component class", () => {
  it("changes only the components of that class created after the call", async () => {
    const graph = await synthApp({
      run() {
        new Box("Before");
        $transform(Box, (args) => {
          args.size = 5;
        });
        new Box("After");
        new Crate("Crate");
      },
    });
    expect(graph.get("BeforeBucket").inputs.size).toBe(1);
    expect(graph.get("AfterBucket").inputs.size).toBe(5);
    expect(graph.get("CrateBucket").inputs.size).toBe(1);
  });

  it("runs several $transforms in the order they were registered, with (args, opts, name)", async () => {
    const seen: string[] = [];
    const graph = await synthApp({
      run() {
        $transform(Box, (args, _opts, name) => {
          seen.push(`first:${name}`);
          args.size = 2;
        });
        $transform(Box, (args, opts, name) => {
          seen.push(`second:${name}`);
          args.size = args.size * 10;
          opts.protect = true;
        });
        new Box("Media");
      },
    });
    expect(seen).toEqual(["first:Media", "second:Media"]);
    expect(graph.get("MediaBucket").inputs.size).toBe(20);
    expect(graph.get("Media").protect).toBe(true);
  });

  it("can set the component's own transform argument, which then reaches its children", async () => {
    const graph = await synthApp({
      run() {
        $transform(Box, (args) => {
          args.transform = { bucket: { color: "black" } };
        });
        new Box("Media");
      },
    });
    expect(graph.get("MediaBucket").inputs.color).toBe("black");
  });

  it("does not leak into the next program", async () => {
    await synthApp({ run: () => $transform(Box, (args) => void (args.size = 9)) });
    const graph = await synthApp({ run: () => void new Box("Media") });
    expect(graph.get("MediaBucket").inputs.size).toBe(1);
  });
});

describe("$transform on a raw Pulumi resource class", () => {
  it("changes only the resources of that type created after the call, children of components included", async () => {
    const graph = await synthApp({
      run() {
        new Thing("Before");
        $transform(Thing, (args, _opts, name) => {
          args.color = `purple-${name}`;
        });
        new Thing("After");
        new Other("Other");
        new Box("Media");
      },
    });
    expect(graph.get("Before").inputs.color).toBeUndefined();
    expect(graph.get("After").inputs.color).toBe("purple-After");
    expect(graph.get("Other").inputs.color).toBeUndefined();
    expect(graph.get("MediaBucket").inputs.color).toBe("purple-MediaBucket");
  });

  it("works on @pulumi/aws classes", async () => {
    const graph = await synthApp({
      run() {
        new aws.s3.BucketV2("Before");
        $transform(aws.s3.BucketV2, (args, opts) => {
          args.forceDestroy = true;
          opts.retainOnDelete = true;
        });
        new aws.s3.BucketV2("After");
      },
    });
    expect(graph.get("Before").inputs.forceDestroy).toBeUndefined();
    expect(graph.get("After").inputs.forceDestroy).toBe(true);
    expect(graph.get("After").retainOnDelete).toBe(true);
  });

  it("does not leak into the next program", async () => {
    await synthApp({ run: () => $transform(Thing, (args) => void (args.color = "leak")) });
    const graph = await synthApp({ run: () => void new Thing("Raw") });
    expect(graph.get("Raw").inputs.color).toBeUndefined();
  });

  it("rejects something that is not a resource class", async () => {
    const error = await sstError(() => synthApp({ run: () => $transform(class NotAResource {} as never, () => {}) }));
    expect(error.code).toBe("E_TRANSFORM_TARGET");
    expect(error.message).toBe("$transform: NotAResource is not a component or Pulumi resource class.");
  });

  it("can only be called inside run()", () => {
    expect(sstErrorSync(() => $transform(Thing, () => {})).code).toBe("E_OUTSIDE_RUN");
  });
});

describe("plugin transform taps", () => {
  it("see every resource with its type, name and owning component", async () => {
    const kernel = new Kernel();
    const seen: { type: string; name: string; component?: Component; resource: unknown }[] = [];
    kernel.hooks.transform.tap("spy", (value, ctx: TransformContext) => {
      seen.push({ type: ctx.type, name: ctx.name, component: ctx.component, resource: ctx.resource });
      return value;
    });
    let raw: Thing | undefined;
    let box: Box | undefined;
    await synthApp({
      kernel,
      run() {
        raw = new Thing("Raw");
        box = new Box("Outer", { inner: true });
      },
    });
    const row = (name: string) => seen.find((s) => s.name === name)!;
    expect(seen.map((s) => `${s.type} ${s.name}`)).toEqual([
      "test:index:Thing Raw",
      "sst:test:Box Outer",
      "test:index:Thing OuterBucket",
      "sst:test:Box OuterInner",
      "test:index:Thing OuterInnerBucket",
      // Box is linkable: the run ends with its LinkRef.
      "sst:sst:LinkRef OuterLinkRef",
    ]);
    expect(row("Raw").component).toBeUndefined();
    expect(row("Raw").resource).toBe(raw);
    expect(row("Outer").component).toBeUndefined();
    expect(row("OuterBucket").component).toBe(box);
    expect(row("OuterBucket").resource).toBe(box!.bucket);
    expect(row("OuterInner").component).toBe(box);
    expect(row("OuterInnerBucket").component).toBe(box!.inner);
  });

  it("change the args of the resource through the value they return", async () => {
    const kernel = new Kernel();
    kernel.hooks.transform.tap("tagger", (value, ctx) =>
      ctx.type === Thing.__pulumiType ? { ...value, props: { ...value.props, tags: { ...value.props.tags, by: "tagger" } } } : value,
    );
    const graph = await synthApp({ kernel, run: () => void new Box("Media") });
    expect(graph.get("MediaBucket").inputs.tags).toEqual({ owner: "box", by: "tagger" });
  });

  it("see the component's transform argument already applied", async () => {
    const kernel = new Kernel();
    let color: unknown;
    kernel.hooks.transform.tap("spy", (value, ctx) => {
      if (ctx.name === "MediaBucket") color = value.props.color;
      return value;
    });
    await synthApp({ kernel, run: () => void new Box("Media", { transform: { bucket: { color: "blue" } } }) });
    expect(color).toBe("blue");
  });
});

describe("child names", () => {
  it("rejects a child whose name does not start with its component's name", async () => {
    const error = await sstError(() => synthApp({ run: () => void new Box("Media", { badChild: true }) }));
    expect(error.code).toBe("E_CHILD_NAME");
    expect(error.message).toBe('"Elsewhere" (test:index:Thing) is a child of "Media" but its name does not start with "Media".');
    expect(error.hint).toBe('Name children "Media<Suffix>" (Component.create does this for you).');
  });

  it("names children <component name><suffix>", async () => {
    const graph = await synthApp({ run: () => void new Box("Media") });
    expect(graph.children(graph.get("Media")).map((r) => r.name)).toEqual(["MediaBucket"]);
  });
});
