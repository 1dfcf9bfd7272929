// Process measurements shared by the benches (Linux: read from /proc).
import { readdirSync, readFileSync } from "node:fs";

/** Sum of VmRSS (KiB) of `pid` and every descendant. */
export function treeRss(pid) {
  let total = 0;
  const visit = (p) => {
    try {
      const status = readFileSync(`/proc/${p}/status`, "utf8");
      total += Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
      for (const task of readdirSync(`/proc/${p}/task`)) {
        const children = readFileSync(`/proc/${p}/task/${task}/children`, "utf8").trim();
        for (const child of children ? children.split(/\s+/) : []) visit(child);
      }
    } catch {
      // The process ended between two reads.
    }
  };
  visit(pid);
  return total;
}

/** The p-th percentile (0..100) of numbers, by nearest rank. */
export function percentile(values, p) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}
