/** Renders a synth graph as a tree: each component, its children below it, with a few key inputs. */
import type { SynthResource, SynthResult } from "@sst/core";

const MAX_INPUTS = 4;
const MAX_VALUE = 60;

function keyInputs(resource: SynthResource): string {
  const parts: string[] = [];
  for (const [key, value] of Object.entries(resource.inputs)) {
    if (parts.length === MAX_INPUTS) break;
    if (value === null || typeof value === "object" || key.startsWith("__")) continue;
    let text = typeof value === "string" ? JSON.stringify(value) : String(value);
    if (text.length > MAX_VALUE) text = text.slice(0, MAX_VALUE - 1) + "…";
    parts.push(`${key}=${text}`);
  }
  return parts.length ? `  ${parts.join(" ")}` : "";
}

export function renderTree(result: SynthResult): string {
  // LinkRefs are bookkeeping for the CLI; the tree shows what the user wrote.
  const shown = result.resources.filter((r) => r.type !== "sst:sst:LinkRef");
  const lines = [`${result.app.name} (stage: ${result.app.stage})`, ...treeLines(shown, keyInputs)];
  const outputs = Object.entries(result.outputs);
  if (outputs.length) {
    lines.push("", "Outputs:");
    for (const [k, v] of outputs) lines.push(`  ${k}: ${typeof v === "string" ? v : JSON.stringify(v)}`);
  }
  return lines.join("\n");
}

/** What a tree line needs: a node is shown under its parent, or at the top when its parent is not in the list. */
export interface TreeNode {
  urn: string;
  name: string;
  type: string;
  parent?: string;
}

/** `├─ Name type<suffix>` lines, children indented under their parent, in the nodes' order. */
export function treeLines<T extends TreeNode>(nodes: T[], suffix: (node: T) => string = () => ""): string[] {
  const byParent = new Map<string | undefined, T[]>();
  const urns = new Set(nodes.map((r) => r.urn));
  for (const r of nodes) {
    const parent = r.parent && urns.has(r.parent) ? r.parent : undefined;
    byParent.set(parent, [...(byParent.get(parent) ?? []), r]);
  }
  const lines: string[] = [];
  const walk = (parent: string | undefined, prefix: string) => {
    const kids = byParent.get(parent) ?? [];
    kids.forEach((r, i) => {
      const last = i === kids.length - 1;
      lines.push(`${prefix}${last ? "└─ " : "├─ "}${r.name} ${r.type}${suffix(r)}`);
      walk(r.urn, prefix + (last ? "   " : "│  "));
    });
  };
  walk(undefined, "");
  return lines;
}

/** The `--json` form: one entry per resource. */
export function toJson(result: SynthResult): { urn: string; type: string; name: string; parent?: string; inputs: Record<string, unknown> }[] {
  return result.resources.map((r) => ({ urn: r.urn, type: r.type, name: r.name, parent: r.parent, inputs: r.inputs }));
}

/** Keeps the named top-level components (case-sensitive) and everything below them. */
export function onlyTargets(result: SynthResult, names: string[]): SynthResult {
  const byUrn = new Map(result.resources.map((r) => [r.urn, r]));
  const top = (r: SynthResource): SynthResource => {
    let node = r;
    while (node.parent && byUrn.has(node.parent)) node = byUrn.get(node.parent)!;
    return node;
  };
  const wanted = new Set(names);
  return { ...result, resources: result.resources.filter((r) => wanted.has(top(r).name)) };
}
