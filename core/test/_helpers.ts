/**
 * Shared by the kernel's tests: fixture directories inside the repo (so a fixture's `import "@pulumi/aws"`
 * resolves against the repo's node_modules), a small component and resource to build programs with, and a
 * way to catch the one user-error class.
 */
import * as pulumi from "@pulumi/pulumi";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { expect } from "vitest";
import { Component, SSTError, type ComponentArgs, type LinkPayload, type Transform } from "@sst/core";

const TMP = join(import.meta.dirname, ".tmp");

/** A fresh directory under `core/test/.tmp/` (gitignored); `files` are written into it. */
export function fixture(prefix: string, files: Record<string, string> = {}): string {
  mkdirSync(TMP, { recursive: true });
  const dir = mkdtempSync(join(TMP, `${prefix}-`));
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), content);
  }
  return dir;
}

export function removeFixture(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}

/** Runs `fn` (sync or async) and returns the SSTError it threw; fails the test if it threw nothing else. */
export async function sstError(fn: () => unknown): Promise<SSTError> {
  let thrown: unknown;
  try {
    await fn();
  } catch (error) {
    thrown = error;
  }
  if (thrown === undefined) throw new Error("expected an SSTError, nothing was thrown");
  expect(thrown).toBeInstanceOf(SSTError);
  return thrown as SSTError;
}

/** Synchronous twin of `sstError`. */
export function sstErrorSync(fn: () => unknown): SSTError {
  let thrown: unknown;
  try {
    fn();
  } catch (error) {
    thrown = error;
  }
  if (thrown === undefined) throw new Error("expected an SSTError, nothing was thrown");
  expect(thrown).toBeInstanceOf(SSTError);
  return thrown as SSTError;
}

/** A plain custom resource with a type of our own: the mocks accept any type. */
export interface ThingArgs {
  name?: pulumi.Input<string>;
  size?: pulumi.Input<number>;
  color?: pulumi.Input<string>;
  tags?: pulumi.Input<Record<string, pulumi.Input<string>>>;
  fifo?: boolean;
  password?: pulumi.Input<string>;
  ref?: pulumi.Input<string>;
}

export class Thing extends pulumi.CustomResource {
  static readonly __pulumiType = "test:index:Thing";
  constructor(name: string, args: ThingArgs = {}, opts?: pulumi.CustomResourceOptions) {
    super(Thing.__pulumiType, name, { ...args }, opts);
  }

  /** Reads an existing Thing (the `static get(name, id)` pattern of generated provider classes). */
  static get(name: string, id: pulumi.Input<pulumi.ID>, _state?: unknown, opts?: pulumi.CustomResourceOptions): Thing {
    return new Thing(name, {}, { ...opts, id });
  }
}

/** A second raw type, for "only this type" checks. */
export class Other extends pulumi.CustomResource {
  static readonly __pulumiType = "test:index:Other";
  constructor(name: string, args: ThingArgs = {}, opts?: pulumi.CustomResourceOptions) {
    super(Other.__pulumiType, name, { ...args }, opts);
  }
}

export interface BoxArgs extends ComponentArgs {
  size?: number;
  /** Extra children, to test repeated `transform` keys. */
  extra?: number;
  /** Create the child under a name that does not start with the component's (for E_CHILD_NAME). */
  badChild?: boolean;
  /** Create a nested `Box` named `<name>Inner`. */
  inner?: boolean;
  transform?: { bucket?: Transform<ThingArgs>; extra?: Transform<ThingArgs> };
}

/** A small SST component: one `Thing` child under the `bucket` key (`<name>Bucket`). */
export class Box extends Component {
  static readonly __pulumiType = "sst:test:Box";
  readonly bucket: Thing;
  readonly inner?: Box;

  constructor(name: string, args: BoxArgs = {}, opts?: pulumi.ComponentResourceOptions) {
    super(Box.__pulumiType, name, args, opts);
    this.bucket = this.create("bucket", Thing, "Bucket", { size: args.size ?? 1, color: "red", tags: { owner: "box" } });
    for (let i = 0; i < (args.extra ?? 0); i++) this.create("extra", Thing, `Extra${i}`, { size: i });
    if (args.badChild) new Thing("Elsewhere", {}, { parent: this });
    if (args.inner) this.inner = new Box(`${name}Inner`, {}, { parent: this });
  }

  protected override outputs() {
    return { bucketId: this.bucket.id };
  }

  getSSTLink(): LinkPayload {
    return { properties: { bucketId: this.bucket.id, size: 1 } };
  }
}

/** A component of another type, to check that per-type rules stay per type. */
export class Crate extends Component {
  static readonly __pulumiType = "sst:test:Crate";
  readonly bucket: Thing;
  constructor(name: string, args: BoxArgs = {}, opts?: pulumi.ComponentResourceOptions) {
    super(Crate.__pulumiType, name, args, opts);
    this.bucket = this.create("bucket", Thing, "Bucket", { size: args.size ?? 1 });
  }
}
