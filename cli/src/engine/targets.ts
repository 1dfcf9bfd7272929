/**
 * `--target Name,...` → URNs. The offline synth produces the engine's URNs, so a target includes exactly its
 * component and everything below it (the engine adds dependents itself).
 */
import { SSTError, synth, type SynthResource } from "@sst/core";
import type { Project } from "../project.js";

export interface TargetOptions {
  secrets: Record<string, string>;
  /** The command's bootstrap results, so the program sees what the engine run will. */
  bootstrap: Record<string, unknown>;
  dev: boolean;
}

/** The app's top-level resources; throws `E_TARGET_UNKNOWN` naming every `--target` that is not one of them. */
export function assertTargets(resources: SynthResource[], names: string[]): SynthResource[] {
  const roots = resources.filter((r) => !resources.some((p) => p.urn === r.parent));
  const missing = names.filter((n) => !roots.some((r) => r.name === n));
  if (missing.length) {
    const known = roots.filter((r) => r.type !== "sst:sst:LinkRef").map((r) => r.name);
    throw new SSTError({
      code: "E_TARGET_UNKNOWN",
      message: `--target ${missing.join(", ")}: no such component in the app.`,
      hint: `Components: ${known.join(", ") || "none"}`,
    });
  }
  return roots;
}

export async function targetUrns(project: Project, names: string[], options: TargetOptions): Promise<string[]> {
  const graph = await synth({ kernel: project.kernel, app: project.app, root: project.root, run: project.run, ...options });
  const byParent = new Map<string, SynthResource[]>();
  for (const r of graph.resources) if (r.parent) byParent.set(r.parent, [...(byParent.get(r.parent) ?? []), r]);
  const roots = assertTargets(graph.resources, names);
  const urns: string[] = [];
  const walk = (r: SynthResource) => {
    urns.push(r.urn);
    for (const child of byParent.get(r.urn) ?? []) walk(child);
  };
  for (const r of roots) if (names.includes(r.name) || names.includes(r.name.replace(/LinkRef$/, ""))) walk(r);
  return urns;
}
