/**
 * `sst state repair`: puts every resource after what it references (its parent, dependencies, provider)
 * and drops references to resources that are not in the state. Pure: takes a checkpoint, returns a new one
 * and a line per change; a healthy checkpoint comes back unchanged with no lines.
 */
import { resourcesOf, type Checkpoint, type CheckpointResource } from "../engine/checkpoint.js";
import { nameOfUrn, refsOf } from "./refs.js";

export interface Repair {
  checkpoint: Checkpoint;
  /** What was changed, one line each. */
  changes: string[];
  /** What could not be fixed (a missing provider, a dependency cycle). */
  problems: string[];
}

export function repairCheckpoint(cp: Checkpoint): Repair {
  const changes: string[] = [];
  const problems: string[] = [];
  const before = resourcesOf(cp);
  const urns = new Set(before.map((r) => r.urn));
  const pruned = before.map((r) => dropDangling(r, urns, changes, problems));
  const ordered = dependenciesFirst(pruned, changes, problems);
  if (changes.length === 0) return { checkpoint: cp, changes, problems };
  const latest = { ...cp.checkpoint.latest, resources: ordered };
  return { checkpoint: { ...cp, checkpoint: { ...cp.checkpoint, latest } }, changes, problems };
}

function dropDangling(r: CheckpointResource, urns: Set<string>, changes: string[], problems: string[]): CheckpointResource {
  const name = nameOfUrn(r.urn);
  const out: CheckpointResource = { ...r };
  const dropped = (what: string, urn: string) => changes.push(`Dropped ${name}'s ${what} on ${nameOfUrn(urn)}: not in the state (${urn})`);
  if (r.parent && !urns.has(r.parent)) {
    dropped("parent link", r.parent);
    delete out.parent;
  }
  if (r.dependencies?.some((u) => !urns.has(u))) {
    for (const u of r.dependencies.filter((u) => !urns.has(u))) dropped("dependency", u);
    out.dependencies = r.dependencies.filter((u) => urns.has(u));
  }
  if (r.propertyDependencies) {
    const props: Record<string, string[]> = {};
    for (const [key, list] of Object.entries(r.propertyDependencies)) {
      for (const u of (list ?? []).filter((u) => !urns.has(u))) dropped(`dependency (property "${key}")`, u);
      props[key] = (list ?? []).filter((u) => urns.has(u));
    }
    out.propertyDependencies = props;
  }
  if (typeof r.deletedWith === "string" && r.deletedWith && !urns.has(r.deletedWith)) {
    dropped("deletedWith", r.deletedWith);
    delete out.deletedWith;
  }
  for (const ref of refsOf(r).filter((x) => x.kind === "provider" && !urns.has(x.urn))) {
    problems.push(`${name} uses provider ${ref.urn}, which is not in the state: remove ${name} with \`sst state remove ${name}\`.`);
  }
  return out;
}

/**
 * A stable depth-first order: a resource already after everything it references keeps its place, so a
 * healthy state is returned in the same order.
 */
function dependenciesFirst(resources: CheckpointResource[], changes: string[], problems: string[]): CheckpointResource[] {
  const byUrn = new Map<string, number[]>();
  resources.forEach((r, i) => byUrn.set(r.urn, [...(byUrn.get(r.urn) ?? []), i]));
  const mark = new Array<0 | 1 | 2>(resources.length).fill(0);
  const out: CheckpointResource[] = [];
  const visit = (i: number) => {
    if (mark[i] !== 0) return;
    mark[i] = 1;
    for (const ref of refsOf(resources[i]!)) {
      for (const j of byUrn.get(ref.urn) ?? []) {
        if (j === i) continue;
        if (mark[j] === 1) problems.push(`${nameOfUrn(resources[i]!.urn)} and ${nameOfUrn(ref.urn)} reference each other: left in place.`);
        else visit(j);
      }
    }
    mark[i] = 2;
    out.push(resources[i]!);
  };
  resources.forEach((_, i) => visit(i));
  // Report each resource that had something it references listed after it.
  resources.forEach((r, i) => {
    const later = refsOf(r).filter((ref) => {
      const at = byUrn.get(ref.urn) ?? [];
      return at.length > 0 && at.every((j) => j > i);
    });
    const names = [...new Set(later.map((ref) => `${nameOfUrn(ref.urn)} (${ref.kind})`))];
    if (names.length) changes.push(`Moved ${nameOfUrn(r.urn)} after ${names.join(", ")}`);
  });
  return out;
}
