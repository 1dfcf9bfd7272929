/**
 * Core's own `transform` taps: the rules every resource goes through after plugins and before the user's
 * raw-class `$transform`s. Stage 100 so plugin taps (stage 0) see the args before naming fills them in.
 */
import * as pulumi from "@pulumi/pulumi";
import { isComponent, type Component } from "../component/component.js";
import { physicalName, prefixName } from "../component/naming.js";
import { SSTError } from "../errors.js";
import type { TransformContext, TransformValue } from "../hooks.js";
import type { Kernel } from "../kernel.js";
import { linkType, registerName } from "../link/names.js";
import { peekProgram } from "./context.js";
import { tapDefaultProviders } from "./default-providers.js";

export const CORE_TAP = "sst:core";

/** The nearest SST component at or above `parent`. */
export function owningComponent(parent: pulumi.Resource | undefined): Component | undefined {
  let node: any = parent;
  while (node) {
    if (isComponent(node)) return node;
    node = node.__parentResource;
  }
  return undefined;
}

export function tapCore(kernel: Kernel): void {
  kernel.hooks.transform.tap({ name: CORE_TAP, stage: 100 }, (value: TransformValue, ctx: TransformContext) => {
    const program = peekProgram();
    if (!program) return value;
    const parent = value.opts.parent;
    // Top-level raw resources of a wrapped class are links: their names follow the link-name rules.
    if (!parent && !ctx.type.startsWith("sst:") && program.wraps.has(linkType(ctx.type))) {
      registerName(program, ctx.name, ctx.type, ctx.resource);
    }
    if (isComponent(parent) && !ctx.name.startsWith(parent.componentName)) {
      throw new SSTError({
        code: "E_CHILD_NAME",
        message: `"${ctx.name}" (${ctx.type}) is a child of "${parent.componentName}" but its name does not start with "${parent.componentName}".`,
        hint: `Name children "${parent.componentName}<Suffix>" (Component.create does this for you).`,
      });
    }
    const component = ctx.component;
    let { props, opts } = value;
    const rule = kernel.registry.naming.get(ctx.type);
    // The tags rule fills `tags.Name` even when other tags are set (a tagging plugin ran before us).
    if (component && rule && (rule.field === "tags" || props[rule.field] === undefined)) {
      if (rule.field === "tags") {
        props = withNameTag(props, prefixName(program.app, rule.max, ctx.name));
      } else {
        const name = physicalName(program.app, rule.max, ctx.name, rule.suffix?.(props) ?? "");
        props = { ...props, [rule.field]: rule.lower ? name.toLowerCase() : name };
        // The random part is drawn on every run; the engine keeps the first one (stable across deploys).
        opts = { ...opts, ignoreChanges: [...(opts.ignoreChanges ?? []), rule.field] };
      }
    }
    if (opts.retainOnDelete === undefined && !ctx.type.startsWith("sst:") && retained(program.app.removal, ctx.type, kernel, component)) {
      opts = { ...opts, retainOnDelete: true };
    }
    return { props, opts };
  });
  tapDefaultProviders(kernel);
}

/** Adds `tags.Name` unless the user set one; tags given as an Output are the user's to fill. */
function withNameTag(props: Record<string, any>, name: string): Record<string, any> {
  const tags = props.tags;
  if (tags === undefined || tags === null) return { ...props, tags: { Name: name } };
  if (pulumi.Output.isInstance(tags) || typeof tags !== "object" || tags.Name !== undefined) return props;
  return { ...props, tags: { ...tags, Name: name } };
}

function retained(removal: string, type: string, kernel: Kernel, component: Component | undefined): boolean {
  if (removal === "retain-all") return true;
  if (removal === "retain" && kernel.registry.retained.has(type)) return true;
  // Children inherit `retainOnDelete` from the component they belong to.
  let node: any = component;
  while (node) {
    if (isComponent(node) && node._retainOnDelete) return true;
    node = node.__parentResource;
  }
  return false;
}
