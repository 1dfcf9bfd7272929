/** Shared by the Function tests: the app, a mock that keeps every resource's unredacted inputs, a test builder. */
import { cpSync, readdirSync, type Dirent } from "node:fs";
import { join } from "node:path";
import { definePlugin, type BuildInput } from "@sst/core";
import type * as pulumi from "@pulumi/pulumi";
import { aws } from "@sst/aws";

export const app = { plugins: [aws()], providers: { aws: {} } };

const SIG = "4dabf18193072939515e22adb298388d";

/** Inputs with Pulumi's secret envelopes opened (the mocks get secrets wrapped). */
function reveal(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(reveal);
  // Assets and archives stay as the mocks built them (their `path` is a promise).
  if (value === null || typeof value !== "object" || Object.getPrototypeOf(value) !== Object.prototype) return value;
  const obj = value as Record<string, unknown>;
  if (obj[SIG] === "1b47061264138c4ac30d75fd1eb44270") return reveal(obj.value);
  return Object.fromEntries(Object.entries(obj).map(([k, v]) => [k, reveal(v)]));
}

/** Outputs the mocks add to a resource's state (which is its inputs), by type. */
const OUTPUTS: Record<string, (inputs: Record<string, any>) => Record<string, unknown>> = {
  "aws:lambda/function:Function": (i) => ({ version: "1", lastModified: "2026-01-01T00:00:00Z", arn: `arn:aws:lambda:us-east-1:123456789012:function:${i.name}` }),
  "aws:iam/role:Role": () => ({ arn: "arn:aws:iam::123456789012:role/created-role", name: "created-role" }),
  "aws:lambda/functionUrl:FunctionUrl": () => ({ functionUrl: "https://abc.lambda-url.us-east-1.on.aws/" }),
};

/**
 * Mocks that record what each resource got, secrets included (the graph shows secrets as "[secret]"), by
 * logical name. State = inputs, plus the outputs a few tests read (a function's `version`, `lastModified`).
 */
export function recording() {
  const inputs = new Map<string, Record<string, any>>();
  const mocks: Partial<pulumi.runtime.Mocks> = {
    newResource: (a) => {
      inputs.set(a.name, reveal(a.inputs) as Record<string, any>);
      const extra = OUTPUTS[a.type]?.(a.inputs) ?? {};
      return { id: a.custom ? `${a.name}-id` : undefined, state: { ...a.inputs, ...extra } };
    },
    call: (a) => a.inputs,
  };
  return { inputs, mocks, get: (name: string) => inputs.get(name) ?? {} };
}

/**
 * A plugin whose builders (tapped before @sst/aws's) copy a fixture directory as the package (the real builders are another
 * part's): what a build gives a Function, without depending on esbuild. Records every input it was given.
 */
export function fixtureBuilder(dir: string) {
  const calls: BuildInput[] = [];
  const plugin = definePlugin({
    name: "fixture-builder",
    apply(kernel) {
      for (const runtime of ["nodejs", "python", "go", "rust"]) {
        // Before @sst/aws's own builders (stage 0), which would build the fixture for real.
        kernel.hooks.build.for(runtime).tapPromise({ name: "fixture-builder", stage: -1 }, async (input) => {
          calls.push(input);
          const out = join(input.out, "pkg");
          cpSync(dir, out, { recursive: true });
          // Every file of the fixture is an input: a change rebuilds, as with a real builder.
          const inputs = (readdirSync(dir, { recursive: true, withFileTypes: true }) as Dirent[]).filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name));
          return { handler: input.handler, out, inputs };
        });
      }
    },
  });
  return { plugin, calls };
}
