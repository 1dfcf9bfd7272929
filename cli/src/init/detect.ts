/**
 * Drop-in detection for `sst init`: which framework the current directory holds, from its config files and
 * package.json dependencies. Checked in order; the first match wins.
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";

export interface Framework {
  /** Shown to the user. */
  name: string;
  /** The component `sst init` writes, under `sst.aws`. */
  component: "Nextjs" | "Remix" | "Astro" | "SvelteKit";
  /** Id of the one resource the template creates. */
  resource: string;
  /** What the user still has to do by hand, if anything. */
  next?: string;
}

interface Rule extends Framework {
  files: string[];
  deps: string[];
}

const ext = (base: string, exts: string[]) => exts.map((e) => `${base}.${e}`);

const RULES: Rule[] = [
  { name: "Next.js", component: "Nextjs", resource: "MyWeb", files: ext("next.config", ["js", "mjs", "cjs", "ts", "mts"]), deps: ["next"] },
  {
    name: "Remix",
    component: "Remix",
    resource: "MyWeb",
    files: ext("remix.config", ["js", "mjs", "cjs"]),
    deps: ["@remix-run/react", "@remix-run/dev", "@remix-run/node"],
  },
  {
    name: "Astro",
    component: "Astro",
    resource: "MyWeb",
    files: ext("astro.config", ["mjs", "js", "ts", "mts", "cjs"]),
    deps: ["astro"],
    next: "Add the SST adapter to astro.config: npm install astro-sst, then `adapter: aws()` from \"astro-sst\".",
  },
  {
    name: "SvelteKit",
    component: "SvelteKit",
    resource: "MyWeb",
    files: ext("svelte.config", ["js", "mjs", "ts"]),
    deps: ["@sveltejs/kit"],
    next: "Use the SST adapter in svelte.config: npm install svelte-kit-sst, then `adapter: adapter()` from \"svelte-kit-sst\".",
  },
];

export function readPackageJson(dir: string): Record<string, any> | undefined {
  const path = join(dir, "package.json");
  if (!existsSync(path)) return undefined;
  try {
    return JSON.parse(readFileSync(path, "utf8"));
  } catch {
    return undefined;
  }
}

export function detectFramework(dir: string): Framework | undefined {
  const pkg = readPackageJson(dir);
  const deps = { ...pkg?.dependencies, ...pkg?.devDependencies };
  const rule = RULES.find((r) => r.files.some((f) => existsSync(join(dir, f))) || r.deps.some((d) => d in deps));
  if (!rule) return undefined;
  const { files: _files, deps: _deps, ...framework } = rule;
  return framework;
}
