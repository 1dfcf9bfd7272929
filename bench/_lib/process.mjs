// Shared by the benches: a child process's peak memory (its whole tree, sampled from /proc) and medians.
import { spawn } from "node:child_process";
import { readFileSync, readdirSync } from "node:fs";

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

/**
 * Runs `node script ...args` in a fresh process; resolves with the JSON of its last stdout line plus
 * `treePeakKiB`, the peak RSS of its process tree sampled every 25 ms.
 */
export function measure(script, args, env = process.env) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [script, ...args], { stdio: ["ignore", "pipe", "inherit"], env });
    let out = "";
    let treePeakKiB = 0;
    child.stdout.on("data", (d) => (out += d));
    const timer = setInterval(() => (treePeakKiB = Math.max(treePeakKiB, treeRss(child.pid))), 25);
    child.on("close", (code) => {
      clearInterval(timer);
      if (code !== 0) return reject(new Error(`${script} exited with ${code}`));
      resolve({ ...JSON.parse(out.trim().split("\n").at(-1)), treePeakKiB });
    });
  });
}

export const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

export const mib = (kib) => (kib / 1024).toFixed(0);

/** The p-th percentile (0..100) of numbers, by nearest rank. */
export function percentile(values, p) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}
