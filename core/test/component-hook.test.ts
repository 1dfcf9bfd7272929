// The `component` hook fires once per component, after its most-derived constructor has returned.
import type * as pulumi from "@pulumi/pulumi";
import { describe, expect, it } from "vitest";
import { Component, Kernel, SSTError, type ComponentArgs } from "@sst/core";
import { synthApp } from "@sst/core/testing";
import { Box, sstError } from "./_helpers.js";

/** A component whose interesting state is set after `super()`, then extended once more. */
class Site extends Component {
  readonly domain: string;
  constructor(name: string, args: ComponentArgs & { domain: string }, opts?: pulumi.ComponentResourceOptions) {
    super("sst:test:Site", name, args, opts);
    this.domain = args.domain;
  }
}

class DocsSite extends Site {
  readonly section: string;
  constructor(name: string) {
    super(name, { domain: "docs.example.com" });
    this.section = "guides";
  }
}

/** Throws after `super()`: a half-built component. */
class Broken extends Component {
  constructor(name: string) {
    super("sst:test:Broken", name);
    throw new SSTError({ code: "E_TEST_BROKEN", message: `${name} cannot be built` });
  }
}

describe("the component hook", () => {
  it("lets a tap read a field the subclass sets after super()", async () => {
    const kernel = new Kernel();
    const domains: unknown[] = [];
    kernel.hooks.component.tap("reader", (c) => void domains.push((c as Site).domain));
    await synthApp({ kernel, run: () => void new Site("Web", { domain: "example.com" }) });
    expect(domains).toEqual(["example.com"]);
  });

  it("waits for the most-derived constructor of a subclass of a subclass", async () => {
    const kernel = new Kernel();
    const seen: unknown[] = [];
    kernel.hooks.component.tap("reader", (c) => void seen.push([(c as DocsSite).domain, (c as DocsSite).section]));
    await synthApp({ kernel, run: () => void new DocsSite("Docs") });
    expect(seen).toEqual([["docs.example.com", "guides"]]);
  });

  it("shows the component's children: its nodes exist when the tap runs", async () => {
    const kernel = new Kernel();
    const children: string[][] = [];
    kernel.hooks.component.tap("reader", (c) => void children.push(Object.keys(c.nodes)));
    await synthApp({ kernel, run: () => void new Box("Files", { extra: 1 }) });
    expect(children).toEqual([["bucket", "extra"]]);
  });

  it("fires once per component, before run() resumes from its next await", async () => {
    const kernel = new Kernel();
    const seen: string[] = [];
    kernel.hooks.component.tap("reader", (c) => void seen.push(c.componentName));
    let atAwait: string[] = [];
    let rightAfterNew: string[] = [];
    await synthApp({
      kernel,
      async run() {
        new Site("Web", { domain: "example.com" });
        rightAfterNew = [...seen];
        await Promise.resolve();
        atAwait = [...seen];
      },
    });
    expect(rightAfterNew).toEqual([]);
    expect(atAwait).toEqual(["Web"]);
    expect(seen).toEqual(["Web"]);
  });

  it("fails the program with a tap's error, and creates no component after it", async () => {
    const kernel = new Kernel();
    kernel.hooks.component.tap("policy", (c) => {
      if ((c as Site).domain === "bad.example.com") throw new SSTError({ code: "E_POLICY", message: `${c.componentName}: domain not allowed` });
    });
    let created = 0;
    const error = await sstError(() =>
      synthApp({
        kernel,
        async run() {
          new Site("Bad", { domain: "bad.example.com" });
          await Promise.resolve();
          new Site("Later", { domain: "ok.example.com" });
          created++;
        },
      }),
    );
    expect(error.code).toBe("E_POLICY");
    expect(error.message).toBe("Bad: domain not allowed");
    expect(created).toBe(0);
  });

  it("fails the program when a tap throws for the last component of a synchronous run()", async () => {
    const kernel = new Kernel();
    kernel.hooks.component.tap("policy", () => {
      throw new SSTError({ code: "E_POLICY", message: "no components allowed" });
    });
    const error = await sstError(() => synthApp({ kernel, run: () => void new Site("Web", { domain: "example.com" }) }));
    expect(error.code).toBe("E_POLICY");
  });

  it("never shows taps the components of a run() that threw", async () => {
    const kernel = new Kernel();
    const seen: string[] = [];
    kernel.hooks.component.tap("reader", (c) => void seen.push(c.componentName));
    const error = await sstError(() => synthApp({ kernel, run: () => void new Broken("Half") }));
    expect(error.code).toBe("E_TEST_BROKEN");
    await new Promise((resolve) => setImmediate(resolve));
    expect(seen).toEqual([]);
  });
});
